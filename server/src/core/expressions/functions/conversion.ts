import type { EvalValue } from '../values';
import { fail, isObject, kindOf } from '../context';
import { parseJson, toJson } from '../data';
import { argString, describeKind, scalarToString } from './args';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

/** bool(): a bool; a string is true when it is 'true' in any case, else false; an int is true unless 0. */
function toBool(value: EvalValue): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return value !== 0;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  return fail(`bool() expects a string or an int, got ${describeKind(kindOf(value))}`);
}

export const conversionFunctions: FunctionTable = {
  // Objects and arrays become compact JSON; scalars their ARM text.
  string: eager(1, 1, (args, ctx) => {
    const value = args[0]!;
    if (Array.isArray(value) || isObject(value)) return toJson(value, ctx);
    return scalarToString('string', value, 0);
  }),
  bool: eager(1, 1, (args) => toBool(args[0]!)),
  json: eager(1, 1, (args, ctx) => {
    const text = argString('json', args, 0);
    const value = parseJson(text, ctx);
    return value === undefined ? fail('json() argument is not valid JSON') : value;
  }),
};
