import { parseArray, parseObject, type ItemParser } from './parseCollections';
import type { CallExpr, Expr, ResourceDecl } from './syntax';
import { MAX_DEPTH, spanFrom, TokenStream } from './tokenStream';
import type { Token } from './scanner';

/** Binary operators by precedence, loosest first; all left-associative. */
const LEVELS: readonly (readonly string[])[] = [
  ['??'],
  ['||'],
  ['&&'],
  ['==', '!=', '=~', '!~'],
  ['<', '>', '<=', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];
/** Levels whose operators may start a continuation line (a line cannot start an item with them). */
const CONTINUES_LINES = LEVELS.map((ops) => ops.some((op) => op === '??' || op === '||' || op === '&&'));
/** Each operator's level in LEVELS (one Map read instead of an `includes` per level and token). */
const LEVEL_OF = new Map<string, number>(LEVELS.flatMap((ops, level) => ops.map((op): [string, number] => [op, level])));

/** Parses a nested resource declaration (given by the statement parser, which owns that syntax). */
export type ResourceParser = (stream: TokenStream, depth: number) => ResourceDecl;

/** Recursive descent over Bicep expressions; depth is bounded, errors become `missing` nodes and problems. */
export class ExpressionParser implements ItemParser {
  constructor(
    readonly s: TokenStream,
    readonly parseResource: ResourceParser,
  ) {}

  expression(depth: number): Expr {
    if (depth > MAX_DEPTH) {
      this.s.problem(`expression nested more than ${MAX_DEPTH} levels deep`);
      return this.missing();
    }
    const condition = this.binary(0, depth);
    if (!this.s.acceptAcrossNewlines('?')) return condition;
    const whenTrue = this.expression(depth + 1);
    const colon = this.s.acceptAcrossNewlines(':');
    if (!colon) this.s.problem("expected ':' in the conditional expression");
    const whenFalse = colon ? this.expression(depth + 1) : this.missing();
    return { kind: 'ternary', span: spanFrom(condition.span.offset, this.s.lastEnd), condition, whenTrue, whenFalse };
  }

  /**
   * The operators of `level` and tighter. This is the recursion binary(level) → binary(level + 1) → … →
   * unary unrolled into a loop (each level's operators applied to the result of the tighter ones), so a
   * plain value costs one call instead of eight; a token that is neither punctuation nor a newline
   * cannot continue any level, so the loop stops there.
   */
  private binary(level: number, depth: number): Expr {
    let left = this.unary(depth);
    for (let l = LEVELS.length - 1; l >= level; l--) {
      const kind = this.s.current.kind;
      if (kind !== 'punct' && kind !== 'newline') return left;
      // At a line end only a `??`/`||`/`&&` (levels 0-2) on the next line can continue: look once, not per level.
      if (kind === 'newline' && !this.continuesLine(level)) return left;
      left = this.operators(l, left, depth);
    }
    return left;
  }

  /** Whether the next line starts with an operator that continues the expression at `level` or tighter. */
  private continuesLine(level: number): boolean {
    const ahead = this.s.peekPastNewlines();
    if (ahead.kind !== 'punct') return false;
    const opLevel = LEVEL_OF.get(ahead.text);
    return opLevel !== undefined && opLevel >= level && CONTINUES_LINES[opLevel] === true;
  }

  /**
   * Applies the operators of one level (left-associative) to `left`. A chain nests leftwards (`1 + 1 + …`
   * is as deep as it is long), so its length counts towards the depth bound: past it the rest of the chain
   * is still read (so no "unexpected" errors follow) but no longer nested, and the whole is `missing`.
   */
  private operators(level: number, first: Expr, depth: number): Expr {
    let left = first;
    let chain = depth;
    for (;;) {
      const t = this.s.current;
      let op: Token | undefined;
      if (t.kind === 'punct' && LEVEL_OF.get(t.text) === level) op = this.s.next();
      else if (CONTINUES_LINES[level] && t.kind === 'newline') {
        const ahead = this.s.peekPastNewlines();
        if (ahead.kind === 'punct' && LEVEL_OF.get(ahead.text) === level) op = this.s.acceptAcrossNewlines(ahead.text);
      }
      if (!op) return left;
      this.s.skipNewlines();
      const right = this.binary(level + 1, depth + 1);
      if (++chain > MAX_DEPTH) {
        left = this.tooDeep(chain, left);
        continue;
      }
      left = { kind: 'binary', span: spanFrom(left.span.offset, this.s.lastEnd), op: op.text, left, right };
    }
  }

  /** Once per chain, at the link that passes the bound: the problem, and a `missing` node in its place. */
  private tooDeep(chain: number, node: Expr): Expr {
    if (chain === MAX_DEPTH + 1) this.s.problem(`expression nested more than ${MAX_DEPTH} levels deep`, node.span);
    return node.kind === 'missing' ? node : this.missingAt(node.span.offset);
  }

  private unary(depth: number): Expr {
    const t = this.s.current;
    if (t.kind === 'punct' && (t.text === '!' || t.text === '-')) {
      this.s.next();
      if (depth > MAX_DEPTH) {
        // `!!!…` / `---…`: read the rest of the run flatly, report it once.
        this.s.problem(`expression nested more than ${MAX_DEPTH} levels deep`);
        while (this.s.current.kind === 'punct' && (this.s.current.text === '!' || this.s.current.text === '-')) this.s.next();
        this.postfix(depth);
        return this.missingAt(t.start);
      }
      const operand = this.unary(depth + 1);
      return { kind: 'unary', span: spanFrom(t.start, this.s.lastEnd), op: t.text, operand };
    }
    return this.postfix(depth);
  }

  /** A value and its accessors; like operator chains, `a.b.c…` and `x[0][0]…` nest leftwards and count towards the bound. */
  postfix(depth: number): Expr {
    let expr = this.primary(depth);
    let chain = depth;
    for (;;) {
      const t = this.s.current;
      if (t.kind !== 'punct') return expr;
      if (chain > MAX_DEPTH) expr = this.tooDeep(chain, expr);
      chain++;
      if (t.text === '.' || t.text === '.?' || t.text === '::') {
        this.s.next();
        const name = this.s.current;
        if (name.kind !== 'identifier') {
          this.s.problem('expected a property name');
          return expr;
        }
        this.s.next();
        if (this.s.is('(') && expr.kind === 'identifier') {
          // sys.concat(…), az.resourceGroup(…): a namespaced function call.
          expr = this.call(name, expr.name, expr.span.offset, depth);
        } else {
          expr = { kind: 'member', span: spanFrom(expr.span.offset, name.end), target: expr, name: name.text, safe: t.text === '.?' };
        }
      } else if (t.text === '[') {
        this.s.next();
        const safe = !!this.s.accept('?');
        const index = this.expression(depth + 1);
        if (!this.s.accept(']')) this.s.problem("expected ']'");
        expr = { kind: 'index', span: spanFrom(expr.span.offset, this.s.lastEnd), target: expr, index, safe };
      } else if (t.text === '!' && this.s.peek().kind !== 'identifier' && this.s.peek().text !== '(') {
        // Non-null assertion `x!`: the value is the same.
        this.s.next();
      } else {
        return expr;
      }
    }
  }

  private primary(depth: number): Expr {
    const t = this.s.current;
    switch (t.kind) {
      case 'number':
        this.s.next();
        return { kind: 'number', span: spanFrom(t.start, t.end), value: Number(t.text) };
      case 'multilineString':
        this.s.next();
        return { kind: 'string', span: spanFrom(t.start, t.end), value: t.text };
      case 'string':
        this.s.next();
        if (!t.terminated) this.s.problem('unterminated string', spanFrom(t.start, t.end));
        return this.stringExpr(t, depth);
      case 'identifier':
        return this.identifier(t, depth);
      case 'punct':
        if (t.text === '{') return parseObject(this, depth);
        if (t.text === '[') return parseArray(this, depth);
        if (t.text === '(') return this.parenthesized(depth);
        break;
      default:
        break;
    }
    this.s.problem(t.kind === 'eof' || t.kind === 'newline' ? 'expected a value' : `unexpected '${t.text}'`);
    return this.missing();
  }

  private identifier(t: Token, depth: number): Expr {
    this.s.next();
    const span = spanFrom(t.start, t.end);
    if (this.s.is('=>')) return this.lambdaBody(t.start, depth);
    if (t.text === 'true' || t.text === 'false') return { kind: 'boolean', span, value: t.text === 'true' };
    if (t.text === 'null') return { kind: 'null', span };
    if (t.text === 'if' && this.s.is('(')) {
      this.s.next();
      const condition = this.expression(depth + 1);
      this.s.skipNewlines();
      if (!this.s.accept(')')) this.s.problem("expected ')'");
      const body = this.expression(depth + 1);
      return { kind: 'if', span: spanFrom(t.start, this.s.lastEnd), condition, body };
    }
    if (this.s.is('(')) return this.call(t, undefined, t.start, depth);
    return { kind: 'identifier', span, name: t.text };
  }

  private call(name: Token, namespace: string | undefined, start: number, depth: number): CallExpr {
    this.s.next();
    const args: Expr[] = [];
    for (;;) {
      this.s.skipNewlines();
      if (this.s.accept(')')) break;
      if (this.s.current.kind === 'eof') {
        this.s.problem("expected ')'");
        break;
      }
      const before = this.s.index;
      args.push(this.expression(depth + 1));
      this.s.skipNewlines();
      if (this.s.accept(',')) continue;
      if (!this.s.is(')')) {
        this.s.problem("expected ',' or ')'");
        if (this.s.index === before) this.s.next();
        this.s.recover(new Set([')', '}', ']']));
        this.s.accept(')');
        break;
      }
    }
    return { kind: 'call', span: spanFrom(start, this.s.lastEnd), name: name.text, namespace, args };
  }

  private parenthesized(depth: number): Expr {
    const open = this.s.next();
    // `(a, b) => …`: a lambda; its body is parsed (to consume it) but never evaluated.
    const params = this.lambdaParamsLength();
    if (params > 0) {
      for (let k = 0; k < params; k++) this.s.next();
      return this.lambdaBody(open.start, depth);
    }
    this.s.skipNewlines();
    const inner = this.expression(depth + 1);
    this.s.skipNewlines();
    if (!this.s.accept(')')) this.s.problem("expected ')'");
    return inner;
  }

  /** After `(`: the number of tokens up to and including `)` when they are lambda parameters, else 0. */
  private lambdaParamsLength(): number {
    for (let i = 0; i < 64; i++) {
      const t = this.s.peek(i);
      if (t.kind === 'identifier' || (t.kind === 'punct' && t.text === ',')) continue;
      return t.kind === 'punct' && t.text === ')' && this.s.peek(i + 1).text === '=>' ? i + 1 : 0;
    }
    return 0;
  }

  private lambdaBody(start: number, depth: number): Expr {
    this.s.next();
    this.s.skipNewlines();
    this.expression(depth + 1);
    return { kind: 'lambda', span: spanFrom(start, this.s.lastEnd) };
  }

  stringExpr(t: Token, depth: number): Expr {
    const span = spanFrom(t.start, t.end);
    const parts = t.parts ?? [''];
    if (parts.length === 1) return { kind: 'string', span, value: parts[0] as string };
    const out: (string | Expr)[] = [];
    for (const part of parts) {
      if (typeof part === 'string') {
        if (part) out.push(part);
        continue;
      }
      const inner = new TokenStream(this.s.text, this.s.problems, part.start, part.end);
      const parser = new ExpressionParser(inner, this.parseResource);
      out.push(depth > MAX_DEPTH ? parser.missing() : parser.expression(depth + 1));
      if (inner.current.kind !== 'eof') inner.problem(`unexpected '${inner.current.text}' in the interpolation`);
    }
    return { kind: 'interpolation', span, parts: out };
  }

  missing(): Expr {
    return this.missingAt(this.s.current.start);
  }

  missingAt(offset: number): Expr {
    return { kind: 'missing', span: { offset, length: 0 } };
  }
}
