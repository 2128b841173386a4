import type { Expr as ArmExpr } from '../expressions/ast';
import { EvalContext, EvalFailure, LimitExceeded, isObject } from '../expressions/context';
import { scalarToString } from '../expressions/functions/args';
import { lookupFunction, unsupportedReason } from '../expressions/functions/registry';
import { DEFAULT_LIMITS, type EvalResult, type EvalScope } from '../expressions/scope';
import { Unknown, getPropertyCI, type EvalValue } from '../expressions/values';
import type { CallExpr, Expr } from './syntax';

/**
 * Evaluates Bicep expressions to the same values as ARM expressions, calling the ARM function table's
 * implementations (Bicep compiles its calls and operators to them): operators map to add/equals/and/…,
 * a ternary to if(), `??` to coalesce(). What needs a deployment stays Unknown, with the Bicep text.
 */

/** What an identifier can name, besides parameters and variables (which the EvalScope gives). */
export interface BicepNames extends EvalScope {
  /** `.id`, `.name`, `.type`, `.apiVersion` of a resource symbol; undefined when it is not one. */
  resourceMember(symbol: string, member: string): EvalValue | undefined;
  /** True for a module or resource symbol (whose other members are known only after deployment). */
  isSymbol(symbol: string): boolean;
}

export type Locals = ReadonlyMap<string, EvalValue>;

// eslint-disable-next-line no-restricted-syntax -- read-only (a ReadonlyMap): no lambda locals
const NO_LOCALS: Locals = new Map();

/** Bicep operators and the ARM functions they compile to. */
const BINARY: Readonly<Record<string, string>> = {
  '==': 'equals',
  '<': 'less',
  '>': 'greater',
  '<=': 'lessorequals',
  '>=': 'greaterorequals',
  '&&': 'and',
  '||': 'or',
  '??': 'coalesce',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '%': 'mod',
};

/** Evaluates one expression; `text` is the whole source (for the Unknown's expression text). Never throws. */
export function evaluateBicep(expr: Expr, text: string, names: BicepNames, locals: Locals = NO_LOCALS): EvalResult {
  const source = text.slice(expr.span.offset, expr.span.offset + expr.span.length);
  const ctx = new EvalContext(source, names, DEFAULT_LIMITS);
  let value: EvalValue;
  try {
    value = new BicepEvaluator(ctx, names).ev(expr, locals);
  } catch (e) {
    const reason =
      e instanceof LimitExceeded ? `evaluation stopped: ${e.reason}` : `evaluation failed: ${e instanceof Error ? e.message : String(e)}`;
    return { value: new Unknown(source, reason), source: 'unknown' };
  }
  if (value instanceof Unknown) return { value: ctx.restate(value), source: 'unknown' };
  return { value, source: isLiteral(expr, 0) ? 'literal' : ctx.source };
}

/** True for text that is a value as written: no names, calls or operators anywhere inside. */
export function isLiteral(expr: Expr, depth: number): boolean {
  if (depth > 64) return false;
  switch (expr.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return true;
    case 'unary':
      return expr.op === '-' && expr.operand.kind === 'number';
    case 'array':
      return expr.items.every((item) => isLiteral(item, depth + 1));
    case 'object':
      return expr.properties.every((p) => !p.spread && !p.computedKey && isLiteral(p.value, depth + 1));
    default:
      return false;
  }
}

class BicepEvaluator {
  constructor(
    private readonly ctx: EvalContext,
    private readonly names: BicepNames,
  ) {}

