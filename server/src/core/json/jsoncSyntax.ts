import { createScanner, type JSONScanner } from 'jsonc-parser';
import type { Span } from '../text/span';

/**
 * What the JSON writer needs to know about the syntax, read without building a tree and without
 * recursion: jsonc-parser's `parseTree` recurses once per nesting level (a deep array exhausts the stack)
 * and allocates a node per value (a 2 MB template took gigabytes). This is jsonc-parser's own parser,
 * error recovery included, run over its scanner as a loop with an explicit stack, so it counts exactly the
 * errors `parseTree` reports; the nesting it follows is bounded.
 */

// jsonc-parser's SyntaxKind is a const enum (unreadable under isolatedModules); its stable values:
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const NULL = 7;
const TRUE = 8;
const FALSE = 9;
const STRING = 10;
const NUMBER = 11;
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const LINE_BREAK = 14;
const TRIVIA = 15;
const UNKNOWN = 16;
const EOF = 17;

/** Deeper than this the writer gives up (offers no fix): no template nests so far, and the stack stays small. */
export const MAX_NESTING = 10_000;

export interface JsoncMember {
  readonly name: string;
  readonly key: Span;
  readonly value: Span;
  /** The comma after the value, if there is one. */
  readonly comma: number | undefined;
}

/**
 * An object whose structure, nested values included, parses without an error: every member has its key,
 * colon, value and comma, and every bracket closes. Stray symbols between tokens (a U+2028, a `#`) and bad
 * characters inside strings are tolerated: jsonc-parser reports them and reads on as if they were not
 * there, so they change nothing about where members start and end.
 */
export interface JsoncObject {
  /** Offset of `{`. */
  readonly open: number;
  /** Offset of `}`. */
  readonly close: number;
  readonly members: readonly JsoncMember[];
}

export type ValueKind = 'object' | 'array' | 'scalar';

/** The answers of one pass over a whole document, about the offsets it was asked about. */
export interface DocumentSyntax {
  /** Parse errors, counted as jsonc-parser counts them. */
  readonly errors: number;
  /** Keys found at the asked offsets: their length and the object holding them (undefined when it is never closed). */
  readonly keys: ReadonlyMap<number, { readonly length: number; readonly parent: Span | undefined }>;
  /** Values the parser reads starting at the asked offsets (undefined end: a container never closed). */
  readonly values: ReadonlyMap<number, { readonly kind: ValueKind; readonly end: number | undefined }>;
}

export interface ParseOptions {
  /** As jsonc-parser's option: a comma before `}` or `]` is no error. */
  readonly allowTrailingComma: boolean;
}

/**
 * One pass over `text` as jsonc-parser parses it, answering which keys and values start at the given
 * offsets. Undefined when the text nests deeper than MAX_NESTING.
 */
export function readDocument(
  text: string,
  keyOffsets: ReadonlySet<number>,
  valueOffsets: ReadonlySet<number>,
  options: ParseOptions,
): DocumentSyntax | undefined {
  const reader = new Reader(text, options, keyOffsets, valueOffsets);
  reader.scanNext();
  if (reader.token === EOF) reader.error();
  else if (!reader.startValue()) reader.error();
  else {
    reader.parseContainers();
    if (reader.tooDeep) return undefined;
    if (reader.token !== EOF) reader.error();
  }
  return { errors: reader.errors, keys: reader.keys, values: reader.values };
}

/** Parse errors of the whole text, as jsonc-parser counts them; undefined when it nests too deeply to follow. */
export function countErrors(text: string, options: ParseOptions): number | undefined {
  return readDocument(text, EMPTY, EMPTY, options)?.errors;
}

/**
 * The object written exactly at `span`, with its members, when its structure is sound (see JsoncObject;
 * comments and trailing commas allowed); undefined otherwise. Reads only the object's own text.
 */
