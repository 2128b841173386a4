import type { Node } from 'jsonc-parser';
import { evaluateTemplateString, ExpressionParses, isExpressionString, literalValue } from '../expressions/evaluate';
import { DEFAULT_LIMITS, type EvalResult, type EvalScope } from '../expressions/scope';
import { combineSources, Unknown, type EvalValue, type ValueSource } from '../expressions/values';
import { propertyKeySpan, propertyName, propertyValueNode, spanOf } from '../json/nodes';
import type { Span } from '../text/span';
import type { RProperty, RValue } from '../model/templateModel';

/** Past this depth a value is left unknown rather than walked (real templates nest far less). */
const MAX_DEPTH = 100;

/**
 * Turns JSON nodes into resolved values (RValue) in one scope: literals stay literals, expression
 * strings are evaluated, and values computed by an expression keep the expression's span and text.
 */
export class Resolver {
  /** Results of expression texts evaluated while `canReuse` said yes (see the constructor). */
  private readonly results = new Map<string, EvalResult>();

  /**
   * `canReuse`, when given, says whether an evaluation may be answered from, and kept in, the results
   * of earlier ones: true when no parameter or variable of the scope is being computed. At that level an
   * expression's value depends only on its text and on entries the scope has already settled, so a text
   * repeated across resources ("[parameters('location')]") is evaluated once. Inside a computation a
   * cycle can make the same text come out differently, so nothing is reused there.
   */
  constructor(
    readonly scope: EvalScope,
    private readonly canReuse?: () => boolean,
    /** The analysis's parsed expressions, shared by its scopes. */
    private readonly parses: ExpressionParses = new ExpressionParses(),
  ) {}

  private evaluate(text: string): EvalResult {
    if (!this.canReuse?.()) return evaluateTemplateString(text, this.scope, DEFAULT_LIMITS, this.parses);
    let result = this.results.get(text);
    if (!result) {
      result = evaluateTemplateString(text, this.scope, DEFAULT_LIMITS, this.parses);
      this.results.set(text, result);
    }
    return result;
  }

  resolve(node: Node, depth = 0): RValue {
    const span = spanOf(node);
    if (depth > MAX_DEPTH) return unknownValue(span, new Unknown('', 'nested too deeply to analyse'));
    switch (node.type) {
      case 'string': {
        const text = node.value as string;
        if (!isExpressionString(text)) return { kind: 'string', value: literalValue(text), span, source: 'literal' };
        const result = this.evaluate(text);
        return fromEvalValue(result.value, span, result.source, text);
      }
      case 'number':
        return { kind: 'number', value: node.value as number, span, source: 'literal' };
      case 'boolean':
        return { kind: 'boolean', value: node.value as boolean, span, source: 'literal' };
      case 'null':
        return { kind: 'null', value: null, span, source: 'literal' };
      case 'array':
        return { kind: 'array', items: (node.children ?? []).map((child) => this.resolve(child, depth + 1)), span, source: 'literal' };
      case 'object': {
        const properties: RProperty[] = [];
        for (const prop of node.children ?? []) {
          const name = propertyName(prop);
          if (name === undefined) continue;
          const valueNode = propertyValueNode(prop);
          properties.push({
            name,
            keySpan: propertyKeySpan(prop),
            value: valueNode
              ? this.resolve(valueNode, depth + 1)
              : unknownValue(spanOf(prop), new Unknown('', 'the property has no value yet')),
          });
        }
        return { kind: 'object', properties, span, source: 'literal' };
      }
      default:
        return unknownValue(span, new Unknown('', 'not a JSON value'));
    }
  }

