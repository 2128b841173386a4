import type { FormattingOptions, Node, ParseError } from 'jsonc-parser';
import { findNodeAtLocation, findNodeAtOffset, getNodePath, modify, parseTree } from 'jsonc-parser';
import { commaAfter, compactValue, formatValue, lineBreakBefore, lineIndent, reindent, startOfLine } from './jsonText';
import type { Span } from '../text/span';
import { inferFormatting } from './formatting';
import type { JsonValue, NeutralEdit, TextEdit } from './neutralEdit';
import { applyTextEdits } from './neutralEdit';
import { diffAsEdit, OffsetMap } from './offsetMap';

/**
 * Writes neutral quick-fix edits into JSON/JSONC text. Edits are applied one after another on a working
 * copy (removals, renames and replacements first, insertions last), each finding its anchor again
 * through an offset map, so several edits in one fix compose. Renames and replacements touch only the
 * token they change; insertions go through jsonc-parser's `modify` with the document's own indentation
 * and line ending. Comments outside the changed tokens are kept.
 *
 * Returns undefined when the fix cannot be written safely: an anchor no longer matches the text, a
 * path is ambiguous because of duplicate keys, or the result would parse with more errors than the
 * original. Callers then drop the fix rather than corrupt the document.
 */
export function writeJsonEdits(text: string, edits: readonly NeutralEdit[]): TextEdit[] | undefined {
  const final = applyNeutralEdits(text, edits);
  if (final === undefined) return undefined;
  const edit = diffAsEdit(text, final);
  return edit ? [edit] : [];
}

/** The document after the edits, or undefined when they cannot be written safely. */
export function applyNeutralEdits(text: string, edits: readonly NeutralEdit[]): string | undefined {
  try {
    const session = new WriteSession(text);
    const insertions: (() => boolean)[] = [];
    for (const edit of edits) {
      const step = session.plan(edit);
      if (!step) return undefined;
      if (!step.now()) return undefined;
      if (step.later) insertions.push(step.later);
    }
    for (const insert of insertions) if (!insert()) return undefined;
    return parseErrorCount(session.text) <= parseErrorCount(text) ? session.text : undefined;
  } catch {
    // jsonc-parser's modify throws on impossible paths (e.g. setting a key inside a string); no fix then.
    return undefined;
  }
}

const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false };
const PLACEHOLDER = '__vmss_upgrade_moved_value__';

/**
 * Errors counted strictly (trailing commas included), so a fix that leaves a dangling comma in an
 * already-broken document is refused rather than accepted as "no worse".
 */
function parseErrorCount(text: string): number {
  const errors: ParseError[] = [];
  parseTree(text, errors, { ...PARSE_OPTIONS, allowTrailingComma: false });
  return errors.length;
}

interface Step {
  /** Runs in the first pass; false on failure. */
  readonly now: () => boolean;
  /** Runs after every first-pass step; false on failure. */
  readonly later?: () => boolean;
}

class WriteSession {
  readonly map = new OffsetMap();
  readonly format: FormattingOptions;
  private cachedTree: Node | undefined;
  private treeText: string | undefined;

  constructor(public text: string) {
    this.format = inferFormatting(text);
  }

  plan(edit: NeutralEdit): Step | undefined {
    switch (edit.kind) {
      case 'replaceText':
        return { now: () => this.replaceSpan(edit.span, edit.newText) };
      case 'renameProperty':
        return { now: () => this.withKey(edit.keySpan, (key) => this.apply({ offset: key.offset, length: key.length, newText: JSON.stringify(edit.newName) })) };
      case 'replaceValue':
        return { now: () => this.withNode(edit.span, (node) => !isKey(node) && this.replaceNode(node, edit.newValue)) };
      case 'removeProperty':
        return { now: () => this.withKey(edit.keySpan, (key) => this.removeProperty(key.parent!)) };
      case 'setProperty':
        return { now: () => true, later: () => this.setPath(edit.objectSpan, edit.path, edit.value) };
      case 'moveProperty':
        return this.planMove(edit.keySpan, edit.targetObjectSpan, edit.path);
    }
  }

  private planMove(keySpan: Span, target: Span, path: readonly string[]): Step {
    let raw = '';
    let oldIndent = '';
    return {
      now: () => this.withKey(keySpan, (key) => {
        const value = key.parent!.children?.[1];
        if (!value) return false;
        raw = this.text.slice(value.offset, value.offset + value.length);
        oldIndent = lineIndent(this.text, key.offset);
        return this.removeProperty(key.parent!);
      }),
      later: () => {
        if (!this.setPath(target, path, PLACEHOLDER)) return false;
        const quoted = JSON.stringify(PLACEHOLDER);
        const at = this.text.indexOf(quoted);
        if (at < 0 || this.text.indexOf(quoted, at + 1) >= 0) return false;
        const newText = reindent(raw, oldIndent, lineIndent(this.text, at));
        return this.apply({ offset: at, length: quoted.length, newText });
      },
    };
  }

  private tree(): Node | undefined {
    if (this.treeText !== this.text) {
      this.cachedTree = parseTree(this.text, [], PARSE_OPTIONS);
      this.treeText = this.text;
    }
    return this.cachedTree;
  }

  private apply(edit: TextEdit): boolean {
    this.text = applyTextEdits(this.text, [edit]);
    this.map.record(edit);
    return true;
  }

  private replaceSpan(span: Span, newText: string): boolean {
    const mapped = this.map.map(span);
    return mapped !== undefined && this.apply({ offset: mapped.offset, length: mapped.length, newText });
  }

