import type { EvalContext, EvalObject } from '../context';
import { isObject } from '../context';
import { setProperty, toJson } from '../data';
import type { EvalValue } from '../values';
import { Unknown } from '../values';
import { argArray, argObject } from './args';

/**
 * union(): arrays give their distinct items in first-seen order; objects merge left to right, later
 * values winning, with nested objects merged recursively (nested arrays are replaced), as ARM documents.
 */
export function union(args: readonly EvalValue[], ctx: EvalContext): EvalValue {
  if (Array.isArray(args[0])) return unionArrays(args, ctx);
  let result: EvalObject = {};
  for (let i = 0; i < args.length; i++) result = merge(result, argObject('union', args, i), ctx, 0);
  return result;
}

function unionArrays(args: readonly EvalValue[], ctx: EvalContext): EvalValue {
  const seen = new Set<string>();
  const result: EvalValue[] = [];
  for (let i = 0; i < args.length; i++) {
    for (const item of argArray('union', args, i)) {
      // Deep equality through a canonical JSON key keeps this linear; Unknown items cannot be compared.
      const key = toJson(item, ctx, true);
      if (key instanceof Unknown) return key;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(item);
      ctx.checkLength(result.length, 'union() result');
    }
  }
  return result;
}

/** Keys match case-insensitively; the first spelling is kept. */
function merge(target: EvalObject, source: EvalObject, ctx: EvalContext, depth: number): EvalObject {
  ctx.checkDepth(depth);
  const result: EvalObject = {};
  const spelling = new Map<string, string>();
  for (const key of Object.keys(target)) {
    setProperty(result, key, target[key]!);
    spelling.set(key.toLowerCase(), key);
  }
  for (const key of Object.keys(source)) {
    ctx.charge(1);
    const existing = spelling.get(key.toLowerCase());
    const value = source[key]!;
    if (existing === undefined) {
      setProperty(result, key, value);
      spelling.set(key.toLowerCase(), key);
      continue;
    }
    const old = result[existing]!;
    setProperty(result, existing, isObject(old) && isObject(value) ? merge(old, value, ctx, depth + 1) : value);
  }
  return result;
}
