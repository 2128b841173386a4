import { ExpressionParser } from './parseExpression';
import type { BicepFile, Decorator, Expr, ModuleDecl, ParamDecl, ResourceDecl, Statement, VarDecl } from './syntax';
import { spanFrom, TokenStream } from './tokenStream';
import type { ParseProblem } from '../model/templateModel';

// eslint-disable-next-line no-restricted-syntax -- read-only: recovery stops at the line end alone
const LINE_END: ReadonlySet<string> = new Set<string>();
const OPENERS = new Set(['{', '[', '(', '<']);
const CLOSERS = new Set(['}', ']', ')', '>']);

/**
 * Parses a .bicep or .bicepparam text. Tolerant: a broken statement is reported and skipped up to the
 * next line, so everything around it still parses. Never throws.
 */
export function parseBicep(text: string): BicepFile {
  const problems: ParseProblem[] = [];
  try {
    const stream = new TokenStream(text, problems);
    return { statements: new StatementParser(stream).file(), problems };
  } catch (error) {
    // Only a runaway stack can get here (the depth bound makes it unlikely); report instead of crashing.
    problems.push({
      message: `the file could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
      span: { offset: 0, length: 0 },
    });
    return { statements: [], problems };
  }
}

/**
 * Parses the text [start, end) of `text` alone as one expression (what the edit writer does to read again
 * an object it changed, without parsing the whole file): the expression, with offsets in `text`, the
 * problems found, and whether the expression took the whole range. Never throws.
 */
export function parseBicepExpression(
  text: string,
  start: number,
  end: number,
): { expr: Expr | undefined; problems: ParseProblem[]; whole: boolean } {
  const problems: ParseProblem[] = [];
  try {
    const stream = new TokenStream(text, problems, start, end);
    const expr = new StatementParser(stream).expression(1);
    return { expr, problems, whole: stream.current.kind === 'eof' };
  } catch {
    return { expr: undefined, problems, whole: false };
  }
}

class StatementParser {
  private readonly exprs: ExpressionParser;

  constructor(private readonly s: TokenStream) {
    this.exprs = new ExpressionParser(s, (stream, depth) => this.resource(stream.current.start, [], depth));
  }

  expression(depth: number): Expr {
    return this.exprs.expression(depth);
  }

  file(): Statement[] {
    const statements: Statement[] = [];
    let decorators: Decorator[] = [];
    for (;;) {
      this.s.skipNewlines();
      const t = this.s.current;
      if (t.kind === 'eof') return statements;
      if (t.kind === 'punct' && t.text === '@') {
        decorators.push(this.decorator());
        continue;
      }
      const before = this.s.index;
      const statement = this.statement(decorators);
      decorators = [];
      if (statement) statements.push(statement);
      const end = this.s.current;
      // A statement cut short by the next line's declaration (an unclosed object) leaves it to be parsed.
      const atLineStart = end.start > 0 && /[\r\n]/.test(this.s.text[end.start - 1]!);
      if (end.kind !== 'newline' && end.kind !== 'eof' && !(atLineStart && this.s.index !== before)) {
        this.s.problem(`unexpected '${end.text}' at the end of the statement`);
        if (this.s.index === before) this.s.next();
        this.s.recover(LINE_END);
      }
    }
  }

  private decorator(): Decorator {
    const at = this.s.next();
    const expr = this.exprs.expression(1);
    const call = expr.kind === 'call' ? expr : undefined;
    if (!call) this.s.problem('expected a decorator call such as @description(…)', expr.span);
    return { name: call?.name ?? '', args: call?.args ?? [], span: spanFrom(at.start, this.s.lastEnd) };
  }

  private statement(decorators: Decorator[]): Statement | undefined {
    const t = this.s.current;
    const start = t.start;
    if (t.kind !== 'identifier') {
      this.s.problem(`unexpected '${t.text}'`);
      return undefined;
    }
    switch (t.text) {
      case 'param':
        return this.param(start, decorators);
      case 'var':
        return this.variable(start);
      case 'resource':
        return this.resource(start, decorators, 0);
      case 'module':
        return this.module(start);
      case 'using': {
        this.s.next();
        const path = this.s.current;
        if (path.kind === 'string') this.s.next();
        return { kind: 'using', span: spanFrom(start, this.s.lastEnd), path: path.kind === 'string' ? String(path.parts?.[0] ?? '') : '' };
      }
      default: {
        // output, type, func, metadata, targetScope, import, extension: consumed, not modelled.
        this.s.next();
        this.skipType();
        // A type declaration's right side is type syntax (`string?`, unions), not an expression.
        if (this.s.accept('=')) {
          if (t.text === 'type' || t.text === 'func') this.skipType();
          else this.exprs.expression(1);
        }
        return { kind: 'other', span: spanFrom(start, this.s.lastEnd), keyword: t.text };
      }
    }
  }

  private name(): { name: string; nameSpan: { offset: number; length: number } } {
    const t = this.s.current;
    if (t.kind !== 'identifier') {
      this.s.problem('expected a name');
      return { name: '', nameSpan: spanFrom(t.start, t.start) };
    }
    this.s.next();
    return { name: t.text, nameSpan: spanFrom(t.start, t.end) };
  }

  /** Skips a type up to `=` or the end of the line, stepping over brackets (object types span lines). */
  private skipType(): string | undefined {
    const start = this.s.current.start;
    let depth = 0;
    for (;;) {
      const t = this.s.current;
      if (t.kind === 'eof') break;
      if (depth === 0 && (t.kind === 'newline' || (t.kind === 'punct' && t.text === '='))) break;
      if (t.kind === 'punct' && OPENERS.has(t.text)) depth++;
      else if (t.kind === 'punct' && CLOSERS.has(t.text)) depth = Math.max(0, depth - 1);
      this.s.next();
    }
    const type = this.s.slice(start, this.s.lastEnd).trim();
    return type && this.s.lastEnd > start ? type : undefined;
  }

  private param(start: number, decorators: Decorator[]): ParamDecl {
    this.s.next();
    const { name, nameSpan } = this.name();
    const type = this.skipType();
    const defaultValue = this.s.accept('=') ? this.exprs.expression(1) : undefined;
    return { kind: 'param', span: spanFrom(start, this.s.lastEnd), name, nameSpan, type, defaultValue, decorators };
  }

  private variable(start: number): VarDecl {
    this.s.next();
    const { name, nameSpan } = this.name();
    this.skipType();
    const value: Expr = this.s.accept('=') ? this.exprs.expression(1) : this.expectValue();
    return { kind: 'var', span: spanFrom(start, this.s.lastEnd), name, nameSpan, value };
  }

  resource(start: number, _decorators: Decorator[], depth: number): ResourceDecl {
    this.s.next();
    const { name, nameSpan } = this.name();
    const typeToken = this.s.current;
    let typeText = '';
    if (typeToken.kind === 'string') {
      this.s.next();
      typeText = String(typeToken.parts?.[0] ?? '');
    } else {
      this.s.problem("expected the resource type, e.g. 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01'");
    }
    const at = typeText.indexOf('@');
    const existing = !!this.s.accept('existing');
    const body = this.s.accept('=') ? this.exprs.expression(depth + 1) : this.expectValue();
    return {
      kind: 'resource',
      span: spanFrom(start, this.s.lastEnd),
      name,
      nameSpan,
      type: at === -1 ? typeText : typeText.slice(0, at),
      apiVersion: at === -1 ? undefined : typeText.slice(at + 1),
      typeSpan: spanFrom(typeToken.start, typeToken.kind === 'string' ? typeToken.end : typeToken.start),
      apiVersionSpan: at === -1 ? undefined : { offset: typeToken.start + 1 + at + 1, length: typeText.length - at - 1 },
      existing,
      body,
    };
  }

  private module(start: number): ModuleDecl {
    this.s.next();
    const { name, nameSpan } = this.name();
    const pathToken = this.s.current;
    let path = '';
    if (pathToken.kind === 'string') {
      this.s.next();
      path = String(pathToken.parts?.[0] ?? '');
    } else {
      this.s.problem('expected the module path');
    }
    const body = this.s.accept('=') ? this.exprs.expression(1) : this.expectValue();
    return {
      kind: 'module',
      span: spanFrom(start, this.s.lastEnd),
      name,
      nameSpan,
      path,
      pathSpan: spanFrom(pathToken.start, pathToken.end),
      body,
    };
  }

  private expectValue(): Expr {
    this.s.problem("expected '='");
    return this.exprs.missing();
  }
}