export function readObject(text: string, span: Span): JsoncObject | undefined {
  if (text.charCodeAt(span.offset) !== 123 /* { */) return undefined;
  const reader = new Reader(text, { allowTrailingComma: true }, EMPTY, EMPTY, span.offset);
  reader.scanNext();
  if (reader.scanner.getTokenOffset() !== span.offset || !reader.startValue()) return undefined;
  reader.parseContainers();
  const end = span.offset + span.length;
  if (reader.tooDeep || reader.structuralErrors > 0 || reader.rootEnd !== end) return undefined;
  return { open: span.offset, close: end - 1, members: reader.members };
}

// eslint-disable-next-line no-restricted-syntax -- read-only (a ReadonlySet): no offsets asked for
const EMPTY: ReadonlySet<number> = new Set();

/** The parser: jsonc-parser's parseValue/parseObject/parseArray/parseProperty as one loop over a stack. */
class Reader {
  readonly scanner: JSONScanner;
  token = EOF;
  /** Every error, as jsonc-parser counts them. */
  errors = 0;
  /** The errors that change how the text is read: a missing comma or bracket, an unclosed string or comment. */
  structuralErrors = 0;
  tooDeep = false;
  readonly keys = new Map<number, { length: number; parent: Span | undefined }>();
  readonly values = new Map<number, { kind: ValueKind; end: number | undefined }>();
  /** Local reads: the members of the root object, and where the root value ends. */
  readonly members: JsoncMember[] = [];
  rootEnd = -1;

  // The open containers, innermost last.
  private depth = 0;
  private readonly kinds: number[] = [];
  private readonly opens: number[] = [];
  private readonly needsComma: boolean[] = [];
  /** Containers whose end someone asked for (a queried value, or the parent of a queried key). */
  private readonly wanted: boolean[] = [];
  private readonly keyParents: number[] = [];
  private pendingMember: { name: string; key: Span } | undefined;

  constructor(
    text: string,
    private readonly options: ParseOptions,
    private readonly keyOffsets: ReadonlySet<number>,
    private readonly valueOffsets: ReadonlySet<number>,
    /** For a local read: where the root value starts; reading stops where it ends. */
    private readonly localStart?: number,
  ) {
    this.scanner = createScanner(text, false);
    if (localStart !== undefined) this.scanner.setPosition(localStart);
  }

  scanNext(): number {
    for (;;) {
      const token = this.scanner.scan();
      const scanError = this.scanner.getTokenError();
      if (scanError !== 0) {
        this.errors++;
        // UnexpectedEndOfComment, -OfString, -OfNumber: the token ends where its author did not mean it to.
        if (scanError <= 3) this.structuralErrors++;
      }
      if (token === UNKNOWN) this.errors++;
      else if (token !== LINE_COMMENT && token !== BLOCK_COMMENT && token !== TRIVIA && token !== LINE_BREAK) return (this.token = token);
    }
  }

  /** An error; like jsonc-parser's handleError, optionally skipping to (or past) one of the given tokens. */
  error(skipUntilAfter?: number, skipUntil?: readonly number[]): void {
    this.errors++;
    this.structuralErrors++;
    if (skipUntilAfter === undefined && skipUntil === undefined) return;
    while (this.token !== EOF) {
      if (this.token === skipUntilAfter) {
        this.scanNext();
        return;
      }
      if (skipUntil?.includes(this.token)) return;
      this.scanNext();
    }
  }

