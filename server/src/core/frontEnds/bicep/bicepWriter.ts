import { parseBicep } from '../../bicep/parser';
import type { BicepFile, Expr, ObjectExpr, ObjectProperty, Statement } from '../../bicep/syntax';
import { SyntaxIndex } from '../../bicep/syntaxIndex';
import { endOfLine, lineBreakLength, startOfLine } from '../../edits/lineText';
import type { JsonValue, NeutralEdit, TextEdit } from '../../edits/neutralEdit';
import { TextRegion } from '../../edits/textRegion';
import { WorkingCopy } from '../../edits/workingCopy';
import { Layout, movedLeaf, runSession, type FormatSession, type Leaf, type Step, type ValueSyntax } from '../../edits/writeSession';
import type { Span } from '../../text/span';
import { bicepItemAfter, bicepKey, compactBicepValue, formatBicepValue } from './bicepValueText';

/**
 * Writes neutral quick-fix edits into Bicep source, as the JSON writer does for JSON: edits apply one
 * after another on a working copy (removals, renames and replacements first, insertions last), each
 * finding its node again through an offset map. Only the changed tokens and lines are touched, so
 * comments and layout elsewhere stay, and the result is the edits of those alone (see WorkingCopy).
 * Undefined when a fix cannot be written safely (an anchor that is not a node of the right kind, e.g. a
 * value that came from a variable or a module), or when the result would parse with more problems than
 * the original.
 *
 * The document is parsed once; a step whose lines no earlier step touched uses that parse (shifted by
 * what the earlier steps changed before it) and reads only the lines it edits, so a "fix all" across a
 * large file costs two parses, not one per finding. A step on lines an earlier step changed parses the
 * current text again.
 */
export function writeBicepEdits(text: string, edits: readonly NeutralEdit[], parsed?: BicepFile): TextEdit[] | undefined {
  return writeSession(text, edits, parsed)?.edits();
}

/** `parsed`, when given, is parseBicep(text), which the document already holds. */
export function applyBicepEdits(text: string, edits: readonly NeutralEdit[], parsed?: BicepFile): string | undefined {
  return writeSession(text, edits, parsed)?.text;
}

function writeSession(text: string, edits: readonly NeutralEdit[], parsed?: BicepFile): WorkingCopy | undefined {
  return runSession(() => new BicepSession(text, parsed ?? parseBicep(text)), edits);
}

/** How Bicep spells what the writer inserts. */
const BICEP_VALUES: ValueSyntax = {
  key: bicepKey,
  block: formatBicepValue,
  inline: compactBicepValue,
  itemAfter: bicepItemAfter,
};

class BicepSession implements FormatSession {
  readonly copy: WorkingCopy;
  private readonly originalProblems: number;
  private readonly original: StatementIndex;
  private readonly layout: Layout;
  private reparsed: { text: string; index: StatementIndex } | undefined;

  constructor(text: string, file: BicepFile) {
    this.copy = new WorkingCopy(text);
    this.original = new StatementIndex(file);
    this.originalProblems = file.problems.length;
    this.layout = new Layout(text, BICEP_VALUES);
  }

  acceptsResult(): boolean {
    return parseBicep(this.copy.text).problems.length <= this.originalProblems;
  }

  plan(edit: NeutralEdit): Step {
    switch (edit.kind) {
      case 'replaceText':
        return { now: () => this.replaceSpan(edit.span, edit.newText) };
      case 'insertItemAfter': {
        const end = edit.itemSpan.offset + edit.itemSpan.length;
        return {
          now: () =>
            this.replaceSpan({ offset: end, length: 0 }, this.layout.itemAfter(this.copy.original, edit.itemSpan.offset, edit.value)),
        };
      }
      case 'renameProperty':
        return { now: () => this.withProperty(edit.keySpan, (property) => this.apply(property.keySpan, bicepKey(edit.newName))) };
      case 'replaceValue':
        return {
          now: () =>
            this.replaceApiVersion(edit.span, edit.newValue) ??
            this.withExpr(edit.span, (expr) => this.replace(expr.span, this.layout.valueLeaf(edit.newValue))),
        };
      case 'removeProperty':
        return { now: () => this.withProperty(edit.keySpan, (property) => this.removeProperty(property)) };
      case 'setProperty':
        return { now: () => true, later: () => this.setPath(edit.objectSpan, edit.path, this.layout.valueLeaf(edit.value)) };
      case 'moveProperty':
        return this.planMove(edit.keySpan, edit.targetObjectSpan, edit.path);
    }
  }

  private planMove(keySpan: Span, target: Span, path: readonly string[]): Step {
    let leaf: Leaf | undefined;
    return {
      now: () =>
        this.withProperty(keySpan, (property) => {
          const region = this.regionOf(property.span);
          const raw = region.slice(property.value.span.offset, property.value.span.offset + property.value.span.length);
          const oldIndent = region.lineIndent(property.keySpan.offset);
          // The moved text keeps its expressions and comments; its continuation lines follow the new indentation.
          leaf = movedLeaf(raw, oldIndent);
          return this.removeProperty(property);
        }),
      later: () => this.setPath(target, path, leaf!),
    };
  }

