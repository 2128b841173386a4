import type { EvalValue, ValueSource } from './values';

/** What a name in scope (a parameter or a variable) resolves to, and where that value came from. */
export interface ScopeEntry {
  readonly value: EvalValue;
  readonly source: ValueSource;
}

/**
 * The names an expression can see. The template model implements it (parameters with their file values
 * and defaults, variables evaluated lazily with cycle detection); tests implement it with plain maps.
 * Lookups are case-insensitive, as in ARM. Returning undefined means "no such name" (the evaluator turns
 * that into an Unknown, since the template may still deploy with a value we cannot see).
 */
export interface EvalScope {
  parameter(name: string): ScopeEntry | undefined;
  variable(name: string): ScopeEntry | undefined;
}

/** Budget that keeps evaluation finite on hostile input. Exceeding any limit yields Unknown. */
export interface EvalLimits {
  /** Deepest nesting of calls, accesses and array/object construction. */
  readonly maxDepth: number;
  /** Function calls and accesses evaluated in one top-level evaluation. */
  readonly maxSteps: number;
  /** Longest string or array a function may build. */
  readonly maxLength: number;
}

export const DEFAULT_LIMITS: EvalLimits = { maxDepth: 64, maxSteps: 20_000, maxLength: 1_000_000 };

export interface EvalResult {
  readonly value: EvalValue;
  /** The combined source of everything the value was computed from (see combineSources). */
  readonly source: ValueSource;
}
