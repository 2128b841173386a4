import { MAX_JSON_DEPTH } from '../limits';
import type { Span } from '../text/span';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, CR, LF, OPEN_BRACE, OPEN_BRACKET, QUOTE, SLASH, STAR } from '../text/charCodes';

/**
 * jsonc-parser's parseTree, getLocation, visit, findNodeAtOffset and getNodeValue recurse once per
 * nesting level. How deep they get before the stack runs out depends on how far V8 has optimised them
 * (about 9,000 levels in a fresh process, several times that in a long-running server), so catching
 * the RangeError is not enough: a tree that parsed can still overflow the next helper. Instead, no text
 * nested deeper than MAX_JSON_DEPTH ever reaches them: the content of each container at that depth is
 * blanked (same length, line breaks kept, so every offset and position still holds; a comment where it
 * has room, so callers must parse with comments allowed, as every caller does) and reported.
 * No real template comes near: nested deployments add four levels each, and ARM limits their nesting.
 */
export { MAX_JSON_DEPTH };

export interface DepthBounded {
  /** The text, or a copy of the same length with the too-deep content blanked. */
  readonly text: string;
  /** The first container past the limit (its opening bracket), when something was blanked. */
  readonly tooDeep: Span | undefined;
}

/** `text` with everything nested deeper than `maxDepth` blanked; the text itself when nothing is. */
export function boundJsonDepth(text: string, maxDepth: number = MAX_JSON_DEPTH): DepthBounded {
  if (!mayNestDeeper(text, maxDepth)) return { text, tooDeep: undefined };
  return blankDeepContent(text, maxDepth);
}

/**
 * One pass over the brackets that are tokens, skipping strings and comments exactly as jsonc-parser's
 * scanner does (a string ends at its closing quote or before a line break, a backslash takes the next
 * character whatever it is; a line comment ends before a line break, a block comment at its close or at the
 * end of the text): a property test holds this against the scanner. A closing bracket closes only the
 * container it matches, as the parser's error recovery skips the others, so the depth counted here is
 * never below the parser's.
 */
function blankDeepContent(text: string, maxDepth: number): DepthBounded {
  const length = text.length;
  // Open containers: bracket code and where their content starts. Grown as needed (deep text is rare).
  let kinds = new Uint8Array(Math.min(1024, maxDepth + 2));
  let contentStart = new Int32Array(kinds.length);
  let depth = 0;
  const blanks: [number, number][] = [];
  let blankFrom = -1;
  let tooDeep: Span | undefined;
  for (let i = 0; i < length;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < length;) {
        const d = text.charCodeAt(i);
        if (d === QUOTE) {
          i++;
          break;
        }
        if (d === BACKSLASH) {
          i += 2;
          continue;
        }
        if (d === LF || d === CR) break;
        i++;
      }
      continue;
    }
    if (c === SLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === SLASH) {
        for (i += 2; i < length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR; i++);
      } else if (next === STAR) {
        const close = text.indexOf('*/', i + 2);
        i = close < 0 ? length : close + 2;
      } else {
        i++;
      }
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === kinds.length) {
        const grownKinds = new Uint8Array(kinds.length * 2);
        grownKinds.set(kinds);
        kinds = grownKinds;
        const grownStarts = new Int32Array(contentStart.length * 2);
        grownStarts.set(contentStart);
        contentStart = grownStarts;
      }
      kinds[depth] = c === OPEN_BRACE ? 1 : 2;
      contentStart[depth++] = i + 1;
      if (depth === maxDepth + 1 && blankFrom < 0) {
        blankFrom = contentStart[maxDepth - 1]!;
        tooDeep ??= { offset: i, length: 1 };
      }
    } else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0 && kinds[depth - 1] === (c === CLOSE_BRACE ? 1 : 2)) {
      depth--;
      if (blankFrom >= 0 && depth === maxDepth - 1) {
        blanks.push([blankFrom, i]);
        blankFrom = -1;
      }
    }
    i++;
  }
  if (blankFrom >= 0) blanks.push([blankFrom, length]);
  if (blanks.length === 0) return { text, tooDeep: undefined };
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of blanks) {
    parts.push(text.slice(at, from));
    blank(text, from, to, parts);
    at = to;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), tooDeep };
}

/**
 * text[from, to) as spaces, its line breaks kept, wrapped in a block comment where it has room: jsonc-parser's
 * scanner builds a string one character at a time for each run of whitespace (a megabyte of blanks cost
 * 40 MB of garbage and 100 ms per parse) but skips a comment in one tight loop.
 */
function blank(text: string, from: number, to: number, out: string[]): void {
  const pieces: string[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== LF && c !== CR) continue;
    pieces.push(' '.repeat(i - start), c === LF ? '\n' : '\r');
    start = i + 1;
  }
  pieces.push(' '.repeat(to - start));
  const spaces = pieces.join('');
  const open = spaces.indexOf('  ');
  const close = spaces.lastIndexOf('  ');
  out.push(
    open >= 0 && close >= open + 2 ? `${spaces.slice(0, open)}/*${spaces.slice(open + 2, close)}*/${spaces.slice(close + 2)}` : spaces,
  );
}

/** False when the text has too few opening brackets to nest deeper than `maxDepth` (most texts: one cheap pass). */
function mayNestDeeper(text: string, maxDepth: number): boolean {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === OPEN_BRACE || c === OPEN_BRACKET) && ++open > maxDepth) return true;
  }
  return false;
}

/** The parse problem for blanked content, worded for the user. */
export function tooDeepMessage(maxDepth: number = MAX_JSON_DEPTH): string {
  return `Nested more than ${maxDepth} levels deep: what is inside is not analysed.`;
}
