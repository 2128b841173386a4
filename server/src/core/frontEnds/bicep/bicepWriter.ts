import { parseBicep } from '../../bicep/parser';
import type { BicepFile, Expr, ObjectExpr, ObjectProperty } from '../../bicep/syntax';
import { FileNodes, readExpression, shifted, type LocalNodes } from './bicepNodes';
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
 * Undefined when a fix cannot be written safely: an anchor that is not a node of the right kind (e.g. a
 * value that came from a variable or a module), an object to edit that does not parse cleanly (see
 * bicepNodes.ts), or a result that would parse with more problems than the original.
 *
 * The document is parsed once. A step whose lines no earlier step touched uses that parse (shifted by
 * what the earlier steps changed before it); a step on lines an earlier step changed (the second step of
 * a two-step fix, say: a property moved out of an object and then a new one set in it) reads that one
 * object again from the current text, on its own. Each step reads only the lines it edits, so a "fix
 * all" across a large file costs two parses of it (before, and the check after), not one per finding.
 */
export function writeBicepEdits(text: string, edits: readonly NeutralEdit[], parsed?: BicepFile): TextEdit[] | undefined {
  return writeBicepSession(text, edits, parsed)?.edits();
}

/** `parsed`, when given, is parseBicep(text), which the document already holds. */
export function applyBicepEdits(text: string, edits: readonly NeutralEdit[], parsed?: BicepFile): string | undefined {
  return writeBicepSession(text, edits, parsed)?.text;
}

/** The working copy after the edits (what was read on the way: `charsRead`), or undefined when they cannot be written safely. */
export function writeBicepSession(text: string, edits: readonly NeutralEdit[], parsed?: BicepFile): WorkingCopy | undefined {
  return runSession(() => new BicepSession(text, parsed ?? parseBicep(text)), edits);
}

/** How Bicep spells what the writer inserts. */
const BICEP_VALUES: ValueSyntax = {
  key: bicepKey,
  block: formatBicepValue,
  inline: compactBicepValue,
  itemAfter: bicepItemAfter,
};

/** Whether a part of a node (a span in the current text's offsets) parses cleanly. */
type Clean = (span: Span) => boolean;

class BicepSession implements FormatSession {
  readonly copy: WorkingCopy;
  private readonly originalProblems: number;
  private readonly original: FileNodes;
  private readonly layout: Layout;

