import { endOfLine, isBlank, lineBreakEndingAt, lineBreakLength, lineIndent, startOfLine } from './lineText';
import type { LineHead, LineTail } from './workingCopy';

/**
 * A part of the text being edited (whole lines around what a step works on), read once per step: the
 * step's reads are answered from it, in the document's offsets, so the rest of the document is never
 * copied. The text helpers of lineText.ts, offset by where the region starts.
 *
 * A region may be clipped (a line of megabytes, as in a minified template): `head` and `tail` then say
 * where its first line really starts, with what indentation and after which line break, and where its
 * last line really ends. Questions about text beyond a clipped side are answered from them; a blank test
 * reaching outside the region answers no, which only keeps a line the writer could have removed whole.
 */
export class TextRegion {
  constructor(
    readonly text: string,
    readonly base: number,
    private readonly head?: LineHead,
    private readonly tail?: LineTail,
  ) {}

  get end(): number {
    return this.base + this.text.length;
  }

  char(offset: number): string | undefined {
    return this.text[offset - this.base];
  }

  slice(from: number, to: number): string {
    return this.text.slice(from - this.base, to - this.base);
  }

  startOfLine(offset: number): number {
    const start = this.base + startOfLine(this.text, offset - this.base);
    return start === this.base && this.head ? this.head.start : start;
  }

  endOfLine(offset: number): number {
    const end = this.base + endOfLine(this.text, offset - this.base);
    return end === this.end && this.tail ? this.tail.end : end;
  }

  lineBreakLength(offset: number): number {
    if (this.tail && offset === this.tail.end) return this.tail.lineBreak.length;
    return lineBreakLength(this.text, offset - this.base);
  }

  lineIndent(offset: number): string {
    if (this.head && this.startOfLine(offset) === this.head.start) return this.head.indent.slice(0, offset - this.head.start);
    return lineIndent(this.text, offset - this.base);
  }

  isBlank(from: number, to: number): boolean {
    if (from < this.base || to > this.end) return false;
    return isBlank(this.text, from - this.base, to - this.base);
  }

  hasLineBreak(from: number, to: number): boolean {
    return /[\r\n]/.test(this.slice(from, to));
  }

  /** The line break that ends the line at `offset`, else the one before it, else `fallback` (as lineText's). */
  lineBreakNear(offset: number, fallback: string): string {
    const end = this.endOfLine(offset);
    if (this.tail && end === this.tail.end) {
      if (this.tail.lineBreak) return this.tail.lineBreak;
    } else if (end < this.end) return this.slice(end, end + this.lineBreakLength(end));
    return this.lineBreakEndingAt(this.startOfLine(offset)) ?? fallback;
  }

  lineBreakEndingAt(lineStart: number): string | undefined {
    if (this.head && lineStart === this.head.start) return this.head.breakBefore;
    return lineBreakEndingAt(this.text, lineStart - this.base);
  }
}