  /** The API version lives inside the type string, so it is replaced as raw text; undefined when `span` is not one. */
  private replaceApiVersion(span: Span, value: JsonValue): boolean | undefined {
    const mapped = this.copy.map(span);
    if (!mapped) return undefined;
    const isVersion = this.copy.untouched(span) ? this.original.isApiVersion(span) : this.currentIndex().isApiVersion(mapped);
    if (!isVersion) return undefined;
    return typeof value === 'string' && /^[\w.-]+$/.test(value) && this.apply(mapped, value);
  }

  /** The parse of the current text, for steps on lines an earlier step changed. */
  private currentIndex(): StatementIndex {
    const text = this.copy.text;
    if (this.reparsed?.text !== text) this.reparsed = { text, index: new StatementIndex(parseBicep(text)) };
    return this.reparsed.index;
  }

  /**
   * The node a span of the original names, in the current text's offsets: the original parse's node when
   * no step has touched its lines (shifted by what the steps before it changed), else the current parse's.
   */
  private locate<T extends object>(
    span: Span,
    find: (index: StatementIndex, span: Span) => T | undefined,
    extent: (node: T) => Span,
  ): T | undefined {
    const node = find(this.original, span);
    if (node !== undefined) {
      const lines = wholeLines(this.copy.original, extent(node));
      const mapped = this.copy.untouched(lines) ? this.copy.map(lines) : undefined;
      if (mapped) return shifted(node, mapped.offset - lines.offset);
    }
    const mapped = this.copy.map(span);
    return mapped && find(this.currentIndex(), mapped);
  }

  private withExpr(span: Span, action: (expr: Expr) => boolean): boolean {
    const expr = this.locate(
      span,
      (index, s) => index.exprAt(s),
      (e) => e.span,
    );
    return expr !== undefined && expr.kind !== 'missing' && action(expr);
  }

  private withProperty(keySpan: Span, action: (property: ObjectProperty) => boolean): boolean {
    const property = this.locate(
      keySpan,
      (index, s) => index.propertyAt(s)?.property,
      (p) => p.span,
    );
    return property !== undefined && !property.spread && action(property);
  }

  /** The current text around a span: its whole lines. */
  private regionOf(span: Span): TextRegion {
    const { text, base } = this.copy.region(span.offset, span.offset + span.length);
    return new TextRegion(text, base);
  }

  private replace(span: Span, leaf: Leaf): boolean {
    const region = this.regionOf(span);
    return this.apply(span, leaf.block(region.lineIndent(span.offset), region.lineBreakNear(span.offset, this.layout.eol)));
  }

  private replaceSpan(span: Span, newText: string): boolean {
    const mapped = this.copy.map(span);
    return mapped !== undefined && this.apply(mapped, newText);
  }

  private apply(span: Span, newText: string): boolean {
    return this.copy.apply(span.offset, span.length, newText);
  }

  /**
   * Removes a property: its whole line when it has one to itself, else the property and one comma. A
   * comment after it on its line stays (it may explain a decision), on a line of its own.
   */
  private removeProperty(property: ObjectProperty): boolean {
    const region = this.regionOf(property.span);
    const start = property.keySpan.offset;
    const end = property.value.span.offset + property.value.span.length;
    const lineStart = region.startOfLine(start);
    const ownLine = region.isBlank(lineStart, start);
    const rest = region.slice(end, region.end);
    const lineEnd = /^[ \t]*(\r\n|\n|\r)/.exec(rest);
    if (ownLine && lineEnd) return this.copy.apply(lineStart, end + lineEnd[0].length - lineStart, '');
    const comment = /^[ \t]*\/\//.exec(rest);
    if (ownLine && comment) return this.copy.apply(start, end + comment[0].length - 2 - start, '');
    const after = /^\s*,[ \t]*/.exec(rest);
    if (after) return this.copy.apply(start, end + after[0].length - start, '');
    const before = /,\s*$/.exec(region.slice(lineStart, start));
    return before ? this.copy.apply(lineStart + before.index, end - lineStart - before.index, '') : this.copy.apply(start, end - start, '');
  }

  /** Sets `path` under the object at `objectSpan`, descending into existing properties case-insensitively. */
  private setPath(objectSpan: Span, path: readonly string[], leaf: Leaf): boolean {
    return this.withExpr(objectSpan, (start) => {
      if (start.kind !== 'object' || path.length === 0) return false;
      let object: ObjectExpr = start;
      for (let i = 0; i < path.length; i++) {
        const lower = path[i]!.toLowerCase();
        const matches = object.properties.filter((p) => !p.spread && p.key.toLowerCase() === lower);
        if (matches.length > 1) return false;
        const property = matches[0];
        if (!property) return this.insert(object, path.slice(i), leaf);
        if (i === path.length - 1) return this.replace(property.value.span, leaf);
        if (property.value.kind !== 'object') return false;
        object = property.value;
      }
      return false;
    });
  }

