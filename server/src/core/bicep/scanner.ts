/**
 * Bicep tokens. The scanner never throws: an unterminated string or comment ends at the end of the
 * range, and an unexpected character becomes an `unknown` token the parser reports and skips.
 */
export type TokenKind =
  | 'identifier'
  | 'number'
  /** A single-quoted string, possibly with `${…}` holes (see StringToken.parts). */
  | 'string'
  /** `'''…'''`: verbatim, no escapes, no interpolation. */
  | 'multilineString'
  | 'newline'
  | 'punct'
  | 'unknown'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Punctuation text, identifier text, or the decoded number. */
  readonly text: string;
  /** Strings: literal pieces (decoded) alternating with holes (offsets of the expression inside `${…}`). */
  readonly parts?: readonly StringPart[];
  /** Strings: false when the closing quote is missing. */
  readonly terminated?: boolean;
}

export type StringPart = string | { readonly start: number; readonly end: number };

/**
 * The punctuation token at `i` ('' when there is none), longest match first: `...`, then the two-character
 * operators (== != <= >= =~ !~ && || ?? .? :: =>), then single characters. A switch on char codes returns
 * constant strings, so no Set lookup and no `slice` per token (this runs for every punctuation mark).
 */
function punctAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  switch (c) {
    case 46: // .
      if (d === 46 && text.charCodeAt(i + 2) === 46) return '...';
      return d === 63 ? '.?' : '.';
    case 61: // =
      return d === 61 ? '==' : d === 126 ? '=~' : d === 62 ? '=>' : '=';
    case 33: // !
      return d === 61 ? '!=' : d === 126 ? '!~' : '!';
    case 60: // <
      return d === 61 ? '<=' : '<';
    case 62: // >
      return d === 61 ? '>=' : '>';
    case 38: // &
      return d === 38 ? '&&' : '&';
    case 124: // |
      return d === 124 ? '||' : '|';
    case 63: // ?
      return d === 63 ? '??' : '?';
    case 58: // :
      return d === 58 ? '::' : ':';
    case 123: // {
      return '{';
    case 125: // }
      return '}';
    case 91: // [
      return '[';
    case 93: // ]
      return ']';
    case 40: // (
      return '(';
    case 41: // )
      return ')';
    case 44: // ,
      return ',';
    case 43: // +
      return '+';
    case 45: // -
      return '-';
    case 42: // *
      return '*';
    case 47: // /
      return '/';
    case 37: // %
      return '%';
    case 64: // @
      return '@';
    case 59: // ;
      return ';';
    default:
      return '';
  }
}

/**
 * Every token is built here, with all six fields in one order: one object shape keeps the parser's
 * property reads monomorphic (the optional `parts`/`terminated` made them polymorphic).
 */
function token(kind: TokenKind, start: number, end: number, text: string, parts?: readonly StringPart[], terminated?: boolean): Token {
  return { kind, start, end, text, parts, terminated };
}

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Scans text[start, end) into tokens; comments are dropped, newlines kept (they separate items). */
export function scan(text: string, start = 0, end = text.length): Token[] {
  const scanner = new Scanner(text, start, end);
  const tokens: Token[] = [];
  for (let token = scanner.next(); ; token = scanner.next()) {
    tokens.push(token);
    if (token.kind === 'eof') return tokens;
  }
}

