/**
 * What changed between two versions of a text, as one region: `removed` characters at `offset` of the old
 * text became `inserted` characters. Found by comparing the texts themselves (their common prefix and
 * suffix), so it needs no edit log and is right for any sequence of edits: the region then covers them all.
 */
export interface TextChange {
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

/** Compared a chunk at a time: string equality of two slices runs natively, far faster than a character loop. */
const CHUNK = 16_384;

/** The one region where `before` and `after` differ; undefined when they are equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix + CHUNK <= shorter && before.slice(prefix, prefix + CHUNK) === after.slice(prefix, prefix + CHUNK)) prefix += CHUNK;
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // The suffix may not reach into the prefix of either text.
  const room = shorter - prefix;
  let suffix = 0;
  while (
    suffix + CHUNK <= room &&
    before.slice(before.length - suffix - CHUNK, before.length - suffix) ===
      after.slice(after.length - suffix - CHUNK, after.length - suffix)
  )
    suffix += CHUNK;
  while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { offset: prefix, removed: before.length - prefix - suffix, inserted: after.length - prefix - suffix };
}

/**
 * Where an offset of the old text is in the new one. Offsets in the changed region have no counterpart:
 * callers map only what lies outside it (the end of a span may touch it).
 */
export function shiftOffset(change: TextChange, offset: number): number {
  return offset >= change.offset + change.removed ? offset + change.inserted - change.removed : offset;
}