  private insert(object: ObjectExpr, path: readonly string[], leaf: Leaf): boolean {
    const region = this.regionOf(object.span);
    const open = object.span.offset;
    const close = object.span.offset + object.span.length - 1;
    if (region.char(close) !== '}') return false;
    const closeIndent = region.lineIndent(open);
    if (!region.hasLineBreak(open + 1, close)) {
      if (object.properties.length === 0 && object.resources.length === 0) {
        const indent = closeIndent + this.layout.unit;
        const eol = region.lineBreakNear(open, this.layout.eol);
        return this.copy.apply(
          open,
          close + 1 - open,
          `{${eol}${indent}${this.layout.blockMember(path, leaf, indent, eol)}${eol}${closeIndent}}`,
        );
      }
      // A one-line object stays on one line, with commas.
      const last = object.properties[object.properties.length - 1];
      if (!last) return false;
      return this.copy.apply(last.value.span.offset + last.value.span.length, 0, `, ${this.layout.inlineMember(path, leaf, closeIndent)}`);
    }
    const first = object.properties[0];
    const indent = first ? region.lineIndent(first.keySpan.offset) : region.lineIndent(close) + this.layout.unit;
    const closeLineStart = region.startOfLine(close);
    if (region.isBlank(closeLineStart, close)) {
      const eol = region.lineBreakEndingAt(closeLineStart) ?? this.layout.eol;
      return this.copy.apply(closeLineStart, 0, `${indent}${this.layout.blockMember(path, leaf, indent, eol)}${eol}`);
    }
    const eol = region.lineBreakNear(close, this.layout.eol);
    return this.copy.apply(close, 0, `${eol}${indent}${this.layout.blockMember(path, leaf, indent, eol)}${eol}${region.lineIndent(close)}`);
  }
}

/**
 * SyntaxIndex's lookups, indexing only the statement a span falls in (once): a fix reads one or two
 * statements, so it need not index a whole large file.
 */
class StatementIndex {
  private readonly indexes = new Map<Statement, SyntaxIndex>();

  constructor(private readonly file: BicepFile) {}

  exprAt(span: Span): Expr | undefined {
    return this.indexOf(span)?.exprAt(span);
  }

  propertyAt(keySpan: Span): { property: ObjectProperty; object: ObjectExpr } | undefined {
    return this.indexOf(keySpan)?.propertyAt(keySpan);
  }

  isApiVersion(span: Span): boolean {
    return this.indexOf(span)?.isApiVersion(span) ?? false;
  }

  private indexOf(span: Span): SyntaxIndex | undefined {
    const statements = this.file.statements;
    // The last statement starting at or before the span (statements are in source order).
    let low = 0;
    let high = statements.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (statements[mid]!.span.offset <= span.offset) low = mid;
      else high = mid - 1;
    }
    const statement = statements[low];
    if (!statement || statement.span.offset > span.offset || statement.span.offset + statement.span.length < span.offset + span.length)
      return undefined;
    let index = this.indexes.get(statement);
    if (!index) this.indexes.set(statement, (index = new SyntaxIndex({ statements: [statement], problems: [] })));
    return index;
  }
}

/** The whole lines `span` covers in `text`, the last one's line break included. */
function wholeLines(text: string, span: Span): Span {
  const start = startOfLine(text, span.offset);
  const lineEnd = endOfLine(text, span.offset + span.length);
  return { offset: start, length: lineEnd + lineBreakLength(text, lineEnd) - start };
}

/**
 * A copy of a syntax node with every span moved by `delta` (an explicit stack: trees may nest deeply).
 * Nodes are plain data; a span is any object with exactly a numeric offset and length.
 */
function shifted<T extends object>(node: T, delta: number): T {
  if (delta === 0) return node;
  const copies = new Map<object, object>();
  const copyOf = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    let copy = copies.get(value);
    if (!copy) {
      copy = Array.isArray(value) ? [] : {};
      copies.set(value, copy);
      stack.push([value, copy]);
    }
    return copy;
  };
  const stack: [object, object][] = [];
  const root = copyOf(node) as T;
  while (stack.length) {
    const [from, to] = stack.pop()!;
    const record = from as Record<string, unknown>;
    const isSpan =
      !Array.isArray(from) && typeof record.offset === 'number' && typeof record.length === 'number' && Object.keys(from).length === 2;
    for (const key of Object.keys(from)) {
      (to as Record<string, unknown>)[key] = isSpan && key === 'offset' ? (record.offset as number) + delta : copyOf(record[key]);
    }
  }
  return root;
}
