import type { EvalValue } from '../expressions/values';
import { equalsIgnoreCase } from '../text/caseless';
import type { RProperty, RValue } from './templateModel';

/** Reading resolved values the way ARM coerces them ("20" → 20, "true" → true), for rules and the simulator. */

/** The property of an object value with this name (case-insensitive; the last one wins, as in ARM). */
export function getProp(value: RValue | undefined, name: string): RProperty | undefined {
  if (value?.kind !== 'object') return undefined;
  let found: RProperty | undefined;
  for (const prop of value.properties) if (equalsIgnoreCase(prop.name, name)) found = prop;
  return found;
}

export function getPath(value: RValue | undefined, ...names: string[]): RProperty | undefined {
  let prop: RProperty | undefined;
  let at = value;
  for (const name of names) {
    prop = getProp(at, name);
    if (!prop) return undefined;
    at = prop.value;
  }
  return prop;
}

export function asString(value: RValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** An integer, also from a numeric string; undefined when absent, unknown or not an integer. */
export function asInteger(value: RValue | undefined): number | undefined {
  if (value?.kind === 'number') return Number.isInteger(value.value) ? value.value : undefined;
  if (value?.kind === 'string' && /^\s*-?\d+\s*$/.test(value.value)) return Number.parseInt(value.value, 10);
  return undefined;
}

/** A boolean, also from "true"/"false" (any case), which ARM accepts for boolean properties. */
export function asBoolean(value: RValue | undefined): boolean | undefined {
  if (value?.kind === 'boolean') return value.value;
  if (value?.kind === 'string') {
    const lower = value.value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  return undefined;
}

/** The value as plain JSON; unknown parts become null. */
export function toPlain(value: RValue | undefined): EvalValue {
  if (!value) return null;
  switch (value.kind) {
    case 'object': {
      const out: { [key: string]: EvalValue } = {};
      for (const prop of value.properties) out[prop.name] = toPlain(prop.value);
      return out;
    }
    case 'array':
      return value.items.map(toPlain);
    case 'unknown':
      return null;
    default:
      return value.value;
  }
}
