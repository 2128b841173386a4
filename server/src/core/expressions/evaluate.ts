import type { Expr, ParseResult } from './ast';
import { EvalContext, LimitExceeded } from './context';
import { evaluateExpr } from './evaluator';
import { parseExpression } from './parser';
import type { EvalLimits, EvalResult, EvalScope } from './scope';
import { DEFAULT_LIMITS } from './scope';
import { Unknown } from './values';

/** True for a string ARM treats as an expression: "[...]", but not the "[[..." escape. */
export function isExpressionString(text: string): boolean {
  return text.length >= 2 && text.charCodeAt(0) === 91 /* [ */ && text.charCodeAt(1) !== 91 && text.charCodeAt(text.length - 1) === 93 /* ] */;
}

/**
 * The value of a string that is not an expression: "[[...]" is ARM's escape for a literal "[...]".
 * Other strings, including "[[..." without the closing bracket, are taken as they are.
 */
export function literalValue(text: string): string {
  return text.length >= 3 && text.startsWith('[[') && text.endsWith(']') ? text.slice(1) : text;
}

/**
 * Evaluates a template string: literal strings come back as they are (with the "[[" escape undone),
 * expressions are evaluated in the scope. Never throws: syntax errors, unsupported functions, type
 * errors and exhausted limits all give an Unknown carrying `text` and a reason.
 */
export function evaluateTemplateString(text: string, scope: EvalScope, limits: EvalLimits = DEFAULT_LIMITS): EvalResult {
  if (!isExpressionString(text)) return { value: literalValue(text), source: 'literal' };
  const parsed = parseCached(text, limits.maxDepth);
  if (!parsed.ok) return { value: new Unknown(text, `syntax error at column ${parsed.offset + 1}: ${parsed.error}`), source: 'unknown' };
  return evaluateParsed(text, parsed.expr, scope, limits);
}

/**
 * Parse results by expression text, for the default depth limit. Templates repeat the same expressions
 * ("[parameters('location')]" in every resource, copies of one resource), and a tree never changes once
 * built, so it is parsed once. Bounded (short texts only; emptied when full), so memory stays small
 * whatever is analysed.
 */
const parsedByText = new Map<string, ParseResult>();
const MAX_PARSED = 4096;
const MAX_CACHED_LENGTH = 1024;

function parseCached(text: string, maxDepth: number): ParseResult {
  if (maxDepth !== DEFAULT_LIMITS.maxDepth || text.length > MAX_CACHED_LENGTH) return parseExpression(text, maxDepth);
  const cached = parsedByText.get(text);
  if (cached) return cached;
  const parsed = parseExpression(text, maxDepth);
  // Failures are not kept: rare, and one may come from a stack nearly used up by the caller.
  if (parsed.ok) {
    if (parsedByText.size >= MAX_PARSED) parsedByText.clear();
    parsedByText.set(text, parsed);
  }
  return parsed;
}

/**
 * Evaluates an already parsed expression (for callers that parse once and evaluate in several scopes).
 * `text` is the full template string the tree came from.
 */
export function evaluateParsed(text: string, expr: Expr, scope: EvalScope, limits: EvalLimits = DEFAULT_LIMITS): EvalResult {
  const ctx = new EvalContext(text, scope, limits);
  let value;
  try {
    value = evaluateExpr(expr, ctx);
  } catch (e) {
    // Limits end the whole evaluation; anything else (a throwing scope, a bug) must not escape either.
    const reason = e instanceof LimitExceeded ? `evaluation stopped: ${e.reason}` : `evaluation failed: ${e instanceof Error ? e.message : String(e)}`;
    return { value: new Unknown(text, reason), source: 'unknown' };
  }
  if (value instanceof Unknown) return { value: ctx.restate(value), source: 'unknown' };
  return { value, source: ctx.source };
}
