/** A run of characters in a source text: where a node starts and how long it is (UTF-16 code units). */
export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** A zero-based line/character position, as LSP uses. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** A problem found while reading a source text (a parse error, an unreadable parameters file). */
export interface ParseProblem {
  readonly message: string;
  readonly span: Span;
}
