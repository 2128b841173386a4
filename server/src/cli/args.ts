import { CliError } from './io';

export interface OptionSpec {
  /** Takes a value (`--format json` or `--format=json`); otherwise a flag. */
  readonly value?: boolean;
  /** May be given more than once; values collect in order. */
  readonly repeat?: boolean;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly options: Map<string, string[]>;
}

/** A small strict argv parser: unknown options are usage errors, so typos never pass silently. */
export function parseArgs(argv: readonly string[], spec: Readonly<Record<string, OptionSpec>>): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const option = spec[name];
    if (!option) throw new CliError(`unknown option --${name}`);
    let value = 'true';
    if (option.value) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i]!;
      else throw new CliError(`--${name} needs a value`);
    } else if (eq !== -1) {
      throw new CliError(`--${name} takes no value`);
    }
    const values = options.get(name) ?? [];
    if (values.length > 0 && !option.repeat) throw new CliError(`--${name} given more than once`);
    values.push(value);
    options.set(name, values);
  }
  return { positionals, options };
}

export function optionValue(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}

export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const value = optionValue(args, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')`);
  return value as T;
}
