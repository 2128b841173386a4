import type { NeutralEdit, TextEdit } from '../../edits/neutralEdit';
import { TextRegion } from '../../edits/textRegion';
import { WorkingCopy } from '../../edits/workingCopy';
import { Layout, movedLeaf, runSession, type FormatSession, type Leaf, type Step, type ValueSyntax } from '../../edits/writeSession';
import { countErrors, readDocument, readObject, type DocumentSyntax, type JsoncMember, type JsoncObject } from '../../json/jsoncSyntax';
import type { Span } from '../../text/span';
import { compactValue, formatValue, jsonItemAfter } from './jsonValueText';

/**
 * Writes neutral quick-fix edits into JSON/JSONC text. Edits are applied one after another on a working
 * copy (removals, renames and replacements first, insertions last), each finding its anchor again
 * through an offset map, so several edits in one fix compose. Every edit is computed here and touches
 * only the text it changes: a rename or replacement its token, a removal its property (and a comma), an
 * insertion its new lines, at the indentation of the object's members and with the neighbouring line
 * ending. Nothing around them is reformatted, so comments, siblings on the same line and layout stay.
 *
 * The work is linear in the document: one pass over the whole text before (anchors, error count) and one
 * after (error count), plus a read of each object edited; no tree is built and nothing recurses.
 *
 * Returns undefined when the fix cannot be written safely: an anchor that is not what the rule said it is,
 * an object that does not parse cleanly, a duplicated name on the path, nesting too deep to follow, or a
 * result with more parse errors than the original. Callers then drop the fix rather than corrupt the file.
 */
export function writeJsonEdits(text: string, edits: readonly NeutralEdit[]): TextEdit[] | undefined {
  return writeSession(text, edits)?.edits();
}

/** The document after the edits, or undefined when they cannot be written safely. */
export function applyNeutralEdits(text: string, edits: readonly NeutralEdit[]): string | undefined {
  return writeSession(text, edits)?.text;
}

/**
 * Errors counted strictly (trailing commas included), so a fix that leaves a dangling comma in an
 * already-broken document is refused rather than accepted as "no worse".
 */
const STRICT = { allowTrailingComma: false };

/**
 * How much of a line a step reads on either side of what it edits: a whole line of a minified template
 * is megabytes, and a "fix all" reads a region per step.
 */
const REGION_WINDOW = 4_096;

function writeSession(text: string, edits: readonly NeutralEdit[]): WorkingCopy | undefined {
  return runSession(() => {
    const syntax = readAnchors(text, edits);
    return syntax && new JsonSession(text, syntax);
  }, edits);
}

/** How JSON spells what the writer inserts. */
const JSON_VALUES: ValueSyntax = {
  key: (name) => JSON.stringify(name),
  block: formatValue,
  inline: compactValue,
  itemAfter: jsonItemAfter,
};

/** One pass over the original: what stands at every anchor the edits name, and how many errors there are. */
function readAnchors(text: string, edits: readonly NeutralEdit[]): DocumentSyntax | undefined {
  const keys = new Set<number>();
  const values = new Set<number>();
  for (const edit of edits) {
    switch (edit.kind) {
      case 'renameProperty':
      case 'removeProperty':
        keys.add(edit.keySpan.offset);
        break;
      case 'moveProperty':
        keys.add(edit.keySpan.offset);
        values.add(edit.targetObjectSpan.offset);
        break;
      case 'replaceValue':
        values.add(edit.span.offset);
        break;
      case 'setProperty':
        values.add(edit.objectSpan.offset);
        break;
      case 'replaceText':
      case 'insertItemAfter':
        break;
    }
  }
  return readDocument(text, keys, values, STRICT);
}

class JsonSession implements FormatSession {
  readonly copy: WorkingCopy;
  private readonly layout: Layout;

  constructor(
    text: string,
    private readonly syntax: DocumentSyntax,
  ) {
    this.copy = new WorkingCopy(text);
    this.layout = new Layout(text, JSON_VALUES);
  }

