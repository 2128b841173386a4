import { endOfLine, isBlank, lineBreakEndingAt, lineBreakLength, lineBreakNear, lineIndent, startOfLine } from './lineText';

/**
 * A part of the text being edited (whole lines around what a step works on), read once per step: the
 * step's reads are answered from it, in the document's offsets, so the rest of the document is never
 * copied. The text helpers of lineText.ts, offset by where the region starts.
 */
export class TextRegion {
  constructor(
    readonly text: string,
    readonly base: number,
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
    return this.base + startOfLine(this.text, offset - this.base);
  }

  endOfLine(offset: number): number {
    return this.base + endOfLine(this.text, offset - this.base);
  }

  lineBreakLength(offset: number): number {
    return lineBreakLength(this.text, offset - this.base);
  }

  lineIndent(offset: number): string {
    return lineIndent(this.text, offset - this.base);
  }

  isBlank(from: number, to: number): boolean {
    return isBlank(this.text, from - this.base, to - this.base);
  }

  hasLineBreak(from: number, to: number): boolean {
    return /[\r\n]/.test(this.slice(from, to));
  }

  lineBreakNear(offset: number, fallback: string): string {
    return lineBreakNear(this.text, offset - this.base, fallback);
  }

  lineBreakEndingAt(lineStart: number): string | undefined {
    return lineBreakEndingAt(this.text, lineStart - this.base);
  }
}
