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
