import type { EvalValue } from '../values';
import { Unknown } from '../values';
import { fail, kindOf } from '../context';
import { deepEquals } from '../data';
import { argBool, describeKind } from './args';
import type { FunctionTable } from './functionDef';
import { eager, lazy } from './functionDef';

function expectBool(fn: string, value: EvalValue, index: number): boolean | Unknown {
  if (value instanceof Unknown || typeof value === 'boolean') return value;
  return fail(`${fn}() expects a bool as argument ${index + 1}, got ${describeKind(kindOf(value))}`);
}

/** and()/or(): the first argument equal to `decisive` settles the result even if others are Unknown. */
function shortCircuit(fn: string, decisive: boolean): FunctionTable[string] {
  return lazy(1, Infinity, (args, _ctx, evaluate) => {
    let unknown: Unknown | undefined;
    for (let i = 0; i < args.length; i++) {
      const value = expectBool(fn, evaluate(args[i]!), i);
      if (value === decisive) return decisive;
      if (value instanceof Unknown) unknown ??= value;
    }
    return unknown ?? !decisive;
  });
}

function compare(fn: string, test: (order: number) => boolean): FunctionTable[string] {
  return eager(2, 2, (args) => {
    const [a, b] = args as [EvalValue, EvalValue];
    if (typeof a === 'number' && typeof b === 'number') return test(a - b);
    // Ordinal comparison of strings.
    if (typeof a === 'string' && typeof b === 'string') return test(a < b ? -1 : a > b ? 1 : 0);
    return fail(`${fn}() compares two ints or two strings, got ${describeKind(kindOf(a))} and ${describeKind(kindOf(b))}`);
  });
}

export const logicFunctions: FunctionTable = {
  true: eager(0, 0, () => true),
  false: eager(0, 0, () => false),
  null: eager(0, 0, () => null),
  if: lazy(3, 3, (args, _ctx, evaluate) => {
    const condition = expectBool('if', evaluate(args[0]!), 0);
    if (condition instanceof Unknown) return condition;
    return evaluate(condition ? args[1]! : args[2]!);
  }),
  and: shortCircuit('and', false),
  or: shortCircuit('or', true),
  not: eager(1, 1, (args) => !argBool('not', args, 0)),
  coalesce: lazy(1, Infinity, (args, _ctx, evaluate) => {
    for (const arg of args) {
      const value = evaluate(arg);
      // An Unknown might be null, so nothing after it can be chosen.
      if (value !== null) return value;
    }
    return null;
  }),
  equals: eager(2, 2, (args, ctx) => deepEquals(args[0]!, args[1]!, ctx)),
  less: compare('less', (o) => o < 0),
  lessorequals: compare('lessOrEquals', (o) => o <= 0),
  greater: compare('greater', (o) => o > 0),
  greaterorequals: compare('greaterOrEquals', (o) => o >= 0),
};