  acceptsResult(): boolean {
    const after = countErrors(this.copy.text, STRICT);
    return after !== undefined && after <= this.syntax.errors;
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
        return {
          now: () =>
            this.withMember(edit.keySpan, (member) => this.copy.apply(member.key.offset, member.key.length, JSON.stringify(edit.newName))),
        };
      case 'replaceValue':
        return { now: () => this.withValue(edit.span, (span, region) => this.replace(region, span, this.layout.valueLeaf(edit.newValue))) };
      case 'removeProperty':
        return { now: () => this.withMember(edit.keySpan, (member, object, region) => this.removeMember(region, object, member)) };
      case 'setProperty':
        return {
          now: () => true,
          later: () =>
            this.withObject(edit.objectSpan, (object, region) =>
              this.setPath(region, object, edit.path, this.layout.valueLeaf(edit.value)),
            ),
        };
      case 'moveProperty':
        return this.planMove(edit.keySpan, edit.targetObjectSpan, edit.path);
    }
  }

  /**
   * Moves a property's value, keeping its text. Within one object the property is rewritten where it
   * stands (a comment after it stays after it); otherwise it is removed first and inserted later.
   */
  private planMove(keySpan: Span, target: Span, path: readonly string[]): Step {
    let leaf: Leaf | undefined;
    let done = false;
    return {
      now: () =>
        this.withMember(keySpan, (member, object, region) => {
          leaf = movedLeaf(
            region.slice(member.value.offset, member.value.offset + member.value.length),
            region.lineIndent(member.key.offset),
          );
          const here = this.copy.map(target);
          const sameObject = here !== undefined && here.offset === object.open && here.length === object.close + 1 - object.open;
          if (path.length > 0 && sameObject && !object.members.some((m) => m !== member && sameName(m.name, path[0]!))) {
            done = true;
            const start = member.key.offset;
            const text = region.hasLineBreak(object.open, object.close)
              ? this.layout.blockMember(path, leaf, region.lineIndent(start), region.lineBreakNear(start, this.layout.eol))
              : this.layout.inlineMember(path, leaf, region.lineIndent(start));
            return this.copy.apply(start, member.value.offset + member.value.length - start, text);
          }
          return this.removeMember(region, object, member);
        }),
      later: () => done || this.withObject(target, (object, region) => this.setPath(region, object, path, leaf!)),
    };
  }

  private replaceSpan(span: Span, newText: string): boolean {
    const mapped = this.copy.map(span);
    return mapped !== undefined && this.copy.apply(mapped.offset, mapped.length, newText);
  }

  /**
   * Replaces a value. Refused when a stray symbol touches it (`u[…]e`, which the parser reads past): the new
   * value would be scanned together with it as one invalid token (`ufalsee`), and the value would be lost.
   */
  private replace(region: TextRegion, span: Span, leaf: Leaf): boolean {
    if (!separates(region.char(span.offset - 1)) || !separates(region.char(span.offset + span.length))) return false;
    return this.copy.apply(
      span.offset,
      span.length,
      leaf.block(region.lineIndent(span.offset), region.lineBreakNear(span.offset, this.layout.eol)),
    );
  }

  /** The current text around a span: its whole lines, or a window of them on a very long line. */
  private regionOf(span: Span): TextRegion {
    const { text, base, head, tail } = this.copy.region(span.offset, span.offset + span.length, REGION_WINDOW);
    return new TextRegion(text, base, head, tail);
  }

  /** The value the parser reads at `span` of the original, where it is now. */
  private withValue(span: Span, action: (current: Span, region: TextRegion) => boolean): boolean {
    const found = this.syntax.values.get(span.offset);
    if (!found || found.end !== span.offset + span.length) return false;
    const mapped = this.copy.map(span);
    return mapped !== undefined && action(mapped, this.regionOf(mapped));
  }

  /** The object at `span` of the original, read again where it is now (its structure must be sound). */
  private withObject(span: Span, action: (object: JsoncObject, region: TextRegion) => boolean): boolean {
    if (this.syntax.values.get(span.offset)?.kind !== 'object') return false;
    return this.withValue(span, (current, region) => {
      const object = readObjectIn(region, current);
      return object !== undefined && action(object, region);
    });
  }

  /** The property whose key is at `keySpan` of the original, and the object holding it, as they are now. */
  private withMember(keySpan: Span, action: (member: JsoncMember, object: JsoncObject, region: TextRegion) => boolean): boolean {
    const found = this.syntax.keys.get(keySpan.offset);
    if (!found || found.length !== keySpan.length || !found.parent) return false;
    const key = this.copy.map(keySpan);
    const parent = this.copy.map(found.parent);
    if (!key || !parent) return false;
    const region = this.regionOf(parent);
    const object = readObjectIn(region, parent);
    const member = object?.members.find((m) => m.key.offset === key.offset && m.key.length === key.length);
    return member !== undefined && action(member, object!, region);
  }

  // Each step below reads its region before its first edit, and edits later offsets first, so what it
  // read stays true for the offsets it edits next.

  /**
   * Removes a property and its separating comma. Comments around it are kept (they may describe
   * neighbours or explain a decision); the property's own lines go when nothing else is on them.
   */
  private removeMember(region: TextRegion, object: JsoncObject, member: JsoncMember): boolean {
    const index = object.members.indexOf(member);
    const start = member.key.offset;
    const end = member.value.offset + member.value.length;
    if (member.comma !== undefined) return this.removeRange(region, start, member.comma + 1) !== undefined;
    const previous = object.members[index - 1];
    if (previous) {
      // The last property: the comma before it goes too.
      if (previous.comma === undefined) return false;
      if (region.isBlank(previous.comma + 1, start)) return this.copy.apply(previous.comma, end - previous.comma, '');
      this.removeRange(region, start, end);
      return this.copy.apply(previous.comma, 1, '');
    }
    // The only property: an object left with only whitespace collapses to {}.
    const [from, to] = this.removeRange(region, start, end);
    const inside = region.slice(object.open + 1, from) + region.slice(to, object.close);
    const close = object.close - (to - from);
    if (inside.length > 0 && /^\s*$/.test(inside)) this.copy.apply(object.open + 1, close - object.open - 1, '');
    return true;
  }

  /**
   * Removes [from, to): with its whole lines when nothing else is on them, else with the blanks after it
   * (a comment after it on the line stays there). Returns what it removed.
   */
  private removeRange(region: TextRegion, from: number, to: number): [number, number] {
    const lineStart = region.startOfLine(from);
    const lineEnd = region.endOfLine(to);
    const breakLength = region.lineBreakLength(lineEnd);
    if (breakLength > 0 && region.isBlank(lineStart, from) && region.isBlank(to, lineEnd)) {
      this.copy.apply(lineStart, lineEnd + breakLength - lineStart, '');
      return [lineStart, lineEnd + breakLength];
    }
    let end = to;
    while (end < lineEnd && (region.char(end) === ' ' || region.char(end) === '\t')) end++;
    this.copy.apply(from, end - from, '');
    return [from, end];
  }

  /** Sets `path` under `object`, descending into existing properties (matched as ARM does, case-insensitively). */
  private setPath(region: TextRegion, start: JsoncObject, path: readonly string[], leaf: Leaf): boolean {
    let object = start;
    for (let i = 0; i < path.length; i++) {
      const matches = object.members.filter((m) => sameName(m.name, path[i]!));
      // A name written twice: editing one copy may leave the one ARM reads unchanged. Refuse.
      if (matches.length > 1) return false;
      const member = matches[0];
      if (!member) return this.insert(region, object, path.slice(i), leaf);
      if (i === path.length - 1) return this.replace(region, member.value, leaf);
      const child = readObjectIn(region, member.value);
      if (!child) return false;
      object = child;
    }
    return false;
  }

  /** Inserts `path` (missing objects created) as the last property of `object`, touching nothing else. */
  private insert(region: TextRegion, object: JsoncObject, path: readonly string[], leaf: Leaf): boolean {
    const { open, close, members } = object;
    const last = members[members.length - 1];
    const lineIndent = region.lineIndent(open);
    if (!region.hasLineBreak(open, close)) {
      if (!last) {
        if (region.isBlank(open + 1, close)) {
          // {} becomes a block at the indentation of its line.
          const inner = lineIndent + this.layout.unit;
          const eol = region.lineBreakNear(open, this.layout.eol);
          return this.copy.apply(
            open + 1,
            close - open - 1,
            `${eol}${inner}${this.layout.blockMember(path, leaf, inner, eol)}${eol}${lineIndent}`,
          );
        }
        // Only comments inside: the property goes after them, on the same line.
        const space = region.char(close - 1) === ' ' ? '' : ' ';
        return this.copy.apply(close, 0, `${space}${this.layout.inlineMember(path, leaf, lineIndent)} `);
      }
      // A one-line object stays on one line, with commas.
      if (last.comma !== undefined) return this.copy.apply(last.comma + 1, 0, ` ${this.layout.inlineMember(path, leaf, lineIndent)}`);
      return this.copy.apply(last.value.offset + last.value.length, 0, `, ${this.layout.inlineMember(path, leaf, lineIndent)}`);
    }
    const indent = memberIndent(region, object) ?? lineIndent + this.layout.unit;
    const closeLineStart = region.startOfLine(close);
    // The new line first (it is after the comma's place, so the comma's offset stays right).
    if (region.isBlank(closeLineStart, close)) {
      const eol = region.lineBreakEndingAt(closeLineStart) ?? this.layout.eol;
      this.copy.apply(closeLineStart, 0, `${indent}${this.layout.blockMember(path, leaf, indent, eol)}${eol}`);
    } else {
      // `}` shares its line: the property goes on a line of its own before it.
      let at = close;
      while (at > open + 1 && (region.char(at - 1) === ' ' || region.char(at - 1) === '\t')) at--;
      const eol = region.lineBreakNear(close, this.layout.eol);
      this.copy.apply(at, close - at, `${eol}${indent}${this.layout.blockMember(path, leaf, indent, eol)}${eol}${lineIndent}`);
    }
    if (last && last.comma === undefined) this.copy.apply(last.value.offset + last.value.length, 0, ',');
    return true;
  }
}

