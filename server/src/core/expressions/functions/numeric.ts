import type { EvalValue } from '../values';
import { Unknown } from '../values';
import { fail, kindOf } from '../context';
import { argInt, checkedInt, describeKind } from './args';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

function binary(fn: string, op: (a: number, b: number) => number): FunctionTable[string] {
  return eager(2, 2, (args) => checkedInt(fn, op(argInt(fn, args, 0), argInt(fn, args, 1))));
}

/** min()/max() take ints, or a single array of ints. */
function extreme(fn: string, pick: (a: number, b: number) => number): FunctionTable[string] {
  return eager(1, Infinity, (args) => {
    const values: readonly EvalValue[] = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    if (values.length === 0) return fail(`${fn}() of an empty array`);
    let result: number | undefined;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value instanceof Unknown) return value;
      if (typeof value !== 'number' || !Number.isInteger(value)) return fail(`${fn}() expects ints, got ${describeKind(kindOf(value))}`);
      result = result === undefined ? value : pick(result, value);
    }
    return result!;
  });
}

/** int(): an int, or a string holding one (as .NET parses it: optional sign, surrounding spaces). */
function toInt(value: EvalValue): number {
  if (typeof value === 'number' && Number.isInteger(value)) return checkedInt('int', value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text)) return checkedInt('int', Number(text));
    return fail(`int() cannot convert '${value.length > 40 ? value.slice(0, 40) + '…' : value}' to an int`);
  }
  return fail(`int() expects a string or an int, got ${describeKind(kindOf(value))}`);
}

export const numericFunctions: FunctionTable = {
  int: eager(1, 1, (args) => toInt(args[0]!)),
  add: binary('add', (a, b) => a + b),
  sub: binary('sub', (a, b) => a - b),
  mul: binary('mul', (a, b) => a * b),
  div: binary('div', (a, b) => (b === 0 ? fail('div() by zero') : Math.trunc(a / b))),
  // JS % truncates like C#'s: the result takes the dividend's sign.
  mod: binary('mod', (a, b) => (b === 0 ? fail('mod() by zero') : a % b)),
  min: extreme('min', Math.min),
  max: extreme('max', Math.max),
};
