/**
 * Internal source ids of the project's reference (`S4`, `§3.4`, `#23`): users do not have that document,
 * so no text they see may name one (docs/sources.md lists the sources with titles and links). A GitHub
 * reference `owner/repo#123` is not one of them.
 */
const INTERNAL_ID = /(?<![\w-])S(?:1[0-8]|[1-9])(?![\w-])|§\s*\d|(?<![\w/.\\-])#\d+\b/g;

/** The internal ids in a text, with some context each, for assertion messages. */
export function internalIds(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(INTERNAL_ID)) {
    const at = match.index ?? 0;
    out.push(`${match[0]} in "…${text.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…"`);
  }
  return out;
}
