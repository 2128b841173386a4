/** The ARM expression engine's public surface. */
export type { Expr, ParseResult } from './ast';
export { evaluateParsed, evaluateTemplateString, isExpressionString, literalValue } from './evaluate';
export { evaluatedFunctionNames } from './functions/registry';
export { parseExpression } from './parser';
export { formatResourceId, parseResourceId } from './resourceIds';
export type { ResourceIdParts } from './resourceIds';
export { DEFAULT_LIMITS } from './scope';
export type { EvalLimits, EvalResult, EvalScope, ScopeEntry } from './scope';
export { Unknown, combineSources, containsUnknown, getPropertyCI, isUnknown } from './values';
export type { EvalValue, ValueSource } from './values';
