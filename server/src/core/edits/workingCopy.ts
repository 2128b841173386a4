import type { Span } from '../text/span';
import type { TextEdit } from './neutralEdit';
import { OffsetMap } from './offsetMap';

/**
 * The text a writer edits step by step, and what those steps amount to on the original: the edits a
 * client applies. Each step is an edit on the text the steps before it left; spans taken from the
 * original are found again through an offset map. The steps are composed as they come into edits on the
 * original text (sorted, non-overlapping), so the result names only what changed: two insertions far
 * apart stay two small edits instead of one that rewrites everything between them.
 */
export class WorkingCopy {
  text: string;
  private readonly offsets = new OffsetMap();
  /** The steps so far, as edits on the original text: sorted by offset, none overlapping or touching. */
  private composed: TextEdit[] = [];

  constructor(readonly original: string) {
    this.text = original;
  }

  /** Where a span of the original is now; undefined when an edit crossed its start or end. */
  map(span: Span): Span | undefined {
    return this.offsets.map(span);
  }

  apply(offset: number, length: number, newText: string): true {
    const edit = { offset, length, newText };
    this.compose(edit);
    this.text = this.text.slice(0, offset) + newText + this.text.slice(offset + length);
    this.offsets.record(edit);
    return true;
  }

  /**
   * The changes as edits on the original: each trimmed to the characters that differ, and never starting
   * or ending between the CR and the LF of a line break (LSP positions cannot say that).
   */
  edits(): TextEdit[] {
    const out: TextEdit[] = [];
    for (const edit of this.composed) {
      const trimmed = trim(this.original, edit);
      if (trimmed) out.push(trimmed);
    }
    return out;
  }

  /** Folds one step (on the current text) into the edits on the original. */
  private compose(edit: TextEdit): void {
    const start = edit.offset;
    const end = edit.offset + edit.length;
    const list = this.composed;
    // Current = original + delta of the edits before; skip those ending before this one starts.
    let i = 0;
    let delta = 0;
    while (i < list.length && list[i]!.offset + delta + list[i]!.newText.length < start) {
      delta += list[i]!.newText.length - list[i]!.length;
      i++;
    }
    const deltaBefore = delta;
    let j = i;
    while (j < list.length && list[j]!.offset + delta <= end) {
      delta += list[j]!.newText.length - list[j]!.length;
      j++;
    }
    let originalStart = start - deltaBefore;
    let originalEnd = end - deltaBefore;
    let currentStart = start;
    let currentEnd = end;
    if (j > i) {
      // Touching earlier edits: merge them with this one, in current coordinates, then map the ends back.
      const first = list[i]!;
      const last = list[j - 1]!;
      const firstStart = first.offset + deltaBefore;
      const lastEnd = last.offset + delta - (last.newText.length - last.length) + last.newText.length;
      if (firstStart <= start) {
        originalStart = first.offset;
        currentStart = firstStart;
      }
      if (lastEnd >= end) {
        originalEnd = last.offset + last.length;
        currentEnd = lastEnd;
      } else {
        originalEnd = end - delta;
      }
    }
    const newText = this.text.slice(currentStart, start) + edit.newText + this.text.slice(end, currentEnd);
    list.splice(i, j - i, { offset: originalStart, length: originalEnd - originalStart, newText });
  }
}

/** The edit without the characters it leaves as they were at either end; undefined when it changes nothing. */
function trim(original: string, edit: TextEdit): TextEdit | undefined {
  const old = original.slice(edit.offset, edit.offset + edit.length);
  if (old === edit.newText) return undefined;
  const max = Math.min(old.length, edit.newText.length);
  let prefix = 0;
  while (prefix < max && old.charCodeAt(prefix) === edit.newText.charCodeAt(prefix)) prefix++;
  // Keep a CRLF whole: a boundary between its two characters moves to include both.
  if (prefix > 0 && isCrLfMiddle(original, edit.offset + prefix)) prefix--;
  let suffix = 0;
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === edit.newText.charCodeAt(edit.newText.length - 1 - suffix)) suffix++;
  if (suffix > 0 && isCrLfMiddle(original, edit.offset + edit.length - suffix)) suffix--;
  return { offset: edit.offset + prefix, length: old.length - prefix - suffix, newText: edit.newText.slice(prefix, edit.newText.length - suffix) };
}

function isCrLfMiddle(text: string, offset: number): boolean {
  return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}
