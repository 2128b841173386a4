import type { Span } from '../text/span';
import type { TextEdit } from './neutralEdit';

/**
 * Tracks edits applied one after another, so a span taken from the original text can be found again
 * in the edited text. A span survives an edit before it, after it, or strictly inside it (it grows or
 * shrinks); an edit that crosses its start or end makes it unresolvable.
 */
export class OffsetMap {
  private readonly applied: TextEdit[] = [];

  record(edit: TextEdit): void {
    this.applied.push(edit);
  }

  map(span: Span): Span | undefined {
    let start = span.offset;
    let end = span.offset + span.length;
    for (const edit of this.applied) {
      const editEnd = edit.offset + edit.length;
      const delta = edit.newText.length - edit.length;
      if (editEnd <= start) {
        start += delta;
        end += delta;
      } else if (edit.offset >= end) {
        continue;
      } else if (edit.offset > start && editEnd < end) {
        end += delta;
      } else {
        return undefined;
      }
    }
    return { offset: start, length: end - start };
  }
}

/** One edit turning `before` into `after`: the changed middle between their common prefix and suffix. */
export function diffAsEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { offset: prefix, length: before.length - prefix - suffix, newText: after.slice(prefix, after.length - suffix) };
}