/** A character that ends a JSON token before or after it: whitespace, punctuation, a quote, a comment's slash, or none. */
function separates(c: string | undefined): boolean {
  return c === undefined || /[\s,:[\]{}"/]/.test(c);
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The indentation of the object's members: that of the last one starting its own line. */
function memberIndent(region: TextRegion, object: JsoncObject): string | undefined {
  for (let i = object.members.length - 1; i >= 0; i--) {
    const key = object.members[i]!.key.offset;
    if (region.isBlank(region.startOfLine(key), key)) return region.lineIndent(key);
  }
  return undefined;
}

/** The object at `span` of a region (see jsoncSyntax.ts: readObject), its offsets in the document's terms. */
function readObjectIn(region: TextRegion, span: Span): JsoncObject | undefined {
  if (span.offset < region.base || span.offset + span.length > region.end) return undefined;
  const object = readObject(region.text, { offset: span.offset - region.base, length: span.length });
  if (!object) return undefined;
  const shift = (s: Span): Span => ({ offset: s.offset + region.base, length: s.length });
  return {
    open: object.open + region.base,
    close: object.close + region.base,
    members: object.members.map((m) => ({
      name: m.name,
      key: shift(m.key),
      value: shift(m.value),
      comma: m.comma === undefined ? undefined : m.comma + region.base,
    })),
  };
}
