import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  CR,
  LF,
  MINUS,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
  SLASH,
  STAR,
} from '../text/charCodes';

/**
 * One pass over a text that both checks it is JSON (RFC 8259) with the comments ARM templates may have
 * (line and block comments, wherever whitespace may be) and no trailing commas, and records where every
 * object and array ends, without building anything. It accepts exactly what `JSON.parse` accepts once the
 * comments are blanked (a property test holds the two equal), so text it accepts has no problem the
 * tolerant parser would report, and the lazy tree can be built from it without checks. ("Strict JSON"
 * elsewhere means this language.)
 */

/** Where every container ends, in the order the containers open. */
export interface Containers {
  readonly text: string;
  /** How many containers there are (the arrays below may be longer). */
  readonly count: number;
  /** Offset of the opening `{` or `[` of container i. */
  readonly start: Int32Array;
  /** Offset of the closing `}` or `]` of container i. */
  readonly end: Int32Array;
  /** Index of the first container that opens after container i closes (i + 1 + its descendants). */
  readonly next: Int32Array;
}

/** The containers of `text`, or undefined when it is not strict JSON or nests deeper than `maxDepth`. */
export function scanStrictJson(text: string, maxDepth: number): Containers | undefined {
  const length = text.length;
  let start = new Int32Array(64);
  let end = new Int32Array(64);
  let next = new Int32Array(64);
  const open = new Int32Array(maxDepth);
  const isObject = new Uint8Array(maxDepth);
  let depth = 0;
  let count = 0;
  let at = whitespace(text, 0);
  for (;;) {
    // A value starts at `at`.
    const c = text.charCodeAt(at);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === maxDepth) return undefined;
      if (count === end.length) {
        start = grow(start);
        end = grow(end);
        next = grow(next);
      }
      start[count] = at;
      open[depth] = count++;
      isObject[depth++] = c === OPEN_BRACE ? 1 : 0;
      at = whitespace(text, at + 1);
      const first = text.charCodeAt(at);
      if (first !== (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        if (c === OPEN_BRACE && (at = member(text, at)) < 0) return undefined;
        continue;
      }
    } else {
      at = c === QUOTE ? string(text, at) : c === MINUS || (c >= 48 && c <= 57) ? number(text, at) : word(text, at);
      if (at < 0) return undefined;
    }
    // After a value (`at` on it, if it is a container's close, else just past it): commas and closes.
    for (;;) {
      if (depth === 0) return whitespace(text, at) === length ? { text, count, start, end, next } : undefined;
      const d = text.charCodeAt(at);
      if (d === (isObject[depth - 1] ? CLOSE_BRACE : CLOSE_BRACKET)) {
        const index = open[--depth]!;
        end[index] = at;
        next[index] = count;
        at = whitespace(text, at + 1);
        continue;
      }
      at = whitespace(text, at);
      const e = text.charCodeAt(at);
      if (e === COMMA) {
        at = whitespace(text, at + 1);
        if (isObject[depth - 1] && (at = member(text, at)) < 0) return undefined;
        break;
      }
      if (e !== (isObject[depth - 1] ? CLOSE_BRACE : CLOSE_BRACKET)) return undefined;
    }
  }
}

/** `"key" :` from `at`; returns where the value starts, or -1. */
function member(text: string, at: number): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  at = string(text, at);
  if (at < 0) return -1;
  at = whitespace(text, at);
  return text.charCodeAt(at) === COLON ? whitespace(text, at + 1) : -1;
}

const WHITESPACE = /[ \n\r\t]*/y;

/**
 * Past the whitespace and comments at `at`. A `/` that does not open a comment, or a block comment that is
 * not closed, is left where it is: no JSON token starts with `/`, so the scan then fails there. Shared with
 * the lazy tree (json/lazyTree.ts), which reads only text this scan accepted.
 */
export function whitespace(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      // Indentation comes in long runs: let the regular expression engine skip them.
      WHITESPACE.lastIndex = at + 1;
      WHITESPACE.test(text);
      at = WHITESPACE.lastIndex;
      if (text.charCodeAt(at) !== SLASH) return at;
    } else if (c !== SLASH) {
      return at;
    }
    const after = commentEnd(text, at);
    if (after < 0) return at;
    at = after;
  }
}

/** Past the comment opening at `at` (a `/`), or -1 when none opens there or it is not closed. */
function commentEnd(text: string, at: number): number {
  const d = text.charCodeAt(at + 1);
  if (d === SLASH) {
    // To the line break, as jsonc-parser ends a line comment (CR or LF), or to the end of the text.
    for (let i = at + 2; ; i++) {
      const e = text.charCodeAt(i);
      if (e === LF || e === CR || Number.isNaN(e)) return i;
    }
  }
  if (d !== STAR) return -1;
  const close = text.indexOf('*/', at + 2);
  return close < 0 ? -1 : close + 2;
}

/** Past the string opening at `at`, or -1 (bad escape, control character, no closing quote). */
function string(text: string, at: number): number {
  for (let i = at + 1; ; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c === BACKSLASH) {
      const e = text.charCodeAt(++i);
      if (e === 117) {
        for (let k = 1; k <= 4; k++) if (!isHex(text.charCodeAt(i + k))) return -1;
        i += 4;
      } else if (e !== QUOTE && e !== BACKSLASH && e !== 47 && e !== 98 && e !== 102 && e !== 110 && e !== 114 && e !== 116) {
        return -1;
      }
    } else if (!(c >= 32)) {
      return -1; // a control character, or the end of the text (NaN)
    }
  }
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Past `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?` at `at`, or -1. */
function number(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === MINUS) i++;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) i = digits(text, i);
  else return -1;
  if (text.charCodeAt(i) === 46) {
    const after = digits(text, i + 1);
    if (after === i + 1) return -1;
    i = after;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === MINUS) i++;
    const after = digits(text, i);
    if (after === i) return -1;
    i = after;
  }
  return i;
}

function digits(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (!(c >= 48 && c <= 57)) return at;
    at++;
  }
}

/** Past `true`, `false` or `null` at `at`, or -1. */
function word(text: string, at: number): number {
  for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, at)) return at + literal.length;
  return -1;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
