import type { Span } from '../text/span';
import type { TextEdit } from './neutralEdit';
import { OffsetMap } from './offsetMap';

/**
 * The text a writer edits step by step, and what those steps amount to on the original: the edits a
 * client applies. Each step is an edit on the text the steps before it left; spans taken from the
 * original are found again through an offset map. The steps are composed as they come into edits on the
 * original text (sorted, non-overlapping), so the result names only what changed: two insertions far
 * apart stay two small edits instead of one that rewrites everything between them.
 *
 * The edited text itself is built only when asked for (`text`); a writer reads the part it works on with
 * `slice` and `region`, which cost the length read, not the document's. So a "fix all" of a thousand
 * findings in a 6 MB template does not copy 6 MB a thousand times.
 */
export class WorkingCopy {
  private readonly offsets = new OffsetMap();
  /** The steps so far, as edits on the original text: sorted by offset, none overlapping or touching. */
  private composed: TextEdit[] = [];
  /** Where each composed edit starts in the current text (built when needed). */
  private starts: number[] | undefined;
  private built: string | undefined;
  /**
   * How many characters of the current text the writer has read so far (slices, regions, the whole
   * text): the measure that a fix's work is linear in the document, not in documents times steps.
   */
  charsRead = 0;

  constructor(readonly original: string) {
    this.built = original;
  }

  /** The current text, built from the original and the edits (once per change). */
  get text(): string {
    this.built ??= this.slice(0, this.length);
    return this.built;
  }

  get length(): number {
    let length = this.original.length;
    for (const edit of this.composed) length += edit.newText.length - edit.length;
    return length;
  }

  /** Where a span of the original is now; undefined when an edit crossed its start or end. */
  map(span: Span): Span | undefined {
    return this.offsets.map(span);
  }

  apply(offset: number, length: number, newText: string): true {
    const edit = { offset, length, newText };
    this.compose(edit);
    this.starts = undefined;
    this.built = undefined;
    this.offsets.record(edit);
    return true;
  }

  /** True when no step so far has changed, or written right next to, the original text [span]. */
  untouched(span: Span): boolean {
    const end = span.offset + span.length;
    for (const edit of this.composed) {
      if (edit.offset > end) break;
      if (edit.offset + edit.length >= span.offset) return false;
    }
    return true;
  }

  /** The current text from `from` to `to`. */
  slice(from: number, to: number): string {
    this.charsRead += Math.max(0, to - from);
    if (this.built !== undefined) return this.built.slice(from, to);
    const list = this.composed;
    const starts = this.currentStarts();
    // The first edit that ends after `from`.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! + list[mid]!.newText.length <= from) low = mid + 1;
      else high = mid;
    }
    let out = '';
    let at = from;
    let i = low;
    while (at < to) {
      const edit = list[i];
      if (edit && starts[i]! <= at) {
        const end = Math.min(starts[i]! + edit.newText.length, to);
        if (at < end) out += edit.newText.slice(at - starts[i]!, end - starts[i]!);
        at = Math.max(at, end);
        i++;
        continue;
      }
      // Unchanged text before edit i: the original, shifted by what the edits before it changed.
      const previous = list[i - 1];
      const delta = previous ? starts[i - 1]! + previous.newText.length - (previous.offset + previous.length) : 0;
      const gapEnd = edit ? Math.min(starts[i]!, to) : to;
      out += this.original.slice(at - delta, gapEnd - delta);
      at = gapEnd;
    }
    return out;
  }

  /**
   * The current text around [from, to]: from the start of the line holding `from` to the end of the line
   * holding `to`, its line break included; `base` is where it starts.
   */
  region(from: number, to: number): { text: string; base: number } {
    const length = this.length;
    // Read in growing chunks: most lines are short, and a step reads several regions.
    let chunk = 256;
    let start = from;
    for (;;) {
      const chunkStart = Math.max(0, start - chunk);
      const text = this.slice(chunkStart, start);
      const at = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
      if (at >= 0) {
        start = chunkStart + at + 1;
        break;
      }
      start = chunkStart;
      if (start === 0) break;
      chunk = Math.min(chunk * 2, 65_536);
    }
    chunk = 256;
    let end = to;
    for (;;) {
      const text = this.slice(end, Math.min(length, end + chunk));
      const at = text.search(/[\r\n]/);
      if (at >= 0) {
        end += at;
        end += this.slice(end, end + 2) === '\r\n' ? 2 : 1;
        break;
      }
      end += text.length;
      if (end >= length) break;
      chunk = Math.min(chunk * 2, 65_536);
    }
    return { text: this.slice(start, end), base: start };
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

  private currentStarts(): number[] {
    this.starts ??= startsOf(this.composed);
    return this.starts;
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
    const newText = this.slice(currentStart, start) + edit.newText + this.slice(end, currentEnd);
    list.splice(i, j - i, { offset: originalStart, length: originalEnd - originalStart, newText });
  }
}

/** Where each composed edit starts in the current text. */
function startsOf(list: readonly TextEdit[]): number[] {
  const starts: number[] = [];
  let delta = 0;
  for (const edit of list) {
    starts.push(edit.offset + delta);
    delta += edit.newText.length - edit.length;
  }
  return starts;
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
  while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === edit.newText.charCodeAt(edit.newText.length - 1 - suffix))
    suffix++;
  if (suffix > 0 && isCrLfMiddle(original, edit.offset + edit.length - suffix)) suffix--;
  return {
    offset: edit.offset + prefix,
    length: old.length - prefix - suffix,
    newText: edit.newText.slice(prefix, edit.newText.length - suffix),
  };
}

function isCrLfMiddle(text: string, offset: number): boolean {
  return text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}
