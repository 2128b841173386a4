import type { Node } from 'jsonc-parser';
import { evaluateTemplateString, isExpressionString, literalValue } from '../expressions/evaluate';
import type { EvalScope } from '../expressions/scope';
import { combineSources, Unknown, type EvalValue, type ValueSource } from '../expressions/values';
import { spanOf } from '../json/nodes';
import type { Span } from '../text/span';
import type { RProperty, RValue } from './types';

/** Past this depth a value is left unknown rather than walked (real templates nest far less). */
const MAX_DEPTH = 100;

/**
 * Turns JSON nodes into resolved values (RValue) in one scope: literals stay literals, expression
 * strings are evaluated, and values computed by an expression keep the expression's span and text.
 */
export class Resolver {
  constructor(readonly scope: EvalScope) {}

  resolve(node: Node, depth = 0): RValue {
    const span = spanOf(node);
    if (depth > MAX_DEPTH) return unknownValue(span, new Unknown('', 'nested too deeply to analyse'));
    switch (node.type) {
      case 'string': {
        const text = node.value as string;
        if (!isExpressionString(text)) return { kind: 'string', value: literalValue(text), span, source: 'literal' };
        const result = evaluateTemplateString(text, this.scope);
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
          const key = prop.children?.[0];
          if (!key || typeof key.value !== 'string') continue;
          const valueNode = prop.children?.[1];
          properties.push({
            name: key.value,
            keySpan: spanOf(key),
            value: valueNode ? this.resolve(valueNode, depth + 1) : unknownValue(spanOf(prop), new Unknown('', 'the property has no value yet')),
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
        return evaluateTemplateString(text, this.scope);
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
          const key = prop.children?.[0];
          const valueNode = prop.children?.[1];
          if (!key || typeof key.value !== 'string' || !valueNode) continue;
          const item = this.toEvalValue(valueNode, depth + 1);
          source = combineSources(source, item.source);
          value[key.value] = item.value;
        }
        return { value, source };
      }
      default:
        return { value: (node.value ?? null) as EvalValue, source: 'literal' };
    }
  }
}

export function unknownValue(span: Span, unknown: Unknown): RValue {
  return { kind: 'unknown', unknown, span, source: 'unknown', ...(unknown.expression ? { expression: unknown.expression } : {}) };
}

/** Wraps an evaluated value as an RValue whose every part points at the expression that computed it. */
export function fromEvalValue(value: EvalValue, span: Span, source: ValueSource, expression: string | undefined, depth = 0): RValue {
  const extra = expression === undefined ? {} : { expression };
  if (value instanceof Unknown) return { kind: 'unknown', unknown: value, span, source: 'unknown', ...extra };
  if (depth > MAX_DEPTH) return { kind: 'unknown', unknown: new Unknown(expression ?? '', 'nested too deeply to analyse'), span, source: 'unknown', ...extra };
  if (value === null) return { kind: 'null', value: null, span, source, ...extra };
  switch (typeof value) {
    case 'string': return { kind: 'string', value, span, source, ...extra };
    case 'number': return { kind: 'number', value, span, source, ...extra };
    case 'boolean': return { kind: 'boolean', value, span, source, ...extra };
    default: break;
  }
  if (Array.isArray(value)) {
    return { kind: 'array', items: value.map((item) => fromEvalValue(item, span, source, expression, depth + 1)), span, source, ...extra };
  }
  const properties: RProperty[] = Object.keys(value).map((name) => ({
    name,
    keySpan: span,
    value: fromEvalValue(value[name]!, span, source, expression, depth + 1),
  }));
  return { kind: 'object', properties, span, source, ...extra };
}
