import type { Node, NodeType } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../limits';
import { scanStrictJson, type Containers } from './strictScan';

/**
 * A fast path for the common case: text that is strict JSON (no comments, no trailing commas), which
 * is what almost every ARM template is. One pass checks the text and finds where every object and array
 * ends (strictScan.ts: a fraction of what building jsonc-parser's tree costs), and tree nodes are made
 * only when someone reads them. Linting reads a small part of a large
 * template (resource types, a few paths per scale set), so most of the tree is never built.
 *
 * The nodes are shaped exactly as jsonc-parser's `parseTree` makes them (same types, offsets, lengths,
 * values, colonOffset, parent links), so every consumer of `Node`, including jsonc-parser's own
 * `findNodeAtOffset` and `getNodePath`, works on them unchanged. A property test holds the two equal.
 */

// Character codes, declared here rather than imported: under tsx (tests, benchmarks) an imported constant is
// read through a getter on the exporting module, a call per comparison in the hottest loops.
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** Deeper than this, the slow path's tree (and its clear error) is used: no real template nests so far. */
const MAX_FAST_DEPTH = MAX_JSON_DEPTH;

/**
 * The root of a lazily built tree for `text`, or undefined when the text is not strict JSON (or nests
 * deeper than the fast path allows): the caller then takes the tolerant parser's path.
 */
export function parseStrictLazily(text: string): Node | undefined {
  const containers = scanStrictJson(text, MAX_FAST_DEPTH);
  return containers && valueAt(containers, skipWhitespace(text, 0), 0, undefined);
}

/** Offset of the quote that closes the string opening at `open` (valid JSON: it exists). */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
}

function skipWhitespace(text: string, at: number): number {
  for (;;) {
    const c = text.charCodeAt(at);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return at;
    at++;
  }
}

function stringValue(text: string, open: number, close: number): string {
  const raw = text.slice(open + 1, close);
  return raw.indexOf('\\') < 0 ? raw : (JSON.parse(text.slice(open, close + 1)) as string);
}

// Where the value last read by `valueAt` ended, and the index the next container to open has there.
// Module state instead of a returned record: one allocation less for every value read.
let readEnd = 0;
let readContainer = 0;

/** The value starting at `at`; `container` is the index the next container to open has. */
function valueAt(containers: Containers, at: number, container: number, parent: Node | undefined): Node {
  skipValue(containers, at, container);
  const text = containers.text;
  const c = text.charCodeAt(at);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return new LazyContainer(c === OPEN_BRACE ? 'object' : 'array', at, readEnd - at, parent, containers, container);
  if (c === QUOTE) return new Literal('string', stringValue(text, at, readEnd - 1), at, readEnd - at, parent);
  const token = text.slice(at, readEnd);
  const value = token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
  const type: NodeType = value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : 'number';
  return new Literal(type, value, at, readEnd - at, parent);
}

/** Finds where the value starting at `at` ends (readEnd) and the next container's index there (readContainer). */
function skipValue(containers: Containers, at: number, container: number): void {
  const text = containers.text;
  const c = text.charCodeAt(at);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    readEnd = containers.end[container]! + 1;
    readContainer = containers.next[container]!;
    return;
  }
  readContainer = container;
  if (c === QUOTE) {
    readEnd = closingQuote(text, at) + 1;
    return;
  }
  let end = at + 1;
  for (;;) {
    const d = text.charCodeAt(end);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || d === 32 || d === 10 || d === 13 || d === 9 || Number.isNaN(d)) break;
    end++;
  }
  readEnd = end;
}

/** A string, number, boolean or null (as jsonc-parser: the root has no `parent` key at all). */
class Literal implements Node {
  declare readonly parent?: Node;
  constructor(
    readonly type: NodeType,
    readonly value: unknown,
    readonly offset: number,
    readonly length: number,
    parent: Node | undefined,
  ) {
    if (parent) this.parent = parent;
  }
}

/**
 * `"key": value`: children are the key (a string node) and the value, as in jsonc-parser, but neither is
 * built until asked for. Readers that know this shape (json/nodes.ts: `propertyName`, `propertyValueNode`,
 * `propertyKeySpan`) take the name and the value without building the key node or the children array;
 * most properties of an object that is searched for one name are never read further.
 */
class LazyProperty implements Node {
  readonly type = 'property';
  private kids: Node[] | undefined;
  private valueBuilt: Node | undefined;

  constructor(
    readonly offset: number,
    readonly length: number,
    readonly colonOffset: number,
    readonly parent: Node,
    readonly keyName: string,
    readonly keyLength: number,
    private readonly containers: Containers,
    private readonly valueStart: number,
    private readonly valueContainer: number,
  ) {}

  get valueNode(): Node {
    return (this.valueBuilt ??= valueAt(this.containers, this.valueStart, this.valueContainer, this));
  }

  get children(): Node[] {
    return (this.kids ??= [new Literal('string', this.keyName, this.offset, this.keyLength, this), this.valueNode]);
  }
}

/** An object or array whose children are read from the text the first time they are asked for. */
class LazyContainer implements Node {
  private built: Node[] | undefined;

  constructor(
    readonly type: NodeType,
    readonly offset: number,
    readonly length: number,
    readonly parent: Node | undefined,
    private readonly containers: Containers,
    private readonly index: number,
  ) {}

  get children(): Node[] {
    return (this.built ??= this.type === 'object' ? this.readProperties() : this.readItems());
  }

  private readItems(): Node[] {
    const text = this.containers.text;
    const items: Node[] = [];
    let at = skipWhitespace(text, this.offset + 1);
    let container = this.index + 1;
    while (text.charCodeAt(at) !== CLOSE_BRACKET) {
      items.push(valueAt(this.containers, at, container, this));
      container = readContainer;
      at = skipWhitespace(text, readEnd);
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return items;
  }

  private readProperties(): Node[] {
    const text = this.containers.text;
    const properties: Node[] = [];
    let at = skipWhitespace(text, this.offset + 1);
    let container = this.index + 1;
    while (text.charCodeAt(at) !== CLOSE_BRACE) {
      const keyClose = closingQuote(text, at);
      const colon = skipWhitespace(text, keyClose + 1);
      const valueStart = skipWhitespace(text, colon + 1);
      skipValue(this.containers, valueStart, container);
      properties.push(new LazyProperty(at, readEnd - at, colon, this, stringValue(text, at, keyClose), keyClose + 1 - at, this.containers, valueStart, container));
      container = readContainer;
      at = skipWhitespace(text, readEnd);
      if (text.charCodeAt(at) === COMMA) at = skipWhitespace(text, at + 1);
    }
    return properties;
  }
}
