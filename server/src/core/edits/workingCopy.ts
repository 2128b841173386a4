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
/** The indentation read at a clipped line's start: more than this is not an indentation anyone writes. */
const MAX_INDENT = 256;

/** Where a clipped region's first line really starts. */
export interface LineHead {
  readonly start: number;
  readonly indent: string;
  readonly breakBefore?: string;
}

/** Where a clipped region's last line really ends, and its line break ('' at the end of the text). */
export interface LineTail {
  readonly end: number;
  readonly lineBreak: string;
}

export interface RegionRead {
  readonly text: string;
  readonly base: number;
  readonly head?: LineHead;
  readonly tail?: LineTail;
}

export class WorkingCopy {
  private readonly offsets = new OffsetMap();
  /** The steps so far, as edits on the original text: sorted by offset, none overlapping or touching. */
  private composed: TextEdit[] = [];
  /** Where each composed edit starts in the current text (built when needed). */
  private starts: number[] | undefined;
  private built: string | undefined;
  /** The original's line-break offsets, when a clipped region first needs them. */
  private breaks: number[] | undefined;
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
   * holding `to`, its line break included; `base` is where it starts. With a `window`, at most that many
   * characters are read on either side: a minified template is one line of megabytes, and reading it
   * whole on every step made a "fix all" quadratic. What lies beyond a clipped side — where the line
   * starts, its indentation and line breaks — comes in `head` and `tail`, found without reading the line.
   */
  region(from: number, to: number, window = Number.POSITIVE_INFINITY): RegionRead {
    const length = this.length;
    // Read in growing chunks: most lines are short, and a step reads several regions.
    let chunk = 256;
    let start = from;
    let headClipped = false;
    for (;;) {
      if (from - start >= window) {
        headClipped = true;
        break;
      }
      const chunkStart = Math.max(0, start - Math.min(chunk, window - (from - start)));
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
    let tailClipped = false;
    for (;;) {
      if (end - to >= window) {
        tailClipped = true;
        break;
      }
      const text = this.slice(end, Math.min(length, end + Math.min(chunk, window - (end - to))));
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
    return {
      text: this.slice(start, end),
      base: start,
      ...(headClipped ? { head: this.lineHead(start) } : {}),
      ...(tailClipped ? { tail: this.lineTail(end) } : {}),
    };
  }

  /** The line holding `offset` of the current text: where it starts, its indentation, the break before it. */
  private lineHead(offset: number): LineHead {
    const start = this.lastBreakBefore(offset) + 1;
    const indent = /^[ \t]*/.exec(this.slice(start, start + MAX_INDENT))![0];
    const before = this.slice(Math.max(0, start - 2), start);
    const breakBefore = before.endsWith('\r\n') ? '\r\n' : before.endsWith('\n') ? '\n' : before.endsWith('\r') ? '\r' : undefined;
    return { start, indent, ...(breakBefore ? { breakBefore } : {}) };
  }

  /** Where the line holding `offset` of the current text ends, and the break that ends it ('' at the end). */
  private lineTail(offset: number): LineTail {
    const end = this.firstBreakFrom(offset);
    const after = this.slice(end, end + 2);
    return { end, lineBreak: after.startsWith('\r\n') ? '\r\n' : /^[\r\n]/.test(after) ? after[0]! : '' };
  }

  /** The offset of the last line-break character before `offset` in the current text, or -1. */
  private lastBreakBefore(offset: number): number {
    const list = this.composed;
    const starts = this.currentStarts();
    // Walk back over the pieces of the current text (edits' new text and the original between them).
    let i = list.length - 1;
    while (i >= 0 && starts[i]! >= offset) i--;
    let at = offset;
    for (;;) {
      const edit = list[i];
      const editStart = edit ? starts[i]! : 0;
      const editEnd = edit ? editStart + edit.newText.length : 0;
      // The original between this edit's end and `at`.
      if (at > editEnd) {
        const delta = edit ? editEnd - (edit.offset + edit.length) : 0;
        const found = this.originalBreakBefore(at - delta, editEnd - delta);
        if (found >= 0) return found + delta;
        at = editEnd;
      }
      if (!edit) return -1;
      const inEdit = Math.max(edit.newText.lastIndexOf('\n', at - editStart - 1), edit.newText.lastIndexOf('\r', at - editStart - 1));
      if (at > editStart && inEdit >= 0) return editStart + inEdit;
      at = editStart;
      i--;
    }
  }

  /** The offset of the first line-break character at or after `offset` in the current text, or its length. */
  private firstBreakFrom(offset: number): number {
    const list = this.composed;
    const starts = this.currentStarts();
    let i = 0;
    while (i < list.length && starts[i]! + list[i]!.newText.length <= offset) i++;
    let at = offset;
    for (;;) {
      const edit = list[i];
      const previous = list[i - 1];
      const delta = previous ? starts[i - 1]! + previous.newText.length - (previous.offset + previous.length) : 0;
      const gapEnd = edit ? starts[i]! : this.length;
      if (at < gapEnd) {
        const found = this.originalBreakFrom(at - delta, gapEnd - delta);
        if (found >= 0) return found + delta;
        at = gapEnd;
      }
      if (!edit) return this.length;
      const from = Math.max(0, at - starts[i]!);
      const lf = edit.newText.indexOf('\n', from);
      const cr = edit.newText.indexOf('\r', from);
      const inEdit = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (inEdit >= 0) return starts[i]! + inEdit;
      at = starts[i]! + edit.newText.length;
      i++;
    }
  }

  /** The last line-break character of the original in [from, to), or -1 (binary search of the breaks). */
  private originalBreakBefore(to: number, from: number): number {
    const breaks = this.originalBreaks();
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid]! < to) low = mid + 1;
      else high = mid;
    }
    const found = breaks[low - 1];
    return found !== undefined && found >= from ? found : -1;
  }

  /** The first line-break character of the original in [from, to), or -1. */
  private originalBreakFrom(from: number, to: number): number {
    const breaks = this.originalBreaks();
    let low = 0;
    let high = breaks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (breaks[mid]! < from) low = mid + 1;
      else high = mid;
    }
    const found = breaks[low];
    return found !== undefined && found < to ? found : -1;
  }

  /** Every CR and LF of the original, in order: found once, with the native search. */
  private originalBreaks(): number[] {
    if (this.breaks) return this.breaks;
    const breaks: number[] = [];
    const text = this.original;
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr < 0 || (lf >= 0 && lf < cr)) {
        breaks.push(lf);
        lf = text.indexOf('\n', lf + 1);
      } else {
        breaks.push(cr);
        cr = text.indexOf('\r', cr + 1);
      }
    }
    this.breaks = breaks;
    return breaks;
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
