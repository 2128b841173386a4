import type { Expr, ParseResult } from './ast';
import type { Token } from './lexer';
import { Lexer } from './lexer';

/**
 * Recursion in the parser (and in the evaluator, which follows the tree) is bounded by this even when
 * a caller passes a huge maxDepth, so hostile input like "[f(f(f(..." cannot overflow the stack.
 */
export const HARD_MAX_DEPTH = 256;

class ParseError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/**
 * Parses an expression string "[...]" (the brackets included in `text`) into a tree. Nesting deeper
 * than maxDepth (calls, index expressions and property chains all count) is a parse error.
 */
export function parseExpression(text: string, maxDepth: number): ParseResult {
  if (text.length < 2 || text[0] !== '[' || text[text.length - 1] !== ']') {
    return { ok: false, error: 'an expression must be enclosed in [ and ]', offset: 0 };
  }
  const parser = new Parser(text, Math.min(maxDepth, HARD_MAX_DEPTH));
  try {
    return { ok: true, expr: parser.parseAll() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message, offset: e.offset };
    // Only a stack overflow can get here (when called with little stack left): still no throw.
    return { ok: false, error: `expression cannot be parsed: ${e instanceof Error ? e.message : String(e)}`, offset: 0 };
  }
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;

  constructor(
    text: string,
    private readonly maxDepth: number,
  ) {
    this.lexer = new Lexer(text, 1, text.length - 1);
    this.token = this.lexer.next();
  }

  parseAll(): Expr {
    if (this.peek() === 'eof') this.fail('empty expression');
    const expr = this.parseExpr(1);
    if (this.peek() !== 'eof') this.fail(`unexpected ${describe(this.token)} after the expression`);
    return expr;
  }

  private parseExpr(depth: number): Expr {
    if (depth > this.maxDepth) this.fail(`expression is nested more than ${this.maxDepth} levels deep`);
    let expr = this.parsePrimary(depth);
    // Each access wraps the tree one level deeper, so long chains count towards the depth too.
    for (let level = depth + 1; ; level++) {
      const kind = this.peek();
      if (kind !== '.' && kind !== '[') return expr;
      if (level > this.maxDepth) this.fail(`expression is nested more than ${this.maxDepth} levels deep`);
      this.advance();
      if (kind === '.') {
        const name = this.expect('identifier', 'a property name after "."');
        expr = { kind: 'property', target: expr, name: name.text, start: expr.start, end: name.end };
      } else {
        const index = this.parseExpr(level);
        const close = this.expect(']', '"]" to close the index');
        expr = { kind: 'index', target: expr, index, start: expr.start, end: close.end };
      }
    }
  }

  private parsePrimary(depth: number): Expr {
    const token = this.token;
    switch (token.kind) {
      case 'string':
        this.advance();
        return { kind: 'string', value: token.text, start: token.start, end: token.end };
      case 'integer':
        this.advance();
        return { kind: 'integer', value: token.value, start: token.start, end: token.end };
      case 'identifier':
        return this.parseCall(depth);
      default:
        return this.fail(`expected a function call or a literal, found ${describe(token)}`);
    }
  }

  private parseCall(depth: number): Expr {
    const first = this.advance();
    let name = first.text;
    // Dotted names are user-defined functions: namespace.function(...).
    while (this.peek() === '.') {
      this.advance();
      name += '.' + this.expect('identifier', 'a function name after "."').text;
    }
    if (this.peek() !== '(') {
      this.fail(`'${name}' must be called as a function, e.g. ${name}() (ARM has no bare identifiers)`);
    }
    this.advance();
    const args: Expr[] = [];
    if (this.peek() !== ')') {
      for (;;) {
        args.push(this.parseExpr(depth + 1));
        if (this.peek() !== ',') break;
        this.advance();
      }
    }
    const close = this.expect(')', `"," or ")" in the arguments of ${name}()`);
    return { kind: 'call', name, lowerName: name.toLowerCase(), args, start: first.start, end: close.end };
  }

  /** The current token's kind (a method, so TypeScript does not keep a narrowed kind across advance()). */
  private peek(): Token['kind'] {
    return this.token.kind;
  }

  private advance(): Token {
    const token = this.token;
    if (token.kind === 'error') this.fail(token.text);
    this.token = this.lexer.next();
    return token;
  }

  private expect(kind: Token['kind'], what: string): Token {
    if (this.peek() !== kind) this.fail(`expected ${what}, found ${describe(this.token)}`);
    return this.advance();
  }

  private fail(message: string): never {
    const token = this.token;
    throw new ParseError(token.kind === 'error' ? token.text : message, token.start);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the expression';
    case 'string':
      return 'a string literal';
    case 'integer':
      return `the number ${token.text}`;
    case 'identifier':
      return `'${token.text}'`;
    case 'error':
      return token.text;
    default:
      return `"${token.kind}"`;
  }
}