/** Produces tokens one at a time, so a parser holds only a small window of them (less garbage on big files). */
export class Scanner {
  private i: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.i = start;
  }

  /** The next token; `eof` at the end of the range, and again on every later call. */
  next(): Token {
    const { text, end } = this;
    let i = this.i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 0xfeff) {
        i++;
      } else if ((c === 47 && text.charCodeAt(i + 1) === 47) || c === 35 /* # pragma, e.g. #disable-next-line */) {
        while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const close = text.indexOf('*/', i + 2);
        i = close === -1 || close + 2 > end ? end : close + 2;
      } else {
        const found = this.tokenAt(i, c);
        this.i = found.end;
        return found;
      }
    }
    this.i = end;
    return token('eof', end, end, '');
  }

  private tokenAt(from: number, c: number): Token {
    const { text, end } = this;
    let i = from;
    if (c === 10 || c === 13) return token('newline', from, from + (c === 13 && text.charCodeAt(from + 1) === 10 ? 2 : 1), '\n');
    if (isIdentStart(c)) {
      while (i < end && isIdentPart(text.charCodeAt(i))) i++;
      return token('identifier', from, i, text.slice(from, i));
    }
    if (isDigit(c)) {
      while (i < end && isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) for (i++; i < end && isDigit(text.charCodeAt(i));) i++;
      return token('number', from, i, text.slice(from, i));
    }
    if (c === 39) return text.startsWith("'''", i) ? scanMultiline(text, i, end) : scanString(text, i, end);
    const punct = punctAt(text, i);
    if (punct !== '' && i + punct.length <= end) return token('punct', i, i + punct.length, punct);
    return token('unknown', i, i + 1, text[i]!);
  }
}

function scanMultiline(text: string, start: number, end: number): Token {
  const close = text.indexOf("'''", start + 3);
  const terminated = close !== -1 && close + 3 <= end;
  const stop = terminated ? close + 3 : end;
  let body = text.slice(start + 3, terminated ? close : end);
  // A first line break right after the opening quotes is not part of the value.
  if (body.startsWith('\r\n')) body = body.slice(2);
  else if (body.startsWith('\n')) body = body.slice(1);
  return token('multilineString', start, stop, body, [body], terminated);
}

/** Characters that end a run of plain string text: quote, backslash, dollar, line breaks (compared, not looked up in a Set: this runs per character). */
function isStringSpecial(c: number): boolean {
  return c === 39 || c === 92 || c === 36 || c === 10 || c === 13;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", $: '$' };

/** A single-quoted string; holes are found by matching braces, skipping nested strings. */
function scanString(text: string, start: number, end: number, level = 0): Token {
  const parts: StringPart[] = [];
  let literal = '';
  let i = start + 1;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 39) {
      parts.push(literal);
      return token('string', start, i + 1, text.slice(start, i + 1), parts, true);
    }
    if (c === 10 || c === 13) break;
    if (c === 92 /* \ */) {
      const next = text[i + 1];
      if (next === 'u' && text[i + 2] === '{') {
        const close = text.indexOf('}', i + 3);
        const code = close === -1 ? NaN : Number.parseInt(text.slice(i + 3, close), 16);
        if (Number.isFinite(code) && code <= 0x10ffff) {
          literal += String.fromCodePoint(code);
          i = close + 1;
          continue;
        }
      }
      literal += next !== undefined && ESCAPES[next] !== undefined ? ESCAPES[next] : (next ?? '');
      i += 2;
      continue;
    }
    if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      parts.push(literal);
      literal = '';
      const holeStart = i + 2;
      const holeEnd = findHoleEnd(text, holeStart, end, level);
      parts.push({ start: holeStart, end: holeEnd });
      if (text.charCodeAt(holeEnd) !== 125) {
        i = holeEnd;
        break;
      }
      i = holeEnd + 1;
      continue;
    }
    const run = i;
    while (i < end && !isStringSpecial(text.charCodeAt(i))) i++;
    literal += i > run ? text.slice(run, i) : text[i++];
  }
  parts.push(literal);
  const stop = Math.min(i, end);
  return token('string', start, stop, text.slice(start, stop), parts, false);
}

/** Strings nested in holes deeper than this end the hole at the line end (reported as unterminated). */
const MAX_HOLE_NESTING = 32;

/** The offset of the `}` that closes a `${` hole (or the end of the line/range when there is none). */
function findHoleEnd(text: string, from: number, end: number, level: number): number {
  let depth = 0;
  let i = from;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    if (c === 123) depth++;
    else if (c === 125) {
      if (depth === 0) return i;
      depth--;
    } else if (c === 39) {
      // A nested string: skip to its end (its own holes are balanced inside it).
      if (level >= MAX_HOLE_NESTING) {
        while (i < end && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        return i;
      }
      const nested = scanString(text, i, end, level + 1);
      i = nested.end;
      continue;
    }
    i++;
  }
  return end;
}
