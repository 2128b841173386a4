import type { Span } from '../text/span';
import { readObject, type JsoncObject } from './jsoncSyntax';
import { endOfLine, isBlank, lineBreakEndingAt, lineBreakLength, lineBreakNear, lineIndent, startOfLine } from './jsonText';

/**
 * A part of the text being edited (whole lines around what a step works on), read once per step: the
 * step's reads are answered from it, in the document's offsets, so the rest of the document is never
 * copied. The text helpers of jsonText.ts, offset by where the region starts.
 */
export class TextRegion {
  constructor(readonly text: string, readonly base: number) {}

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

  /** The object at `span` (see readObject), its offsets in the document's terms. */
  readObject(span: Span): JsoncObject | undefined {
    if (span.offset < this.base || span.offset + span.length > this.end) return undefined;
    const object = readObject(this.text, { offset: span.offset - this.base, length: span.length });
    if (!object) return undefined;
    const shift = (s: Span): Span => ({ offset: s.offset + this.base, length: s.length });
    return {
      open: object.open + this.base,
      close: object.close + this.base,
      members: object.members.map((m) => ({ name: m.name, key: shift(m.key), value: shift(m.value), comma: m.comma === undefined ? undefined : m.comma + this.base })),
    };
  }
}
