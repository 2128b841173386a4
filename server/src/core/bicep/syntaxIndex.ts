import type { Span } from '../text/span';
import type { BicepFile, Expr, ObjectExpr, ObjectProperty } from './syntax';

/** Finds syntax nodes by the spans the model carries, for the Bicep edit writer and language features. */
export class SyntaxIndex {
  private readonly exprs = new Map<string, Expr>();
  private readonly properties = new Map<string, { property: ObjectProperty; object: ObjectExpr }>();
  private readonly apiVersions = new Set<string>();

  constructor(file: BicepFile) {
    // An explicit stack: a deep tree must not exhaust the call stack.
    const stack: Expr[] = [];
    for (const s of file.statements) {
      if (s.kind === 'param' && s.defaultValue) stack.push(s.defaultValue);
      else if (s.kind === 'var') stack.push(s.value);
      else if (s.kind === 'resource' || s.kind === 'module') stack.push(s.body);
      if (s.kind === 'resource' && s.apiVersionSpan) this.apiVersions.add(keyOf(s.apiVersionSpan));
    }
    while (stack.length) {
      const expr = stack.pop()!;
      const key = keyOf(expr.span);
      // The outermost node wins when several share a span.
      if (!this.exprs.has(key)) this.exprs.set(key, expr);
      stack.push(...children(expr, this.properties));
      if (expr.kind === 'object') for (const r of expr.resources) if (r.apiVersionSpan) this.apiVersions.add(keyOf(r.apiVersionSpan));
    }
  }

  /** The expression whose text is exactly `span`. */
  exprAt(span: Span): Expr | undefined {
    return this.exprs.get(keyOf(span));
  }

  /** True when `span` is the API version inside a resource type string ('Type@version'). */
  isApiVersion(span: Span): boolean {
    return this.apiVersions.has(keyOf(span));
  }

  /** The object property whose key is exactly at `keySpan`, and the object holding it. */
  propertyAt(keySpan: Span): { property: ObjectProperty; object: ObjectExpr } | undefined {
    return this.properties.get(keyOf(keySpan));
  }
}

function keyOf(span: Span): string {
  return `${span.offset}:${span.length}`;
}

function children(expr: Expr, properties: Map<string, { property: ObjectProperty; object: ObjectExpr }>): Expr[] {
  switch (expr.kind) {
    case 'object': {
      const out: Expr[] = [];
      for (const property of expr.properties) {
        properties.set(keyOf(property.keySpan), { property, object: expr });
        out.push(property.value);
        if (property.computedKey) out.push(property.computedKey);
      }
      for (const resource of expr.resources) out.push(resource.body);
      return out;
    }
    case 'array':
      return [...expr.items];
    case 'interpolation':
      return expr.parts.filter((p): p is Expr => typeof p !== 'string');
    case 'member':
      return [expr.target];
    case 'index':
      return [expr.target, expr.index];
    case 'call':
      return [...expr.args];
    case 'unary':
      return [expr.operand];
    case 'binary':
      return [expr.left, expr.right];
    case 'ternary':
      return [expr.condition, expr.whenTrue, expr.whenFalse];
    case 'for':
      return [expr.iterable, expr.body];
    case 'if':
      return [expr.condition, expr.body];
    case 'spread':
      return [expr.operand];
    default:
      return [];
  }
}
