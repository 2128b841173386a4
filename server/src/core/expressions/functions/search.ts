import type { EvalContext } from '../context';
import { fail, kindOf } from '../context';
import { deepEquals } from '../data';
import type { EvalValue } from '../values';
import { Unknown } from '../values';
import { argString, describeKind } from './args';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

/**
 * indexOf()/lastIndexOf(): in a string, case-insensitively (as ARM does); in an array, the position
 * of a deeply equal item. -1 when absent.
 */
function find(fn: string, last: boolean, args: readonly EvalValue[], ctx: EvalContext): number | Unknown {
  const container = args[0]!;
  if (typeof container === 'string') {
    const text = container.toLowerCase();
    const item = argString(fn, args, 1).toLowerCase();
    return last ? text.lastIndexOf(item) : text.indexOf(item);
  }
  if (!Array.isArray(container)) return fail(`${fn}() expects a string or an array, got ${describeKind(kindOf(container))}`);
  const item = args[1]!;
  for (let k = 0; k < container.length; k++) {
    const i = last ? container.length - 1 - k : k;
    const r = deepEquals(container[i]!, item, ctx);
    // An item that might match hides where (or whether) the match is.
    if (r instanceof Unknown) return r;
    if (r) return i;
  }
  return -1;
}

export const searchFunctions: FunctionTable = {
  indexof: eager(2, 2, (args, ctx) => find('indexOf', false, args, ctx)),
  lastindexof: eager(2, 2, (args, ctx) => find('lastIndexOf', true, args, ctx)),
};
