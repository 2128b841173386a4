import type { ParseProblem } from '../model/types';
import type { Span } from '../text/span';
import { scan, type Token } from './scanner';

/** Deepest expression nesting the parser follows; deeper text is reported and skipped, never recursed into. */
export const MAX_DEPTH = 128;

const OPENERS = new Set(['{', '[', '(']);
const CLOSERS = new Set(['}', ']', ')']);

/** A cursor over the tokens of one text range, with the problems found so far (shared with sub-parsers). */
export class TokenStream {
  private pos = 0;
  readonly tokens: Token[];

  constructor(
    readonly text: string,
    readonly problems: ParseProblem[],
    start = 0,
    end = text.length,
  ) {
    this.tokens = scan(text, start, end);
  }

  get current(): Token {
    return this.tokens[this.pos]!;
  }

  get index(): number {
    return this.pos;
  }

  peek(ahead = 1): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  /** The next token that is not a newline, without moving. */
  peekPastNewlines(): Token {
    let i = this.pos;
    while (this.tokens[i]!.kind === 'newline') i++;
    return this.tokens[i]!;
  }

  next(): Token {
    const token = this.current;
    if (token.kind !== 'eof') this.pos++;
    return token;
  }

  /** The previous token's end: where a node that ends here ends. */
  get lastEnd(): number {
    return this.pos === 0 ? this.current.start : this.tokens[this.pos - 1]!.end;
  }

  is(text: string): boolean {
    const t = this.current;
    return (t.kind === 'punct' || t.kind === 'identifier') && t.text === text;
  }

  accept(text: string): Token | undefined {
    return this.is(text) ? this.next() : undefined;
  }

  skipNewlines(): void {
    while (this.current.kind === 'newline') this.pos++;
  }

  /** Skips newlines only when the next real token is `text` (operators that may start a line). */
  acceptAcrossNewlines(text: string): Token | undefined {
    const next = this.peekPastNewlines();
    if (next.kind !== 'punct' || next.text !== text) return undefined;
    this.skipNewlines();
    return this.next();
  }

  problem(message: string, span: Span = { offset: this.current.start, length: Math.max(0, this.current.end - this.current.start) }): void {
    // One problem per position is enough; a cascade of them helps nobody.
    const last = this.problems[this.problems.length - 1];
    if (last && last.span.offset === span.offset) return;
    this.problems.push({ message, span });
  }

  /**
   * Error recovery: skips to the end of the line (or to a closer of the enclosing construct), stepping
   * over balanced brackets iteratively. Always consumes at least one token unless at a stop.
   */
  recover(stopAt: ReadonlySet<string>): void {
    let depth = 0;
    for (;;) {
      const t = this.current;
      if (t.kind === 'eof') return;
      if (depth === 0 && (t.kind === 'newline' || (t.kind === 'punct' && stopAt.has(t.text)))) return;
      if (t.kind === 'punct' && OPENERS.has(t.text)) depth++;
      else if (t.kind === 'punct' && CLOSERS.has(t.text)) depth = Math.max(0, depth - 1);
      this.pos++;
    }
  }

  /** The source text of a token range, for types kept as written. */
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }
}

export function spanFrom(start: number, end: number): Span {
  return { offset: start, length: Math.max(0, end - start) };
}