  ev(expr: Expr, locals: Locals): EvalValue {
    const ctx = this.ctx;
    switch (expr.kind) {
      case 'string':
      case 'number':
      case 'boolean':
        return expr.value;
      case 'null':
        return null;
      case 'interpolation': {
        let out = '';
        for (const part of expr.parts) {
          if (typeof part === 'string') out += part;
          else {
            const value = this.ev(part, locals);
            if (value instanceof Unknown) return value;
            out += this.guard(() => scalarToString('string interpolation', value, 0));
            ctx.checkLength(out.length, 'an interpolated string');
          }
        }
        return out;
      }
      case 'identifier':
        return this.identifier(expr.name, locals);
      case 'object':
        return this.object(expr, locals);
      case 'array': {
        const items: EvalValue[] = [];
        for (const item of expr.items) {
          if (item.kind !== 'spread') items.push(this.ev(item, locals));
          else {
            const spread = this.ev(item.operand, locals);
            if (!Array.isArray(spread))
              return spread instanceof Unknown ? spread : ctx.unknown('only an array can be spread into an array');
            items.push(...spread);
          }
          ctx.checkLength(items.length, 'an array');
        }
        return items;
      }
      case 'member':
        ctx.step();
        return this.member(expr.target, expr.name, expr.safe, locals);
      case 'index': {
        ctx.step();
        const target = this.ev(expr.target, locals);
        const index = this.ev(expr.index, locals);
        if (target instanceof Unknown) return target;
        if (index instanceof Unknown) return index;
        if (target === null && expr.safe) return null;
        if (Array.isArray(target)) {
          if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < target.length) return target[index]!;
          return expr.safe ? null : ctx.unknown(`index ${String(index)} is not in the array`);
        }
        return typeof index === 'string' ? this.read(target, index, expr.safe) : ctx.unknown('only arrays can be indexed with a number');
      }
      case 'call':
        ctx.step();
        return this.call(expr, locals);
      case 'unary': {
        const operand = this.ev(expr.operand, locals);
        if (operand instanceof Unknown) return operand;
        if (expr.op === '!') return typeof operand === 'boolean' ? !operand : ctx.unknown("'!' needs a bool");
        return typeof operand === 'number' ? -operand + 0 : ctx.unknown("'-' needs a number");
      }
      case 'binary':
        ctx.step();
        return this.binary(expr.op, expr.left, expr.right, locals);
      case 'ternary':
        ctx.step();
        return this.apply('if', [expr.condition, expr.whenTrue, expr.whenFalse], locals);
      case 'for':
        return this.forLoop(expr, locals);
      case 'if':
        return ctx.unknown('a conditional body is only evaluated as part of its declaration');
      case 'lambda':
        return ctx.unknown('lambdas are not evaluated');
      case 'spread':
        return ctx.unknown('a spread is only valid inside an array or object');
      case 'missing':
        return ctx.unknown('the expression is incomplete');
    }
  }

  private identifier(name: string, locals: Locals): EvalValue {
    const local = locals.get(name);
    if (local !== undefined) return local instanceof Unknown ? this.ctx.restate(local) : local;
    const entry = this.names.parameter(name) ?? this.names.variable(name);
    if (entry) {
      this.ctx.addSource(entry.source);
      return entry.value instanceof Unknown ? this.ctx.restate(entry.value) : entry.value;
    }
    if (this.names.isSymbol(name)) return this.ctx.unknown(`'${name}' is a deployed resource or module, known only at deployment`);
    return this.ctx.unknown(`'${name}' is not declared in this file`);
  }

  private object(expr: Extract<Expr, { kind: 'object' }>, locals: Locals): EvalValue {
    const out: { [key: string]: EvalValue } = {};
    for (const prop of expr.properties) {
      const value = this.ev(prop.value, locals);
      if (prop.spread) {
        if (value instanceof Unknown) return value;
        if (!isObject(value)) return this.ctx.unknown('only an object can be spread into an object');
        Object.assign(out, value);
        continue;
      }
      let key = prop.key;
      if (prop.computedKey) {
        const computed = this.ev(prop.computedKey, locals);
        if (typeof computed !== 'string')
          return computed instanceof Unknown ? computed : this.ctx.unknown('a property name must be a string');
        key = computed;
      }
      // defineProperty: a key such as __proto__ must stay an own property, not change the prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private member(targetExpr: Expr, name: string, safe: boolean, locals: Locals): EvalValue {
    if (targetExpr.kind === 'identifier' && !locals.has(targetExpr.name)) {
      const known = this.names.resourceMember(targetExpr.name, name);
      if (known !== undefined) return known instanceof Unknown ? this.ctx.restate(known) : known;
    }
    const target = this.ev(targetExpr, locals);
    if (target instanceof Unknown) return target;
    if (target === null && safe) return null;
    return this.read(target, name, safe);
  }

  private read(target: EvalValue, name: string, safe: boolean): EvalValue {
    if (!isObject(target))
      return safe && target === null ? null : this.ctx.unknown(`cannot read '${name}' of a value that is not an object`);
    const value = getPropertyCI(target, name);
    if (value === undefined) return safe ? null : this.ctx.unknown(`property '${name}' does not exist`);
    return value instanceof Unknown ? this.ctx.restate(value) : value;
  }

  private binary(op: string, left: Expr, right: Expr, locals: Locals): EvalValue {
    if (op === '!=' || op === '!~') {
      const equal = this.binary(op === '!=' ? '==' : '=~', left, right, locals);
      return typeof equal === 'boolean' ? !equal : equal;
    }
    if (op === '=~') {
      const a = this.ev(left, locals);
      const b = this.ev(right, locals);
      if (a instanceof Unknown) return a;
      if (b instanceof Unknown) return b;
      return typeof a === 'string' && typeof b === 'string'
        ? a.toLowerCase() === b.toLowerCase()
        : this.ctx.unknown("'=~' compares two strings");
    }
    const fn = BINARY[op];
    return fn ? this.apply(fn, [left, right], locals) : this.ctx.unknown(`operator '${op}' is not evaluated`);
  }

  private call(expr: CallExpr, locals: Locals): EvalValue {
    const lower = expr.name.toLowerCase();
    if (expr.namespace !== undefined && expr.namespace !== 'sys' && expr.namespace !== 'az') {
      return this.ctx.unknown(`${expr.namespace}.${expr.name}() is not evaluated`);
    }
    // Bicep's `any(x)` only silences the type checker: the value is x.
    if (lower === 'any' && expr.args.length === 1) return this.ev(expr.args[0]!, locals);
    return this.apply(lower, expr.args, locals, expr.name);
  }

  /** Calls an ARM function implementation on Bicep arguments (lazy ones evaluate only what they need). */
  private apply(lower: string, args: readonly Expr[], locals: Locals, written = lower): EvalValue {
    const def = lookupFunction(lower);
    if (!def || lower === 'parameters' || lower === 'variables') return this.ctx.unknown(unsupportedReason(written, lower));
    if (args.length < def.minArgs || args.length > def.maxArgs)
      return this.ctx.unknown(`${written}() does not take ${args.length} argument(s)`);
    if (def.kind === 'lazy') {
      // The lazy implementations only hand their arguments back to `evaluate`, so Bicep nodes can stand in.
      return this.guard(() => def.call(args as unknown as ArmExpr[], this.ctx, (arg) => this.ev(arg as unknown as Expr, locals)));
    }
    const values: EvalValue[] = [];
    for (const arg of args) {
      const value = this.ev(arg, locals);
      if (value instanceof Unknown && !def.acceptsUnknown) return value;
      values.push(value);
    }
    return this.guard(() => def.call(values, this.ctx));
  }

  private forLoop(expr: Extract<Expr, { kind: 'for' }>, locals: Locals): EvalValue {
    const iterable = this.ev(expr.iterable, locals);
    if (iterable instanceof Unknown) return iterable;
    if (!Array.isArray(iterable)) return this.ctx.unknown('a for loop needs an array');
    const out: EvalValue[] = [];
    for (let index = 0; index < iterable.length; index++) {
      this.ctx.step();
      const inner = new Map(locals);
      if (expr.itemName) inner.set(expr.itemName, iterable[index]!);
      if (expr.indexName) inner.set(expr.indexName, index);
      if (expr.body.kind !== 'if') {
        out.push(this.ev(expr.body, inner));
        continue;
      }
      const keep = this.ev(expr.body.condition, inner);
      if (keep === true) out.push(this.ev(expr.body.body, inner));
      else if (keep !== false) return keep instanceof Unknown ? keep : this.ctx.unknown('a loop filter must be a bool');
    }
    return out;
  }

  private guard(run: () => EvalValue): EvalValue {
    try {
      return run();
    } catch (e) {
      if (e instanceof EvalFailure) return this.ctx.unknown(e.reason);
      throw e;
    }
  }
}