  /** parseValue: a container is opened (and parsed by parseContainers), a scalar consumed; false when no value starts here. */
  startValue(): boolean {
    const token = this.token;
    const offset = this.scanner.getTokenOffset();
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (this.depth >= MAX_NESTING) {
        this.tooDeep = true;
        return true;
      }
      const d = this.depth++;
      this.kinds[d] = token;
      this.opens[d] = offset;
      this.needsComma[d] = false;
      this.wanted[d] = this.valueOffsets.has(offset);
      this.scanNext();
      return true;
    }
    if (token !== STRING && token !== NUMBER && token !== NULL && token !== TRUE && token !== FALSE) return false;
    if (token === NUMBER && Number.isNaN(Number(this.scanner.getTokenValue()))) this.errors++;
    const end = offset + this.scanner.getTokenLength();
    if (this.valueOffsets.has(offset)) this.values.set(offset, { kind: 'scalar', end });
    this.valueEnded(offset, end);
    if (!this.atLocalRootEnd()) this.scanNext();
    return true;
  }

  /** Parses until every container opened so far is closed (or given up on). */
  parseContainers(): void {
    while (this.depth > 0 && !this.tooDeep) {
      const top = this.depth - 1;
      const isObject = this.kinds[top] === OPEN_BRACE;
      const close = isObject ? CLOSE_BRACE : CLOSE_BRACKET;
      if (this.token === close || this.token === EOF) {
        this.closeContainer(close);
        continue;
      }
      if (this.token === COMMA) {
        if (!this.needsComma[top]) this.error();
        if (top === 0 && this.localStart !== undefined) this.commaAfterMember(this.scanner.getTokenOffset());
        if (this.scanNext() === close && this.options.allowTrailingComma) continue;
      } else if (this.needsComma[top]) {
        this.error();
      }
      this.needsComma[top] = true;
      if (!isObject) {
        if (!this.startValue()) this.error(undefined, [CLOSE_BRACKET, COMMA]);
        continue;
      }
      if (this.token !== STRING) {
        // PropertyNameExpected, then ValueExpected: two errors, as jsonc-parser reports them.
        this.error(undefined, [CLOSE_BRACE, COMMA]);
        this.error(undefined, [CLOSE_BRACE, COMMA]);
        continue;
      }
      this.readKey(top);
      if (this.scanNext() === COLON) {
        this.scanNext();
        if (!this.startValue()) this.error(undefined, [CLOSE_BRACE, COMMA]);
      } else {
        this.error(undefined, [CLOSE_BRACE, COMMA]);
      }
    }
  }

  private readKey(top: number): void {
    const offset = this.scanner.getTokenOffset();
    const length = this.scanner.getTokenLength();
    if (this.keyOffsets.has(offset)) {
      this.keys.set(offset, { length, parent: undefined });
      this.wanted[top] = true;
      this.keyParents.push(offset);
    }
    if (top === 0 && this.localStart !== undefined) this.pendingMember = { name: this.scanner.getTokenValue(), key: { offset, length } };
  }

  private closeContainer(close: number): void {
    const top = this.depth - 1;
    const open = this.opens[top]!;
    const closed = this.token === close;
    const end = closed ? this.scanner.getTokenOffset() + 1 : undefined;
    if (this.wanted[top]) this.recordContainer(top, open, end);
    this.depth--;
    if (!closed) {
      this.error(); // CloseBraceExpected / CloseBracketExpected, at the end of the text
      return;
    }
    this.valueEnded(open, end!);
    if (!this.atLocalRootEnd()) this.scanNext();
  }

  private recordContainer(top: number, open: number, end: number | undefined): void {
    if (this.valueOffsets.has(open)) this.values.set(open, { kind: this.kinds[top] === OPEN_BRACE ? 'object' : 'array', end });
    // Keys are recorded innermost first; those still waiting for a parent that opened here are this object's.
    if (this.kinds[top] !== OPEN_BRACE) return;
    while (this.keyParents.length > 0 && this.keyParents[this.keyParents.length - 1]! > open) {
      const key = this.keyParents.pop()!;
      const entry = this.keys.get(key)!;
      entry.parent = end === undefined ? undefined : { offset: open, length: end - open };
    }
  }

  /** A value ended at `end`: in a local read, the root's member gets its value, or the root ends. */
  private valueEnded(start: number, end: number): void {
    if (this.localStart === undefined) return;
    if (this.depth === 0) this.rootEnd = end;
    else if (this.depth === 1 && this.pendingMember) {
      this.members.push({ ...this.pendingMember, value: { offset: start, length: end - start }, comma: undefined });
      this.pendingMember = undefined;
    }
  }

  private commaAfterMember(offset: number): void {
    const last = this.members[this.members.length - 1];
    if (last && last.comma === undefined) this.members[this.members.length - 1] = { ...last, comma: offset };
  }

  /** A local read stops at the root value's end: what follows it is not the reader's business. */
  private atLocalRootEnd(): boolean {
    return this.localStart !== undefined && this.depth === 0;
  }
}
