/**
 * Tokenizer for ARM expressions. Hand-written and single-pass (no regular expressions), so tokenizing
 * is linear in the text length whatever the input.
 */
export type TokenKind = '(' | ')' | '[' | ']' | ',' | '.' | 'string' | 'integer' | 'identifier' | 'eof' | 'error';

export interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Decoded string contents, identifier text, or the error message. */
  readonly text: string;
  /** The value of an integer token. */
  readonly value: number;
}

const SINGLE: Record<string, TokenKind> = { '(': '(', ')': ')', '[': '[', ']': ']', ',': ',', '.': '.' };

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isIdentifierStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; /* _ */
}

function isIdentifierPart(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export class Lexer {
  private pos: number;

  /** Tokenizes text[start, end): the part of a template string between its outer brackets. */
  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
  ) {
    this.pos = start;
  }

  next(): Token {
    const { text, end } = this;
    while (this.pos < end && isSpace(text.charCodeAt(this.pos))) this.pos++;
    const start = this.pos;
    if (start >= end) return { kind: 'eof', start, end: start, text: '', value: 0 };
    const ch = text[start]!;
    const single = SINGLE[ch];
    if (single) {
      this.pos++;
      return { kind: single, start, end: this.pos, text: ch, value: 0 };
    }
    const c = text.charCodeAt(start);
    if (c === 39 /* ' */) return this.string(start);
    if (isDigit(c) || (c === 45 /* - */ && start + 1 < end && isDigit(text.charCodeAt(start + 1)))) return this.integer(start);
    if (isIdentifierStart(c)) {
      let p = start + 1;
      while (p < end && isIdentifierPart(text.charCodeAt(p))) p++;
      this.pos = p;
      return { kind: 'identifier', start, end: p, text: text.slice(start, p), value: 0 };
    }
    this.pos = end;
    return this.error(start, `unexpected character '${ch}'`);
  }

  private string(start: number): Token {
    const { text, end } = this;
    let value = '';
    let chunk = start + 1;
    let p = start + 1;
    while (p < end) {
      if (text.charCodeAt(p) === 39) {
        // '' inside a literal is an escaped quote.
        if (p + 1 < end && text.charCodeAt(p + 1) === 39) {
          value += text.slice(chunk, p + 1);
          p += 2;
          chunk = p;
          continue;
        }
        value += text.slice(chunk, p);
        this.pos = p + 1;
        return { kind: 'string', start, end: this.pos, text: value, value: 0 };
      }
      p++;
    }
    this.pos = end;
    return this.error(start, 'unterminated string literal');
  }

  private integer(start: number): Token {
    const { text, end } = this;
    let p = start + 1;
    while (p < end && isDigit(text.charCodeAt(p))) p++;
    this.pos = p;
    const raw = text.slice(start, p);
    if (p < end && text.charCodeAt(p) === 46 /* . */ && p + 1 < end && isDigit(text.charCodeAt(p + 1))) {
      return this.error(start, `only integer literals are allowed, found '${raw}.'`);
    }
    const value = Number(raw);
    if (!Number.isSafeInteger(value)) return this.error(start, `integer literal ${raw} is out of range`);
    return { kind: 'integer', start, end: p, text: raw, value };
  }

  private error(start: number, message: string): Token {
    return { kind: 'error', start, end: this.pos, text: message, value: 0 };
  }
}
