import type { Node, NodeType } from 'jsonc-parser';
import { MAX_JSON_DEPTH, REUSE_ANALYSIS_FROM } from '../limits';
import { scanStrictJson, whitespace, type Containers } from './strictScan';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, SLASH } from '../text/charCodes';
import { ownCopy } from '../text/ownCopy';

/**
 * A fast path for the common case: text that is strict JSON (comments allowed, no trailing commas:
 * json/strictScan.ts), which is what almost every ARM template is. One pass checks the text and finds
 * where every object and array ends (a fraction of what building jsonc-parser's tree costs), and tree
 * nodes are made only when someone reads them: of a resource that is not a scale set (or one of the
 * resources a scale set's rules read), only its type is read. A scale set itself is read almost whole
 * (the model and the rules' walks), so the nodes are kept small (LazyProperty).
 *
 * The nodes are shaped exactly as jsonc-parser's `parseTree` makes them (same types, offsets, lengths,
 * values, colonOffset, parent links), so every consumer of `Node`, including jsonc-parser's own
 * `findNodeAtOffset` and `getNodePath`, works on them unchanged. A property test holds the two equal.
 */

/** Deeper than this, the slow path's tree (and its clear error) is used: no real template nests so far. */
const MAX_FAST_DEPTH = MAX_JSON_DEPTH;

/**
 * The root of a lazily built tree for `text`, or undefined when the text is not strict JSON (or nests
 * deeper than the fast path allows): the caller then takes the tolerant parser's path.
 */
export function parseStrictLazily(text: string): Node | undefined {
  const containers = scanStrictJson(text, MAX_FAST_DEPTH);
  return containers && lazyRoot(containers, false);
}

/** The deepest nesting the fast path takes (what scanStrictJson and rescanStrictJson are given). */
export const LAZY_MAX_DEPTH = MAX_FAST_DEPTH;

/**
 * The root of the lazily built tree over containers a scan (or a rescan) found. `copyStrings`: the model
 * read from this tree may be carried over to later versions of the text (stringValue).
 */