  /** The plain value of a node, for parameters and variables that expressions read. */
  toEvalValue(node: Node, depth = 0): { value: EvalValue; source: ValueSource } {
    if (depth > MAX_DEPTH) return { value: new Unknown('', 'nested too deeply to analyse'), source: 'unknown' };
    switch (node.type) {
      case 'string': {
        const text = node.value as string;
        if (!isExpressionString(text)) return { value: literalValue(text), source: 'literal' };
        return this.evaluate(text);
      }
      case 'array': {
        let source: ValueSource = 'literal';
        const items = (node.children ?? []).map((child) => {
          const item = this.toEvalValue(child, depth + 1);
          source = combineSources(source, item.source);
          return item.value;
        });
        return { value: items, source };
      }
      case 'object': {
        let source: ValueSource = 'literal';
        const value: { [key: string]: EvalValue } = {};
        for (const prop of node.children ?? []) {
          const name = propertyName(prop);
          const valueNode = propertyValueNode(prop);
          if (name === undefined || !valueNode) continue;
          const item = this.toEvalValue(valueNode, depth + 1);
          source = combineSources(source, item.source);
          value[name] = item.value;
        }
        return { value, source };
      }
      default:
        return { value: (node.value ?? null) as EvalValue, source: 'literal' };
    }
  }
}

export function unknownValue(span: Span, unknown: Unknown): RValue {
  return unknown.expression
    ? { kind: 'unknown', unknown, span, source: 'unknown', expression: unknown.expression }
    : { kind: 'unknown', unknown, span, source: 'unknown' };
}

/**
 * Wraps an evaluated value as an RValue whose every part points at the expression that computed it.
 * (Objects are written out rather than spread from a shared `{ expression }`: spreading is much slower,
 * and this runs for every value an expression yields. The keys keep the same order.)
 */
export function fromEvalValue(value: EvalValue, span: Span, source: ValueSource, expression: string | undefined, depth = 0): RValue {
  // An expression can build far more than its text suggests (range(1, 1000000) is 20 characters); past
  // MAX_VALUES parts the value is left unknown instead of becoming a million model values.
  if (depth === 0 && typeof value === 'object' && value !== null && !(value instanceof Unknown) && exceeds(value, MAX_VALUES)) {
    return withExpression(
      {
        kind: 'unknown',
        unknown: new Unknown(expression ?? '', `more than ${MAX_VALUES} values: too large to analyse`),
        span,
        source: 'unknown',
      },
      expression,
    );
  }
  return convert(value, span, source, expression, depth);
}

/** Values an expression's result may have (arrays, objects and scalars inside them, counted once each). */
const MAX_VALUES = 10_000;

/** Whether `value` has more than `limit` parts, counting no further than that (iterative: it may be deep). */
function exceeds(value: EvalValue, limit: number): boolean {
  let count = 0;
  const stack: EvalValue[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (++count > limit) return true;
    if (v === null || typeof v !== 'object' || v instanceof Unknown) continue;
    if (Array.isArray(v)) {
      if (count + v.length > limit) return true;
      for (const item of v) stack.push(item);
    } else {
      for (const key in v) stack.push(v[key]!);
    }
  }
  return false;
}

function convert(value: EvalValue, span: Span, source: ValueSource, expression: string | undefined, depth: number): RValue {
  if (value instanceof Unknown) return withExpression({ kind: 'unknown', unknown: value, span, source: 'unknown' }, expression);
  if (depth > MAX_DEPTH)
    return withExpression(
      { kind: 'unknown', unknown: new Unknown(expression ?? '', 'nested too deeply to analyse'), span, source: 'unknown' },
      expression,
    );
  if (value === null) return withExpression({ kind: 'null', value: null, span, source }, expression);
  switch (typeof value) {
    case 'string':
      return withExpression({ kind: 'string', value, span, source }, expression);
    case 'number':
      return withExpression({ kind: 'number', value, span, source }, expression);
    case 'boolean':
      return withExpression({ kind: 'boolean', value, span, source }, expression);
    default:
      break;
  }
  if (Array.isArray(value)) {
    const items: RValue[] = new Array<RValue>(value.length);
    for (let i = 0; i < value.length; i++) items[i] = convert(value[i]!, span, source, expression, depth + 1);
    return withExpression({ kind: 'array', items, span, source }, expression);
  }
  const properties: RProperty[] = Object.keys(value).map((name) => ({
    name,
    keySpan: span,
    value: convert(value[name]!, span, source, expression, depth + 1),
  }));
  return withExpression({ kind: 'object', properties, span, source }, expression);
}

/** Adds `expression` as the last key, when there is one (the object is new and not yet shared). */
function withExpression(value: RValue, expression: string | undefined): RValue {
  if (expression !== undefined) (value as { expression?: string }).expression = expression;
  return value;
}
