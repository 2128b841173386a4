import type { Expr, ParseResult } from './ast';
import { EvalContext, LimitExceeded } from './context';
import { evaluateExpr } from './evaluator';
import { parseExpression } from './parser';
import type { EvalLimits, EvalResult, EvalScope } from './scope';
import { DEFAULT_LIMITS } from './scope';
import { Unknown } from './values';

/** True for a string ARM treats as an expression: "[...]", but not the "[[..." escape. */
export function isExpressionString(text: string): boolean {
  return (
    text.length >= 2 && text.charCodeAt(0) === 91 /* [ */ && text.charCodeAt(1) !== 91 && text.charCodeAt(text.length - 1) === 93
  ); /* ] */
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
export function evaluateTemplateString(
  text: string,
  scope: EvalScope,
  limits: EvalLimits = DEFAULT_LIMITS,
  parses?: ExpressionParses,
): EvalResult {
  if (!isExpressionString(text)) return { value: literalValue(text), source: 'literal' };
  const parsed = parses && limits.maxDepth === DEFAULT_LIMITS.maxDepth ? parses.parse(text) : parseExpression(text, limits.maxDepth);
  if (!parsed.ok) return { value: new Unknown(text, `syntax error at column ${parsed.offset + 1}: ${parsed.error}`), source: 'unknown' };
  return evaluateParsed(text, parsed.expr, scope, limits);
}

const MAX_PARSED = 4096;
const MAX_CACHED_LENGTH = 1024;

/**
 * Parse results by expression text (default depth limit), for one analysis: its caller (the template's
 * scope) makes one and passes it to every evaluation. Templates repeat the same expressions
 * ("[parameters('location')]" in every resource, copies of one resource), and a tree never changes once
 * built, so each is parsed once per analysis. Bounded (short texts only; emptied when full), so memory
 * stays small whatever is analysed; nothing outlives the analysis.
 */
export class ExpressionParses {
  private readonly byText = new Map<string, ParseResult>();

  parse(text: string): ParseResult {
    if (text.length > MAX_CACHED_LENGTH) return parseExpression(text, DEFAULT_LIMITS.maxDepth);
    const cached = this.byText.get(text);
    if (cached) return cached;
    const parsed = parseExpression(text, DEFAULT_LIMITS.maxDepth);
    // Failures are not kept: rare, and one may come from a stack nearly used up by the caller.
    if (parsed.ok) {
      if (this.byText.size >= MAX_PARSED) this.byText.clear();
      this.byText.set(text, parsed);
    }
    return parsed;
  }
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
    const reason =
      e instanceof LimitExceeded ? `evaluation stopped: ${e.reason}` : `evaluation failed: ${e instanceof Error ? e.message : String(e)}`;
    return { value: new Unknown(text, reason), source: 'unknown' };
  }
  if (value instanceof Unknown) return { value: ctx.restate(value), source: 'unknown' };
  return { value, source: ctx.source };
}