  constructor(text: string, file: BicepFile) {
    this.copy = new WorkingCopy(text);
    this.original = new FileNodes(file);
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
            this.inCleanArray(edit.itemSpan) &&
            this.replaceSpan({ offset: end, length: 0 }, this.layout.itemAfter(this.copy.original, edit.itemSpan.offset, edit.value)),
        };
      }
      case 'renameProperty':
        return { now: () => this.withProperty(edit.keySpan, (property) => this.apply(property.keySpan, bicepKey(edit.newName))) };
      case 'replaceValue':
        return {
          now: () =>
            this.replaceApiVersion(edit.span, edit.newValue) ??
            this.withExpr(edit.span, (expr, clean) => clean(expr.span) && this.replace(expr.span, this.layout.valueLeaf(edit.newValue))),
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

  /**
   * The API version lives inside the type string, so it is replaced as raw text; undefined when `span` is
   * not one. The type string must be closed, and no earlier step may have changed it.
   */
  private replaceApiVersion(span: Span, value: JsonValue): boolean | undefined {
    const typeString = this.original.typeStringOf(span);
    if (!typeString) return undefined;
    const close = typeString.offset + typeString.length - 1;
    if (typeString.length < 2 || this.copy.original[close] !== "'" || span.offset + span.length !== close) return false;
    const mapped = this.copy.untouched(typeString) ? this.copy.map(span) : undefined;
    return mapped !== undefined && typeof value === 'string' && /^[\w.-]+$/.test(value) && this.apply(mapped, value);
  }

  /**
   * The expression at `span` of the original, in the current text's offsets: the original parse's node
   * when no step has touched its lines (shifted by what the steps before it changed), else the node read
   * again from the current text (an object on its own, anything else with the object or array holding
   * it). `clean` tells whether a part of it (current offsets) parses cleanly.
   */
  private withExpr(span: Span, action: (expr: Expr, clean: Clean) => boolean): boolean {
    const found = this.original.exprAt(span);
    if (!found || found.expr.kind === 'missing') return false;
    const shift = this.shiftOf(found.expr.span);
    if (shift !== undefined)
      return action(shifted(found.expr, shift), (s) => this.original.cleanBetween(s.offset - shift, s.offset - shift + s.length));
    const mapped = this.copy.map(span);
    const nodes = mapped && this.reread(found.expr.kind === 'object' || !found.parent ? found.expr : found.parent);
    const current = mapped && nodes?.exprAt(mapped)?.expr;
    return current !== undefined && current.kind !== 'missing' && action(current, (s) => nodes!.clean(s));
  }

  /** The property whose key is at `keySpan` of the original, as it is now, in an object that parses cleanly. */
  private withProperty(keySpan: Span, action: (property: ObjectProperty) => boolean): boolean {
    const found = this.original.propertyAt(keySpan);
    if (!found || found.property.spread || !this.original.clean(found.object.span)) return false;
    const shift = this.shiftOf(found.property.span);
    if (shift !== undefined) return action(shifted(found.property, shift));
    const key = this.copy.map(keySpan);
    const nodes = key && this.reread(found.object);
    const current = key && nodes?.clean(nodes.root.span) ? nodes.propertyAt(key)?.property : undefined;
    return current !== undefined && !current.spread && action(current);
  }

  /** How far the lines of a span of the original have moved; undefined when a step changed them. */
  private shiftOf(span: Span): number | undefined {
    const lines = wholeLines(this.copy.original, span);
    const mapped = this.copy.untouched(lines) ? this.copy.map(lines) : undefined;
    return mapped && mapped.offset - lines.offset;
  }

  /**
   * A node of the original read again from the current text, on its own: a step after steps that
   * changed it costs that node's length, not the document's. Undefined when it can no longer be found.
   */
  private reread(node: Expr): LocalNodes | undefined {
    const mapped = this.copy.map(node.span);
    if (!mapped) return undefined;
    const end = mapped.offset + mapped.length;
    const { text, base } = this.copy.region(mapped.offset, end);
    return readExpression(text, base, mapped.offset, end);
  }

  /** The item at `span` of the original is an item of an array that parses cleanly. */
  private inCleanArray(span: Span): boolean {
    const parent = this.original.exprAt(span)?.parent;
    return parent?.kind === 'array' && this.original.clean(parent.span);
  }

  /** The current text around a span: its whole lines. */
  private regionOf(span: Span): TextRegion {
    const { text, base } = this.copy.region(span.offset, span.offset + span.length);
    return new TextRegion(text, base);
  }

  /**
   * Replaces a value. Refused when a stray token touches it (`'…'Rolling`, which the parser reports after
   * the value): the new value would be scanned together with it as one token (`falseRolling`), and lost.
   */
  private replace(span: Span, leaf: Leaf): boolean {
    const region = this.regionOf(span);
    if (!separates(region.char(span.offset - 1)) || !separates(region.char(span.offset + span.length))) return false;
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

  /**
   * Sets `path` under the object at `objectSpan`, descending into existing properties case-insensitively.
   * The object it writes into (or whose property value it replaces) must parse cleanly.
   */
  private setPath(objectSpan: Span, path: readonly string[], leaf: Leaf): boolean {
    return this.withExpr(objectSpan, (start, clean) => {
      if (start.kind !== 'object' || path.length === 0) return false;
      let object: ObjectExpr = start;
      for (let i = 0; i < path.length; i++) {
        const lower = path[i]!.toLowerCase();
        const matches = object.properties.filter((p) => !p.spread && p.key.toLowerCase() === lower);
        if (matches.length > 1) return false;
        const property = matches[0];
        if (!property || i === path.length - 1) {
          if (!clean(object.span)) return false;
          return property ? this.replace(property.value.span, leaf) : this.insert(object, path.slice(i), leaf);
        }
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
        // Inside the braces, so the object is still found (grown) by later steps.
        return this.copy.apply(
          open + 1,
          close - open - 1,
          `${eol}${indent}${this.layout.blockMember(path, leaf, indent, eol)}${eol}${closeIndent}`,
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

/** The whole lines `span` covers in `text`, the last one's line break included. */
function wholeLines(text: string, span: Span): Span {
  const start = startOfLine(text, span.offset);
  const lineEnd = endOfLine(text, span.offset + span.length);
  return { offset: start, length: lineEnd + lineBreakLength(text, lineEnd) - start };
}

/** Whether a character next to a replaced value keeps the new value a token of its own. */
function separates(c: string | undefined): boolean {
  return c === undefined || /[\s,:[\]{}()/]/.test(c);
}
