import type { EvalObject, ValueKind } from '../context';
import { fail, isObject, kindOf } from '../context';
import type { EvalValue } from '../values';

/** Argument type checks: each returns the typed value or fails with a reason naming the argument. */

function mismatch(fn: string, index: number, expected: string, value: EvalValue): never {
  return fail(`${fn}() expects ${expected} as argument ${index + 1}, got ${describeKind(kindOf(value))}`);
}

export function describeKind(kind: ValueKind): string {
  switch (kind) {
    case 'int':
      return 'an int';
    case 'number':
      return 'a non-integer number';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'unknown':
      return 'an unknown value';
    default:
      return `a ${kind}`;
  }
}

export function argString(fn: string, args: readonly EvalValue[], index: number): string {
  const value = args[index]!;
  return typeof value === 'string' ? value : mismatch(fn, index, 'a string', value);
}

export function argInt(fn: string, args: readonly EvalValue[], index: number): number {
  const value = args[index]!;
  return typeof value === 'number' && Number.isInteger(value) ? value : mismatch(fn, index, 'an int', value);
}

export function argBool(fn: string, args: readonly EvalValue[], index: number): boolean {
  const value = args[index]!;
  return typeof value === 'boolean' ? value : mismatch(fn, index, 'a bool', value);
}

export function argArray(fn: string, args: readonly EvalValue[], index: number): EvalValue[] {
  const value = args[index]!;
  return Array.isArray(value) ? value : mismatch(fn, index, 'an array', value);
}

export function argObject(fn: string, args: readonly EvalValue[], index: number): EvalObject {
  const value = args[index]!;
  return isObject(value) ? value : mismatch(fn, index, 'an object', value);
}

/** ARM ints are 64-bit; beyond 2^53 a JS number would silently lose digits, so that is an error. */
export function checkedInt(fn: string, value: number): number {
  // `+ 0` turns -0 (from mul, div, mod) into 0.
  return Number.isSafeInteger(value) ? value + 0 : fail(`${fn}() overflows the integer range this engine evaluates exactly`);
}

/** How ARM writes a scalar inside a string (concat, format): True/False as .NET does. */
export function scalarToString(fn: string, value: EvalValue, index: number): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return String(value);
    case 'boolean':
      return value ? 'True' : 'False';
    default:
      if (value === null) return '';
      return mismatch(fn, index, 'a string, int or bool', value);
  }
}
