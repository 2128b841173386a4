import { Unknown } from '../expressions/values';
import { fromEvalValue, unknownValue } from '../arm/resolver';
import type { RProperty, RValue } from '../model/templateModel';
import type { BicepScope } from './bicepScope';
import type { Locals } from './evaluate';
import type { Expr } from './syntax';

/** Past this depth a value is left unknown rather than walked, as the JSON resolver does. */
const MAX_DEPTH = 100;

/**
 * Turns a Bicep value into the model's resolved value. Literal objects, arrays and scalars keep the
 * spans of their own text (so diagnostics and fixes point into them); a ternary whose condition is
 * known resolves to the branch taken, with that branch's spans; anything else is evaluated and every
 * part of the result points at the expression, as in JSON.
 */
export function toRValue(expr: Expr, scope: BicepScope, locals: Locals | undefined, depth = 0): RValue {
  const span = expr.span;
  if (depth > MAX_DEPTH) return unknownValue(span, new Unknown(textOf(expr, scope), 'nested too deeply to analyse'));
  switch (expr.kind) {
    case 'string':
      return { kind: 'string', value: expr.value, span, source: 'literal' };
    case 'number':
      return { kind: 'number', value: expr.value, span, source: 'literal' };
    case 'boolean':
      return { kind: 'boolean', value: expr.value, span, source: 'literal' };
    case 'null':
      return { kind: 'null', value: null, span, source: 'literal' };
    case 'missing':
      return unknownValue(span, new Unknown('', 'the property has no value yet'));
    case 'array':
      if (expr.items.some((item) => item.kind === 'spread')) break;
      return {
        kind: 'array',
        span,
        source: 'literal',
        get items(): RValue[] {
          return settle(
            this,
            'items',
            expr.items.map((item) => toRValue(item, scope, locals, depth + 1)),
          );
        },
      };
    case 'object': {
      if (expr.properties.some((p) => p.spread || p.computedKey)) break;
      return {
        kind: 'object',
        span,
        source: 'literal',
        get properties(): RProperty[] {
          return settle(
            this,
            'properties',
            expr.properties.map((p) => ({ name: p.key, keySpan: p.keySpan, value: toRValue(p.value, scope, locals, depth + 1) })),
          );
        },
      };
    }
    case 'ternary': {
      const condition = scope.evaluate(expr.condition, locals).value;
      if (typeof condition === 'boolean') return toRValue(condition ? expr.whenTrue : expr.whenFalse, scope, locals, depth + 1);
      break;
    }
    default:
      break;
  }
  const result = scope.evaluate(expr, locals);
  return fromEvalValue(result.value, span, result.source, textOf(expr, scope));
}

export function textOf(expr: Expr, scope: BicepScope): string {
  return scope.text.slice(expr.span.offset, expr.span.offset + expr.span.length);
}

/**
 * Object and array literals above convert their members the first time they are read (a getter that then
 * replaces itself with the value). The model reads a few paths of a resource body; the rest of it (tags,
 * disks, network details) is never converted, as the JSON front end never resolves what it does not read.
 * Whatever reads the whole value (serialising it, comparing it deeply) sees the same data.
 */
function settle<T>(holder: object, key: string, value: T): T {
  Object.defineProperty(holder, key, { value, enumerable: true, writable: false, configurable: false });
  return value;
}
