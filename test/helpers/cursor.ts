/**
 * Reads a test input with one `|` marking the cursor: returns the text without it and the offset.
 * Throws unless there is exactly one marker, so a typo in a fixture cannot silently test nothing.
 */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset === -1) throw new Error('cursor(): no | marker in the input');
  if (marked.indexOf('|', offset + 1) !== -1) throw new Error('cursor(): more than one | marker in the input');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