export function lazyRoot(containers: Containers, copyStrings: boolean): Node {
  return valueAt(new TreeReader(containers, copyStrings), whitespace(containers.text, 0), 0, undefined);
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

/**
 * A string's value: a slice of the text, or a copy of it (text/ownCopy.ts) when the tree is a new version
 * of a text large enough for the server to carry its model over to later versions (REUSE_ANALYSIS_FROM).
 * Without the copies, values carried from version to version kept every version they were read from
 * alive (55 old 6 MB texts in a heap snapshot). The first version of a text is read without them: its
 * values can keep only that one text alive (later versions' reads are copies), and it is the version the
 * CLI reads, and the open of a large file, where the copies cost 4.5 % of a 6 MB lint. Smaller texts are
 * analysed afresh each time and never copy (in a CLI run of small files that was 3 % of the CPU).
 */
function stringValue(reader: TreeReader, open: number, close: number): string {
  const text = reader.containers.text;
  const raw = text.slice(open + 1, close);
  if (raw.indexOf('\\') >= 0) return JSON.parse(text.slice(open, close + 1)) as string;
  return reader.outlived ? ownCopy(raw) : raw;
}

/**
 * One tree's reading state: its text's containers, and where the value last read by `valueAt` ended and
 * the index the next container to open has there (a field written by the reader instead of a returned
 * record: one allocation less for every value read). Every node of the tree shares it.
 */
class TreeReader {
  end = 0;
  container = 0;
  /**
   * Where a container's children are gathered before they are copied into an array of exactly their
   * number: an array grown by push from empty keeps room for 17, and a template has tens of thousands of
   * small objects, all alive as long as the tree. Reading children never nests, so one is enough. Written
   * by index and never emptied (emptying an array gives its room back, and it would grow again each time);
   * what is left past the last read is nodes of this same tree.
   */
  readonly gathered: Node[] = [];
  /** Whether what is read may outlive the text (stringValue). */
  readonly outlived: boolean;
  constructor(
    readonly containers: Containers,
    copyStrings: boolean,
  ) {
    this.outlived = copyStrings && containers.text.length >= REUSE_ANALYSIS_FROM;
  }
}

/** The value starting at `at`; `container` is the index the next container to open has. */
function valueAt(reader: TreeReader, at: number, container: number, parent: Node | undefined): Node {
  skipValue(reader, at, container);
  const text = reader.containers.text;
  const readEnd = reader.end;
  const c = text.charCodeAt(at);
  if (c === OPEN_BRACE || c === OPEN_BRACKET)
    return new LazyContainer(c === OPEN_BRACE ? 'object' : 'array', at, readEnd - at, parent, reader, container);
  if (c === QUOTE) return new Literal('string', stringValue(reader, at, readEnd - 1), at, readEnd - at, parent);
  const token = text.slice(at, readEnd);
  const value = token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
  const type: NodeType = value === null ? 'null' : typeof value === 'boolean' ? 'boolean' : 'number';
  return new Literal(type, value, at, readEnd - at, parent);
}

/** Finds where the value starting at `at` ends (reader.end) and the next container's index there (reader.container). */
function skipValue(reader: TreeReader, at: number, container: number): void {
  const containers = reader.containers;
  const text = containers.text;
  const c = text.charCodeAt(at);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    reader.end = containers.end[container]! + 1;
    reader.container = containers.next[container]!;
    return;
  }
  reader.container = container;
  if (c === QUOTE) {
    reader.end = closingQuote(text, at) + 1;
    return;
  }
  let end = at + 1;
  for (;;) {
    const d = text.charCodeAt(end);
    // A comment may follow a number or a word with no space between (`1/* … */`).
    if (
      d === COMMA ||
      d === CLOSE_BRACE ||
      d === CLOSE_BRACKET ||
      d === 32 ||
      d === 10 ||
      d === 13 ||
      d === 9 ||
      d === SLASH ||
      Number.isNaN(d)
    )
      break;
    end++;
  }
  reader.end = end;
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
  // Only what cannot be found again cheaply is kept: there is one of these for every property read, and
  // they live as long as the tree. The type is the prototype's (below); the reader is the parent's; where
  // the key ends and the value starts are found again from the text when asked for (rarely: keys are short).
  declare readonly type: 'property';
  private kids: Node[] | undefined;
  private valueBuilt: Node | undefined;

  constructor(
    readonly offset: number,
    readonly length: number,
    readonly colonOffset: number,
    readonly parent: LazyContainer,
    readonly keyName: string,
    private readonly valueContainer: number,
  ) {}

  /** The key's length, quotes included. */
  get keyLength(): number {
    return closingQuote(this.parent.reader.containers.text, this.offset) + 1 - this.offset;
  }

  get valueNode(): Node {
    const reader = this.parent.reader;
    return (this.valueBuilt ??= valueAt(reader, whitespace(reader.containers.text, this.colonOffset + 1), this.valueContainer, this));
  }

  get children(): Node[] {
    return (this.kids ??= [new Literal('string', this.keyName, this.offset, this.keyLength, this), this.valueNode]);
  }
}
Object.defineProperty(LazyProperty.prototype, 'type', { value: 'property', enumerable: true });

/** An object or array whose children are read from the text the first time they are asked for. */
class LazyContainer implements Node {
  private built: Node[] | undefined;

  constructor(
    readonly type: NodeType,
    readonly offset: number,
    readonly length: number,
    readonly parent: Node | undefined,
    readonly reader: TreeReader,
    private readonly index: number,
  ) {}

  get children(): Node[] {
    return (this.built ??= this.type === 'object' ? this.readProperties() : this.readItems());
  }

  private readItems(): Node[] {
    const reader = this.reader;
    const text = reader.containers.text;
    const items = reader.gathered;
    let count = 0;
    let at = whitespace(text, this.offset + 1);
    let container = this.index + 1;
    while (text.charCodeAt(at) !== CLOSE_BRACKET) {
      items[count++] = valueAt(reader, at, container, this);
      container = reader.container;
      at = whitespace(text, reader.end);
      if (text.charCodeAt(at) === COMMA) at = whitespace(text, at + 1);
    }
    return items.slice(0, count);
  }

  private readProperties(): Node[] {
    const reader = this.reader;
    const text = reader.containers.text;
    const properties = reader.gathered;
    let count = 0;
    let at = whitespace(text, this.offset + 1);
    let container = this.index + 1;
    while (text.charCodeAt(at) !== CLOSE_BRACE) {
      const keyClose = closingQuote(text, at);
      const colon = whitespace(text, keyClose + 1);
      const valueStart = whitespace(text, colon + 1);
      skipValue(reader, valueStart, container);
      properties[count++] = new LazyProperty(at, reader.end - at, colon, this, stringValue(reader, at, keyClose), container);
      container = reader.container;
      at = whitespace(text, reader.end);
      if (text.charCodeAt(at) === COMMA) at = whitespace(text, at + 1);
    }
    return properties.slice(0, count);
  }
}
