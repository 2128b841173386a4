import type { EvalContext, EvalObject } from '../context';
import { fail, isObject, kindOf } from '../context';
import { deepEquals, setProperty } from '../data';
import type { EvalValue } from '../values';
import { Unknown, getPropertyCI } from '../values';
import { argArray, argInt, argString, describeKind, scalarToString } from './args';
import { union } from './union';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

/** concat(): all arrays, or strings (ints and bools are written as text, as in concat('vm', copyIndex())). */
function concat(args: readonly EvalValue[], ctx: EvalContext): EvalValue {
  if (Array.isArray(args[0])) {
    let total = 0;
    for (let i = 0; i < args.length; i++) total += argArray('concat', args, i).length;
    ctx.checkLength(total, 'concat() result');
    return ([] as EvalValue[]).concat(...(args as EvalValue[][]));
  }
  const parts = args.map((arg, i) => scalarToString('concat', arg, i));
  ctx.checkLength(
    parts.reduce((sum, p) => sum + p.length, 0),
    'concat() result',
  );
  return parts.join('');
}

function length(value: EvalValue): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return fail(`length() expects a string, array or object, got ${describeKind(kindOf(value))}`);
}

function empty(value: EvalValue): boolean {
  return value === null || length(value) === 0;
}

/** contains(): substring (case-sensitive), object key (case-insensitive), or array item (deep equality). */
function contains(container: EvalValue, item: EvalValue, ctx: EvalContext): boolean | Unknown {
  if (typeof container === 'string') return container.includes(scalarToString('contains', item, 1));
  if (isObject(container)) {
    if (typeof item !== 'string') return fail(`contains() looks up object keys by string, got ${describeKind(kindOf(item))}`);
    return getPropertyCI(container, item) !== undefined;
  }
  if (Array.isArray(container)) {
    let unknown: Unknown | undefined;
    for (const candidate of container) {
      const r = deepEquals(candidate, item, ctx);
      if (r === true) return true;
      if (r instanceof Unknown) unknown ??= r;
    }
    return unknown ?? false;
  }
  return fail(`contains() expects a string, object or array, got ${describeKind(kindOf(container))}`);
}

function createObject(args: readonly EvalValue[]): EvalObject {
  if (args.length % 2 !== 0) return fail('createObject() takes pairs of key and value');
  const result: EvalObject = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!;
    if (key instanceof Unknown) return fail('createObject() has a key that cannot be evaluated');
    setProperty(result, argString('createObject', args, i), args[i + 1]!);
  }
  return result;
}

function endItem(fn: 'first' | 'last', value: EvalValue): EvalValue {
  if (typeof value === 'string') return value.length === 0 ? '' : fn === 'first' ? value[0]! : value[value.length - 1]!;
  if (Array.isArray(value)) {
    if (value.length === 0) return fail(`${fn}() of an empty array`);
    return fn === 'first' ? value[0]! : value[value.length - 1]!;
  }
  return fail(`${fn}() expects a string or an array, got ${describeKind(kindOf(value))}`);
}

/** take()/skip(): on arrays and strings, counts clamped to the length as ARM does. */
function slice(fn: 'take' | 'skip', args: readonly EvalValue[]): EvalValue {
  const value = args[0]!;
  const count = Math.max(0, argInt(fn, args, 1));
  if (typeof value !== 'string' && !Array.isArray(value))
    return fail(`${fn}() expects a string or an array, got ${describeKind(kindOf(value))}`);
  return fn === 'take' ? value.slice(0, count) : value.slice(count);
}

export const collectionFunctions: FunctionTable = {
  concat: eager(1, Infinity, concat),
  length: eager(1, 1, (args) => length(args[0]!)),
  empty: eager(1, 1, (args) => empty(args[0]!)),
  contains: eager(2, 2, (args, ctx) => contains(args[0]!, args[1]!, ctx)),
  createarray: eager(
    0,
    Infinity,
    (args, ctx) => {
      ctx.checkLength(args.length, 'createArray() result');
      return args.slice();
    },
    true,
  ),
  createobject: eager(0, Infinity, createObject, true),
  union: eager(1, Infinity, union),
  first: eager(1, 1, (args) => endItem('first', args[0]!)),
  last: eager(1, 1, (args) => endItem('last', args[0]!)),
  take: eager(2, 2, (args) => slice('take', args)),
  skip: eager(2, 2, (args) => slice('skip', args)),
  array: eager(1, 1, (args) => (Array.isArray(args[0]) ? args[0] : [args[0]!])),
  range: eager(2, 2, (args, ctx) => {
    const start = argInt('range', args, 0);
    const count = argInt('range', args, 1);
    if (count < 0) return fail('range() count must not be negative');
    ctx.checkLength(count, 'range() result');
    return Array.from({ length: count }, (_, i) => start + i);
  }),
};
