import { HARD_MAX_DEPTH } from './parser';
import type { EvalLimits, EvalScope } from './scope';
import type { EvalValue, ValueSource } from './values';
import { Unknown, combineSources } from './values';

/**
 * Thrown (never past evaluateTemplateString) when a budget runs out: the whole evaluation is then
 * Unknown, since a partial result cannot be trusted. Not an Error, so throwing it captures no stack.
 */
export class LimitExceeded {
  constructor(readonly reason: string) {}
}

/** State of one top-level evaluation. Created per call, so nothing is shared between evaluations. */
export class EvalContext {
  /** Combined source of every scope entry read so far. */
  source: ValueSource = 'expression';
  private steps = 0;
  /** Nodes visited by deep operations (equals, string(), union, ...), bounded by limits.maxLength. */
  private work = 0;

  constructor(
    /** The full template string, brackets included: the expression text of every Unknown made here. */
    readonly text: string,
    readonly scope: EvalScope,
    readonly limits: EvalLimits,
  ) {}

  unknown(reason: string): Unknown {
    return new Unknown(this.text, reason);
  }

  /** An Unknown from elsewhere (a variable's own expression), restated for this expression. */
  restate(value: Unknown): Unknown {
    return value.expression === this.text ? value : new Unknown(this.text, value.reason);
  }

  addSource(source: ValueSource): void {
    this.source = combineSources(this.source, source);
  }

  /** Counts one call or access against limits.maxSteps. */
  step(): void {
    if (++this.steps > this.limits.maxSteps) throw new LimitExceeded(`more than ${this.limits.maxSteps} evaluation steps`);
  }

  /** Counts nodes visited by a deep operation; guards against values shared exponentially (DAGs). */
  charge(nodes: number): void {
    this.work += nodes;
    if (this.work > this.limits.maxLength) throw new LimitExceeded(`more than ${this.limits.maxLength} values visited`);
  }

  /** Throws when a string or array about to be built would be longer than limits.maxLength. */
  checkLength(length: number, what: string): void {
    if (length > this.limits.maxLength) throw new LimitExceeded(`${what} would be longer than ${this.limits.maxLength}`);
  }

  /** Throws when a nested value is deeper than limits.maxDepth (deep operations recurse on it). */
  checkDepth(depth: number): void {
    const max = Math.min(this.limits.maxDepth, HARD_MAX_DEPTH);
    if (depth > max) throw new LimitExceeded(`value nested more than ${max} levels deep`);
  }
}

/** A JSON-like value's kind, for type checks and messages. */
export type ValueKind = 'null' | 'bool' | 'int' | 'number' | 'string' | 'array' | 'object' | 'unknown';

export function kindOf(value: EvalValue): ValueKind {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'number';
    case 'string':
      return 'string';
    default:
      if (value instanceof Unknown) return 'unknown';
      return Array.isArray(value) ? 'array' : 'object';
  }
}

export type EvalObject = { [key: string]: EvalValue };

export function isObject(value: EvalValue): value is EvalObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown);
}

/**
 * Thrown by a function on a type or domain error (add('a', 1), index out of range); the call site
 * turns it into an Unknown for that call only, so an untaken if() branch with an error does no harm.
 */
export class EvalFailure {
  constructor(readonly reason: string) {}
}

export function fail(reason: string): never {
  throw new EvalFailure(reason);
}
