/** Text helpers for the writers of every format: lines, indentation, line breaks. */

// The line searches use the native indexOf/lastIndexOf: a minified template is one line of megabytes,
// and a character loop over it on every step of a "fix all" made the fix quadratic in practice.

export function startOfLine(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const lf = text.lastIndexOf('\n', offset - 1);
  // A CR only within this line: searching the whole text for one would cost the document per call.
  const cr = text.slice(lf + 1, offset).lastIndexOf('\r');
  return cr < 0 ? lf + 1 : lf + 1 + cr + 1;
}

/** Where the line holding `offset` ends (the offset of its line break, or the text's end). */
export function endOfLine(text: string, offset: number): number {
  if (offset >= text.length) return offset;
  let lf = text.indexOf('\n', offset);
  if (lf < 0) lf = text.length;
  const cr = text.slice(offset, lf).indexOf('\r');
  return cr < 0 ? lf : offset + cr;
}

/** The length of the line break at `offset` (2 for CRLF), 0 when there is none. */
export function lineBreakLength(text: string, offset: number): number {
  if (text[offset] === '\r') return text[offset + 1] === '\n' ? 2 : 1;
  return text[offset] === '\n' ? 1 : 0;
}

/** The whitespace a line starts with, up to `offset` at most. */
export function lineIndent(text: string, offset: number): string {
  const start = startOfLine(text, offset);
  let end = start;
  while (end < offset && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Only spaces and tabs between the two offsets. */
export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/**
 * The line break new lines written at `offset` should use: the one ending that line, else the one before
 * it, else `fallback`. Documents with mixed line endings keep each neighbourhood's own.
 */
export function lineBreakNear(text: string, offset: number, fallback: string): string {
  const end = endOfLine(text, offset);
  if (end < text.length) return text.slice(end, end + lineBreakLength(text, end));
  return lineBreakEndingAt(text, startOfLine(text, offset)) ?? fallback;
}

/** The line break that ends just before `lineStart`, if there is one. */
export function lineBreakEndingAt(text: string, lineStart: number): string | undefined {
  const c = text[lineStart - 1];
  if (c === '\n') return text[lineStart - 2] === '\r' ? '\r\n' : '\n';
  return c === '\r' ? '\r' : undefined;
}

export function reindent(raw: string, oldIndent: string, newIndent: string): string {
  return raw.replace(
    /(\r\n|\n|\r)([ \t]*)/g,
    (_, eol: string, indent: string) => eol + (indent.startsWith(oldIndent) ? newIndent + indent.slice(oldIndent.length) : indent),
  );
}
