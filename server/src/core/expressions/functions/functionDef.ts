import type { Expr } from '../ast';
import type { EvalContext } from '../context';
import type { EvalValue } from '../values';

/** Receives evaluated arguments; an Unknown argument never reaches it unless acceptsUnknown is set. */
export interface EagerFunction {
  readonly kind: 'eager';
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Builds containers holding Unknowns (createArray) instead of becoming Unknown. */
  readonly acceptsUnknown?: boolean;
  readonly call: (args: readonly EvalValue[], ctx: EvalContext) => EvalValue;
}

/** Evaluates its arguments itself, for if(), coalesce(), and(), or(): only what decides the result. */
export interface LazyFunction {
  readonly kind: 'lazy';
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly call: (args: readonly Expr[], ctx: EvalContext, evaluate: (arg: Expr) => EvalValue) => EvalValue;
}

export type FunctionDef = EagerFunction | LazyFunction;

/** Function tables map lower-case names to definitions. */
export type FunctionTable = Readonly<Record<string, FunctionDef>>;

export function eager(minArgs: number, maxArgs: number, call: EagerFunction['call'], acceptsUnknown = false): EagerFunction {
  return { kind: 'eager', minArgs, maxArgs, call, acceptsUnknown };
}

export function lazy(minArgs: number, maxArgs: number, call: LazyFunction['call']): LazyFunction {
  return { kind: 'lazy', minArgs, maxArgs, call };
}
