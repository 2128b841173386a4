import { createScanner, parseTree, type ParseError } from 'jsonc-parser';
import { findBicepComments } from '../../../server/src/core/bicep/comments';
import { countErrors } from '../../../server/src/core/json/jsoncSyntax';
import { parseBicep } from '../../../server/src/core/bicep/parser';
import type { Format } from './corpus';
import { Lines, type Range } from './ranges';

/**
 * What a quick fix must not do to a file, checked on the text its edit produces: add parse errors (JSON
 * by jsonc-parser, Bicep by the project's own parser) or lose, move or swallow a comment it does not
 * itself touch. Whether the fix removes its finding needs the server and is checked by the executor.
 */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Edits as offsets on `text`, sorted; undefined (with the reason) when they overlap or are malformed. */
export function toOffsets(text: string, edits: readonly TextEdit[]): { start: number; end: number; newText: string }[] | string {
  const lines = new Lines(text);
  const out = [];
  for (const e of edits) {
    const bad = lines.rangeProblem(e.range, true);
    if (bad) return `edit range ${bad}`;
    if (typeof e.newText !== 'string') return 'edit without newText';
    out.push({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < out.length; i++) if (out[i]!.start < out[i - 1]!.end) return 'edits overlap';
  return out;
}

export function applyOffsets(text: string, edits: readonly { start: number; end: number; newText: string }[]): string {
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  return out + text.slice(last);
}

const TOO_DEEP = 'too deep for jsonc-parser';
const NO_TRAILING = { allowTrailingComma: false };

/** Parse problems by kind: jsonc-parser's error codes for JSON, the Bicep parser's messages. */
export function parseProblems(text: string, format: Format): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  if (format === 'json') {
    const errors: ParseError[] = [];
    try {
      parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
    } catch (error) {
      // jsonc-parser recurses per nesting level: tens of thousands of levels overflow the stack. Such a
      // text counts as one problem of its own kind, so a fix that makes it parseable or not is still seen.
      if (!(error instanceof RangeError)) throw error;
      return new Map([[TOO_DEEP, 1]]);
    }
    for (const e of errors) add(`json error ${e.error}`);
  } else {
    for (const p of parseBicep(text).problems) add(p.message.replace(/'[^']*'|"[^"]*"|\d+/g, '…'));
  }
  return counts;
}

/** Comments with their offsets: jsonc-parser's scanner for JSON (strings skipped), the Bicep front end's finder. */
export function commentsOf(text: string, format: Format): { offset: number; text: string }[] {
  if (format === 'bicep')
    return findBicepComments(text).map((c) => ({ offset: c.offset, text: text.slice(c.offset, c.offset + c.length) }));
  const out = [];
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== 17 /* EOF */; token = scanner.scan()) {
    if (token === 12 /* LineComment */ || token === 13 /* BlockComment */)
      out.push({
        offset: scanner.getTokenOffset(),
        text: text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength()),
      });
  }
  return out;
}

export interface FixResult {
  readonly text: string;
  readonly problems: readonly string[];
}

/** Applies a fix's edits to `text` and says what it broke (empty when nothing). */
export function checkFix(text: string, edits: readonly TextEdit[], format: Format): FixResult {
  const offsets = toOffsets(text, edits);
  if (typeof offsets === 'string') return { text, problems: [offsets] };
  const after = applyOffsets(text, offsets);
  const problems: string[] = [];
  const before = parseProblems(text, format);
  const afterProblems = parseProblems(after, format);
  const added = (n: number, kind: string) => problems.push(`adds ${n} parse problem${n > 1 ? 's' : ''} (${kind})`);
  const tooDeep = before.has(TOO_DEEP) || afterProblems.has(TOO_DEEP);
  // Nesting that overflows jsonc-parser hides every other error of that text: a fix that flattens it would
  // seem to add them all. Both sides are then counted by the writer's own counter, which follows the nesting
  // without recursion and counts as jsonc-parser does (json/jsoncSyntax.ts, tested against jsonc-parser).
  const counted = tooDeep && format === 'json' ? [countErrors(text, NO_TRAILING), countErrors(after, NO_TRAILING)] : undefined;
  if (counted && counted[0] !== undefined && counted[1] !== undefined) {
    if (counted[1] > counted[0]) added(counted[1] - counted[0], 'json errors, counted without recursion');
  } else {
    for (const [kind, n] of afterProblems) {
      const was = before.get(kind) ?? 0;
      if (n > was) added(n - was, kind);
    }
  }
  const kept = new Map(commentsOf(after, format).map((c) => [c.offset, c.text]));
  for (const comment of commentsOf(text, format)) {
    const end = comment.offset + comment.text.length;
    // A comment an edit touches (overlapping, or an edit inside it) is the fix's business.
    if (offsets.some((e) => e.start < end && e.end > comment.offset) || offsets.some((e) => e.start > comment.offset && e.start < end))
      continue;
    let shift = 0;
    for (const e of offsets) if (e.end <= comment.offset) shift += e.newText.length - (e.end - e.start);
    const found = kept.get(comment.offset + shift);
    if (found !== comment.text)
      problems.push(
        `comment ${JSON.stringify(comment.text.slice(0, 60))} at offset ${comment.offset} ${found === undefined ? 'is no longer a comment where it was' : `became ${JSON.stringify(found.slice(0, 80))}`}`,
      );
  }
  return { text: after, problems };
}