  private withNode(span: Span, action: (node: Node) => boolean): boolean {
    const mapped = this.map.map(span);
    const root = this.tree();
    if (!mapped || !root) return false;
    const node = nodeAtSpan(root, mapped);
    return node !== undefined && action(node);
  }

  private withKey(span: Span, action: (key: Node) => boolean): boolean {
    return this.withNode(span, (node) => isKey(node) && action(node));
  }

  private replaceNode(node: Node, value: JsonValue): boolean {
    const newText = formatValue(value, lineIndent(this.text, node.offset), this.format);
    return this.apply({ offset: node.offset, length: node.length, newText });
  }

  /**
   * Removes a property and its separating comma. Comments around it are kept (they may describe
   * neighbours or explain a decision), and the property's own line goes when nothing else is on it.
   */
  private removeProperty(property: Node): boolean {
    const object = property.parent;
    const siblings = object?.children;
    if (!object || !siblings) return false;
    const index = siblings.indexOf(property);
    const start = property.offset;
    const end = property.offset + property.length;
    if (index === siblings.length - 1 && index > 0) {
      // The last property: take the comma before it, and its line if it has one to itself.
      const comma = commaAfter(this.text, siblings[index - 1]!);
      if (!comma) return false;
      if (/^[ \t]*$/.test(this.text.slice(comma.offset + 1, start))) return this.apply({ offset: comma.offset, length: end - comma.offset, newText: '' });
      const lineStart = startOfLine(this.text, start);
      const from = /^[ \t]*$/.test(this.text.slice(lineStart, start)) && lineStart > comma.offset + 1 ? lineBreakBefore(this.text, lineStart) : start;
      this.apply({ offset: from, length: end - from, newText: '' });
      return this.apply({ offset: comma.offset, length: 1, newText: '' });
    }
    // Otherwise take the property with the comma after it (if any), and its line if it has one to itself.
    const comma = index < siblings.length - 1 ? commaAfter(this.text, property) : undefined;
    if (index < siblings.length - 1 && !comma) return false;
    let from = start;
    let to = comma ? comma.offset + 1 : end;
    const lineStart = startOfLine(this.text, from);
    const rest = /^[ \t]*(\r\n|\n|\r)/.exec(this.text.slice(to));
    if (/^[ \t]*$/.test(this.text.slice(lineStart, from)) && rest) {
      from = lineStart;
      to += rest[0].length;
    }
    if (siblings.length === 1) {
      // An object left with only whitespace collapses to {}.
      const inside = this.text.slice(object.offset + 1, from) + this.text.slice(to, object.offset + object.length - 1);
      if (/^\s*$/.test(inside)) return this.apply({ offset: object.offset + 1, length: object.length - 2, newText: '' });
    }
    return this.apply({ offset: from, length: to - from, newText: '' });
  }

  /** Sets `path` under the object at `objectSpan`, descending into existing properties (matched as ARM does, case-insensitively). */
  private setPath(objectSpan: Span, path: readonly string[], value: JsonValue): boolean {
    return this.withNode(objectSpan, (start) => {
      if (start.type !== 'object' || path.length === 0) return false;
      let node = start;
      for (let i = 0; i < path.length; i++) {
        const property = findProperty(node, path[i]!);
        if (property === null) return false;
        if (!property) return this.insert(node, path.slice(i), value);
        const child = property.children?.[1];
        if (!child) return false;
        if (i === path.length - 1) return this.replaceNode(child, value);
        if (child.type !== 'object') return false;
        node = child;
      }
      return false;
    });
  }

  private insert(object: Node, rest: readonly string[], value: JsonValue): boolean {
    const objectText = this.text.slice(object.offset, object.offset + object.length);
    if (object.children?.length && !/[\r\n]/.test(objectText)) return this.insertInline(object, rest, value);
    const root = this.tree()!;
    const objectPath = getNodePath(object);
    if (findNodeAtLocation(root, objectPath) !== object) return false; // a duplicate key shadows the path
    const edits = modify(this.text, [...objectPath, ...rest], value, { formattingOptions: this.format });
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) this.apply({ offset: edit.offset, length: edit.length, newText: edit.content });
    return true;
  }

  /** Keeps a one-line object on one line (`{ "a": 1, "b": 2 }`), where modify would spread it over lines. */
  private insertInline(object: Node, rest: readonly string[], value: JsonValue): boolean {
    const wrapped = rest.slice(1).reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), value);
    const property = `${JSON.stringify(rest[0])}: ${compactValue(wrapped)}`;
    const last = object.children![object.children!.length - 1]!;
    return this.apply({ offset: last.offset + last.length, length: 0, newText: `, ${property}` });
  }
}

function isKey(node: Node): boolean {
  return node.type === 'string' && node.parent?.type === 'property' && node.parent.children?.[0] === node;
}

function nodeAtSpan(root: Node, span: Span): Node | undefined {
  let node = findNodeAtOffset(root, span.offset, false);
  while (node && !(node.offset === span.offset && node.length === span.length)) node = node.parent;
  return node;
}

/**
 * The property ARM would read (names compared case-insensitively); null when the name is written more than
 * once, because editing one copy of a duplicated key may leave the one ARM reads unchanged: refuse then.
 */
function findProperty(object: Node, name: string): Node | undefined | null {
  const lower = name.toLowerCase();
  const matches = (object.children ?? []).filter((p) => String(p.children?.[0]?.value).toLowerCase() === lower);
  return matches.length > 1 ? null : matches[0];
}
