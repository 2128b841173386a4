// Numeric options of the CLI's commands: whole numbers and numbers within a range, or a usage error (exit 2).
import { optionValue, type ParsedArgs } from './args';
import { CliError } from './io';

export function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function intOption(args: ParsedArgs, name: string, min: number, max: number, unit?: string): number | undefined {
  const text = optionValue(args, name);
  return text === undefined ? undefined : parseInteger(name, text, min, max, unit);
}

export function parseInteger(name: string, text: string, min: number, max: number, unit?: string): number {
  const of = unit ? ` of ${unit}` : '';
  if (!/^\d+$/.test(text.trim())) throw new CliError(`--${name} must be a whole number${of}, ${min} or more (got '${text}')`);
  const n = Number(text);
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max} (got ${text})`);
  return n;
}

export function numberOption(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = optionValue(args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw new CliError(`--${name} must be a number from ${min} to ${max} (got '${text}')`);
  return n;
}
