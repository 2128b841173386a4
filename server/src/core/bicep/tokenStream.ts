import type { ParseProblem } from '../model/templateModel';
import type { Span } from '../text/span';
import { Scanner, type Token } from './scanner';

/** Deepest expression nesting the parser follows; deeper text is reported and skipped, never recursed into. */
export const MAX_DEPTH = 128;

const OPENERS = new Set(['{', '[', '(']);
const CLOSERS = new Set(['}', ']', ')']);

/** A cursor over the tokens of one text range, with the problems found so far (shared with sub-parsers). */
export class TokenStream {
  private readonly scanner: Scanner;
  /** Tokens scanned but not yet consumed start at `head`; consumed ones are dropped now and then. */
  private buffer: Token[];
  private head = 0;
  /** Always `buffer[head]`: kept in a field because the parser reads it several times per token. */
  private cur: Token;
  private consumed = 0;
  private previousEnd = 0;

  constructor(
    readonly text: string,
    readonly problems: ParseProblem[],
    start = 0,
    end = text.length,
  ) {
    this.scanner = new Scanner(text, start, end);
    this.cur = this.scanner.next();
    this.buffer = [this.cur];
  }

  /** Makes sure `ahead` tokens past the current one are scanned (or the end is reached). */
  private fill(ahead: number): void {
    while (this.buffer.length - this.head <= ahead) {
      const last = this.buffer[this.buffer.length - 1];
      if (last?.kind === 'eof') return;
      this.buffer.push(this.scanner.next());
    }
  }

  get current(): Token {
    return this.cur;
  }

  /** How many tokens have been consumed: parsers compare it to see that they moved on. */
  get index(): number {
    return this.consumed;
  }

  peek(ahead = 1): Token {
    if (ahead === 0) return this.cur;
    this.fill(ahead);
    return this.buffer[Math.min(this.head + ahead, this.buffer.length - 1)]!;
  }

  /** The next token that is not a newline, without moving. */
  peekPastNewlines(): Token {
    for (let ahead = 0; ; ahead++) {
      const token = this.peek(ahead);
      if (token.kind !== 'newline') return token;
    }
  }

  next(): Token {
    const token = this.cur;
    if (token.kind === 'eof') return token;
    this.head++;
    this.consumed++;
    this.previousEnd = token.end;
    if (this.head >= 1024) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
    // Scan the next token now (unless peek already did), so `current` is a plain field read.
    if (this.head === this.buffer.length) this.buffer.push(this.scanner.next());
    this.cur = this.buffer[this.head]!;
    return token;
  }

  /** The previous token's end: where a node that ends here ends. */
  get lastEnd(): number {
    return this.consumed === 0 ? this.current.start : this.previousEnd;
  }

  is(text: string): boolean {
    const t = this.current;
    return (t.kind === 'punct' || t.kind === 'identifier') && t.text === text;
  }

  accept(text: string): Token | undefined {
    return this.is(text) ? this.next() : undefined;
  }

  skipNewlines(): void {
    while (this.current.kind === 'newline') this.next();
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
      this.next();
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
