import type { EvalContext, EvalObject } from './context';
import { isObject } from './context';
import type { EvalValue } from './values';
import { Unknown } from './values';

/**
 * Deep operations on values. They recurse on the value, so each checks the nesting depth and charges
 * the nodes it visits to the context (values can share parts, making a small tree exponentially big).
 */

/** Sets a property without letting a "__proto__" key change the object's prototype. */
export function setProperty(obj: EvalObject, key: string, value: EvalValue): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** Deep equality as ARM's equals(): types must match, object keys in any order, arrays in order. */
export function deepEquals(a: EvalValue, b: EvalValue, ctx: EvalContext, depth = 0): boolean | Unknown {
  ctx.charge(1);
  ctx.checkDepth(depth);
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let unknown: Unknown | undefined;
    for (let i = 0; i < a.length; i++) {
      const r = deepEquals(a[i]!, b[i]!, ctx, depth + 1);
      if (r === false) return false;
      if (r instanceof Unknown) unknown ??= r;
    }
    return unknown ?? true;
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    let unknown: Unknown | undefined;
    for (const key of keys) {
      if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
      const r = deepEquals(a[key]!, b[key]!, ctx, depth + 1);
      if (r === false) return false;
      if (r instanceof Unknown) unknown ??= r;
    }
    return unknown ?? true;
  }
  return a === b;
}

/**
 * Compact JSON as ARM's string() writes it. Returns the first Unknown found instead when the value
 * contains one. `sortKeys` gives a canonical form (for distinct values in union()).
 */
export function toJson(value: EvalValue, ctx: EvalContext, sortKeys = false): string | Unknown {
  const parts: string[] = [];
  let length = 0;
  const push = (s: string): void => {
    length += s.length;
    ctx.checkLength(length, 'string()');
    parts.push(s);
  };
  const write = (v: EvalValue, depth: number): Unknown | undefined => {
    ctx.charge(1);
    ctx.checkDepth(depth);
    if (v instanceof Unknown) return v;
    if (Array.isArray(v)) {
      push('[');
      for (let i = 0; i < v.length; i++) {
        if (i > 0) push(',');
        const u = write(v[i]!, depth + 1);
        if (u) return u;
      }
      push(']');
    } else if (isObject(v)) {
      push('{');
      const keys = Object.keys(v);
      if (sortKeys) keys.sort();
      for (let i = 0; i < keys.length; i++) {
        if (i > 0) push(',');
        push(JSON.stringify(keys[i]) + ':');
        const u = write(v[keys[i]!]!, depth + 1);
        if (u) return u;
      }
      push('}');
    } else {
      push(JSON.stringify(v));
    }
    return undefined;
  };
  const unknown = write(value, 0);
  return unknown ?? parts.join('');
}

/** Parses JSON text for json(): undefined when it is not JSON; LimitExceeded when too deep or big. */
export function parseJson(text: string, ctx: EvalContext): EvalValue | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const check = (v: unknown, depth: number): void => {
    ctx.charge(1);
    ctx.checkDepth(depth);
    if (Array.isArray(v)) for (const item of v) check(item, depth + 1);
    else if (v !== null && typeof v === 'object') for (const key of Object.keys(v)) check((v as Record<string, unknown>)[key], depth + 1);
  };
  check(parsed, 0);
  return parsed as EvalValue;
}
