import type { EvalLimits, EvalResult, EvalScope } from './scope';
import { DEFAULT_LIMITS } from './scope';
import { Unknown } from './values';

/** True for a string ARM treats as an expression: "[...]", but not the "[[..." escape. */
export function isExpressionString(text: string): boolean {
  return text.length >= 2 && text.charCodeAt(0) === 91 /* [ */ && text.charCodeAt(1) !== 91 && text.charCodeAt(text.length - 1) === 93 /* ] */;
}

/**
 * Evaluates a template string: literal strings come back as they are (with the "[[" escape undone),
 * expressions are evaluated in the scope. Never throws.
 * PLACEHOLDER: the full evaluator replaces this body.
 */
export function evaluateTemplateString(text: string, _scope: EvalScope, _limits: EvalLimits = DEFAULT_LIMITS): EvalResult {
  if (!isExpressionString(text)) {
    return { value: text.startsWith('[[') ? text.slice(1) : text, source: 'literal' };
  }
  return { value: new Unknown(text, 'not evaluated yet'), source: 'unknown' };
}
