import type { Call, Expr, IndexAccess, PropertyAccess } from './ast';
import type { EvalContext } from './context';
import { EvalFailure, isObject, kindOf } from './context';
import { describeKind } from './functions/args';
import { lookupFunction, unsupportedReason } from './functions/registry';
import type { EvalValue } from './values';
import { Unknown, getPropertyCI } from './values';

/**
 * Evaluates a parsed expression. Recursion follows the tree, whose depth the parser bounds. Function
 * failures become Unknowns at their call; only LimitExceeded escapes, to the top level.
 */
export function evaluateExpr(expr: Expr, ctx: EvalContext): EvalValue {
  switch (expr.kind) {
    case 'string':
    case 'integer':
      return expr.value;
    case 'call':
      ctx.step();
      return callFunction(expr, ctx);
    case 'property':
      ctx.step();
      return guarded(() => readProperty(expr, ctx), ctx);
    case 'index':
      ctx.step();
      return guarded(() => readIndex(expr, ctx), ctx);
  }
}

function guarded(run: () => EvalValue, ctx: EvalContext): EvalValue {
  try {
    return run();
  } catch (e) {
    if (e instanceof EvalFailure) return ctx.unknown(e.reason);
    throw e;
  }
}

function callFunction(call: Call, ctx: EvalContext): EvalValue {
  const def = lookupFunction(call.lowerName);
  if (!def) return ctx.unknown(unsupportedReason(call.name, call.lowerName));
  const count = call.args.length;
  if (count < def.minArgs || count > def.maxArgs) return ctx.unknown(arityMessage(call.name, def.minArgs, def.maxArgs, count));
  if (def.kind === 'lazy') return guarded(() => def.call(call.args, ctx, (arg) => evaluateExpr(arg, ctx)), ctx);
  const values: EvalValue[] = new Array<EvalValue>(count);
  for (let i = 0; i < count; i++) {
    const value = evaluateExpr(call.args[i]!, ctx);
    if (value instanceof Unknown && !def.acceptsUnknown) return value;
    values[i] = value;
  }
  return guarded(() => def.call(values, ctx), ctx);
}

function arityMessage(name: string, min: number, max: number, count: number): string {
  const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  return `${name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${count}`;
}

function readProperty(expr: PropertyAccess, ctx: EvalContext): EvalValue {
  const target = evaluateExpr(expr.target, ctx);
  if (target instanceof Unknown) return target;
  return member(target, expr.name, ctx);
}

function readIndex(expr: IndexAccess, ctx: EvalContext): EvalValue {
  const target = evaluateExpr(expr.target, ctx);
  if (target instanceof Unknown) return target;
  const index = evaluateExpr(expr.index, ctx);
  if (index instanceof Unknown) return index;
  if (Array.isArray(target)) {
    if (typeof index !== 'number' || !Number.isInteger(index))
      throw new EvalFailure(`an array index must be an int, got ${describeKind(kindOf(index))}`);
    if (index < 0 || index >= target.length)
      throw new EvalFailure(`index ${index} is out of range for an array of length ${target.length}`);
    return target[index]!;
  }
  if (typeof index !== 'string') throw new EvalFailure(`only arrays can be indexed with ${describeKind(kindOf(index))}`);
  return member(target, index, ctx);
}

/** Property lookup, case-insensitive as in ARM. A missing property is a deployment error in ARM. */
function member(target: EvalValue, name: string, ctx: EvalContext): EvalValue {
  if (!isObject(target)) throw new EvalFailure(`cannot read property '${name}' of ${describeKind(kindOf(target))}`);
  const value = getPropertyCI(target, name);
  if (value === undefined) throw new EvalFailure(`property '${name}' does not exist`);
  return value instanceof Unknown ? ctx.restate(value) : value;
}
