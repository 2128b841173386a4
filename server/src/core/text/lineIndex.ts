import type { Position, Range, Span } from './span';

/** A replacement of `length` characters at `offset`, as the writers produce them. */
export interface OffsetEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/**
 * Maps offsets to line/character positions and back. Built once per text; lookups are a binary search,
 * so turning thousands of spans into ranges on a 6 MB file stays cheap. Line breaks are \n, \r\n and \r,
 * as LSP counts them.
 *
 * This is where every offset becomes an LSP position, so it is where positions are made valid: a
 * position never points past the end of its line's text and never between the CR and the LF of a line
 * break (an offset there is a place no LSP position names). Edits are widened to keep their meaning.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(private readonly text: string) {
    this.lineStarts = text.indexOf('\r') < 0 ? lfLineStarts(text) : lineStarts(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`; an offset between CR and LF counts as the end of that line's text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.lineStarts[line]!;
    return { line, character: Math.min(clamped, this.contentEnd(line)) - start };
  }

  /** The offset of `position`; a character past the line's text means its end, as LSP says. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.max(start, Math.min(start + position.character, this.contentEnd(position.line)));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.offset), end: this.positionAt(span.offset + span.length) };
  }

  /**
   * An edit as LSP can carry it. An end that falls between CR and LF takes the LF along (and writes it
   * back), a start there takes the CR along, so the edit does exactly what it did on offsets.
   */
  textEditOf(edit: OffsetEdit): { range: Range; newText: string } {
    let start = Math.max(0, Math.min(edit.offset, this.text.length));
    let end = Math.max(start, Math.min(edit.offset + edit.length, this.text.length));
    let newText = edit.newText;
    if (this.splitsLineBreak(start)) {
      start--;
      newText = '\r' + newText;
    }
    if (this.splitsLineBreak(end)) {
      end++;
      newText += '\n';
    }
    return { range: { start: this.positionAt(start), end: this.positionAt(end) }, newText };
  }

  /** True between the CR and the LF of a line break. */
  splitsLineBreak(offset: number): boolean {
    return this.text.charCodeAt(offset - 1) === 13 && this.text.charCodeAt(offset) === 10;
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Where the line's text ends: before its line break (or at the end of the text). */
  private contentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1]!;
    return this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
  }
}

/** Line starts of a text with no CR (most templates): `indexOf` finds each LF much faster than a loop over every character. */
function lfLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line starts where a line may end with \n, \r\n or \r. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
