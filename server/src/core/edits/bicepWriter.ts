import { bicepKey, compactBicepValue, formatBicepValue } from '../bicep/formatValue';
import { parseBicep } from '../bicep/parser';
import type { Expr, ObjectExpr, ObjectProperty } from '../bicep/syntax';
import { SyntaxIndex } from '../bicep/syntaxIndex';
import type { Span } from '../text/span';
import { inferFormatting } from './formatting';
import type { JsonValue, NeutralEdit, TextEdit } from './neutralEdit';
import { WorkingCopy } from './workingCopy';

/**
 * Writes neutral quick-fix edits into Bicep source, as the JSON writer does for JSON: edits apply one
 * after another on a working copy (removals, renames and replacements first, insertions last), each
 * finding its node again through an offset map and a fresh parse. Only the changed tokens and lines are
 * touched, so comments and layout elsewhere stay, and the result is the edits of those alone (see
 * WorkingCopy). Undefined when a fix cannot be written safely (an anchor that is not a node of the right
 * kind, e.g. a value that came from a variable or a module), or when the result would parse with more
 * problems than the original.
 */
export function writeBicepEdits(text: string, edits: readonly NeutralEdit[]): TextEdit[] | undefined {
  return writeSession(text, edits)?.edits();
}

export function applyBicepEdits(text: string, edits: readonly NeutralEdit[]): string | undefined {
  return writeSession(text, edits)?.text;
}

function writeSession(text: string, edits: readonly NeutralEdit[]): WorkingCopy | undefined {
  try {
    const session = new BicepSession(text);
    const later: (() => boolean)[] = [];
    for (const edit of edits) {
      const step = session.plan(edit);
      if (!step.now()) return undefined;
      if (step.later) later.push(step.later);
    }
    for (const run of later) if (!run()) return undefined;
    if (session.text === text) return session.copy;
    return parseBicep(session.text).problems.length <= parseBicep(text).problems.length ? session.copy : undefined;
  } catch {
    return undefined;
  }
}

const PLACEHOLDER = '__vmss_upgrade_moved_value__';

interface Step {
  readonly now: () => boolean;
  readonly later?: () => boolean;
}

class BicepSession {
  readonly copy: WorkingCopy;
  private readonly unit: string;
  private readonly eol: string;
  private cached: { text: string; index: SyntaxIndex } | undefined;

  constructor(text: string) {
    this.copy = new WorkingCopy(text);
    const format = inferFormatting(text);
    this.unit = format.insertSpaces ? ' '.repeat(format.tabSize ?? 2) : '\t';
    this.eol = format.eol ?? '\n';
  }

  get text(): string {
    return this.copy.text;
  }

  plan(edit: NeutralEdit): Step {
    switch (edit.kind) {
      case 'replaceText':
        return { now: () => this.replaceSpan(edit.span, edit.newText) };
      case 'renameProperty':
        return { now: () => this.withProperty(edit.keySpan, ({ property }) => this.apply(property.keySpan, bicepKey(edit.newName))) };
      case 'replaceValue':
        return { now: () => this.replaceApiVersion(edit.span, edit.newValue) ?? this.withExpr(edit.span, (expr) => this.apply(expr.span, this.format(edit.newValue, expr.span.offset))) };
      case 'removeProperty':
        return { now: () => this.withProperty(edit.keySpan, ({ property }) => this.removeProperty(property)) };
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
      now: () => this.withProperty(keySpan, ({ property }) => {
        raw = this.text.slice(property.value.span.offset, property.value.span.offset + property.value.span.length);
        oldIndent = lineIndent(this.text, property.keySpan.offset);
        return this.removeProperty(property);
      }),
      later: () => {
        if (!this.setPath(target, path, PLACEHOLDER)) return false;
        const quoted = `'${PLACEHOLDER}'`;
        const at = this.text.indexOf(quoted);
        if (at < 0 || this.text.indexOf(quoted, at + 1) >= 0) return false;
        return this.applyAt(at, quoted.length, reindent(raw, oldIndent, lineIndent(this.text, at)));
      },
    };
  }

  /** The API version lives inside the type string, so it is replaced as raw text; undefined when `span` is not one. */
  private replaceApiVersion(span: Span, value: JsonValue): boolean | undefined {
    const mapped = this.copy.map(span);
    if (!mapped || !this.index().isApiVersion(mapped)) return undefined;
    return typeof value === 'string' && /^[\w.-]+$/.test(value) && this.apply(mapped, value);
  }

  private index(): SyntaxIndex {
    if (this.cached?.text !== this.text) this.cached = { text: this.text, index: new SyntaxIndex(parseBicep(this.text)) };
    return this.cached.index;
  }

  private withExpr(span: Span, action: (expr: Expr) => boolean): boolean {
    const mapped = this.copy.map(span);
    const expr = mapped && this.index().exprAt(mapped);
    return expr !== undefined && expr.kind !== 'missing' && action(expr);
  }

  private withProperty(keySpan: Span, action: (found: { property: ObjectProperty; object: ObjectExpr }) => boolean): boolean {
    const mapped = this.copy.map(keySpan);
    const found = mapped && this.index().propertyAt(mapped);
    return found !== undefined && !found.property.spread && action(found);
  }

  private format(value: JsonValue, at: number): string {
    return formatBicepValue(value, lineIndent(this.text, at), this.unit, this.eol);
  }

  private replaceSpan(span: Span, newText: string): boolean {
    const mapped = this.copy.map(span);
    return mapped !== undefined && this.apply(mapped, newText);
  }

  private apply(span: Span, newText: string): boolean {
    return this.applyAt(span.offset, span.length, newText);
  }

  private applyAt(offset: number, length: number, newText: string): boolean {
    return this.copy.apply(offset, length, newText);
  }

  /**
   * Removes a property: its whole line when it has one to itself, else the property and one comma. A
   * comment after it on its line stays (it may explain a decision), on a line of its own.
   */
  private removeProperty(property: ObjectProperty): boolean {
    const start = property.keySpan.offset;
    const end = property.value.span.offset + property.value.span.length;
    const lineStart = startOfLine(this.text, start);
    const ownLine = /^[ \t]*$/.test(this.text.slice(lineStart, start));
    const rest = /^[ \t]*(\r\n|\n|\r)/.exec(this.text.slice(end, end + 2000));
    if (ownLine && rest) return this.applyAt(lineStart, end + rest[0].length - lineStart, '');
    const comment = /^[ \t]*\/\//.exec(this.text.slice(end, end + 2000));
    if (ownLine && comment) return this.applyAt(start, end + comment[0].length - 2 - start, '');
    const after = /^\s*,[ \t]*/.exec(this.text.slice(end));
    if (after) return this.applyAt(start, end + after[0].length - start, '');
    const before = /,\s*$/.exec(this.text.slice(lineStart, start));
    return before ? this.applyAt(lineStart + before.index, end - lineStart - before.index, '') : this.applyAt(start, end - start, '');
  }

  /** Sets `path` under the object at `objectSpan`, descending into existing properties case-insensitively. */
  private setPath(objectSpan: Span, path: readonly string[], value: JsonValue): boolean {
    return this.withExpr(objectSpan, (start) => {
      if (start.kind !== 'object' || path.length === 0) return false;
      let object: ObjectExpr = start;
      for (let i = 0; i < path.length; i++) {
        const lower = path[i]!.toLowerCase();
        const matches = object.properties.filter((p) => !p.spread && p.key.toLowerCase() === lower);
        if (matches.length > 1) return false;
        const property = matches[0];
        if (!property) {
          const wrapped = path.slice(i + 1).reduceRight<JsonValue>((inner, key) => ({ [key]: inner }), value);
          return this.insert(object, path[i]!, wrapped);
        }
        if (i === path.length - 1) return this.apply(property.value.span, this.format(value, property.value.span.offset));
        if (property.value.kind !== 'object') return false;
        object = property.value;
      }
      return false;
    });
  }

  private insert(object: ObjectExpr, key: string, value: JsonValue): boolean {
    const open = object.span.offset;
    const close = object.span.offset + object.span.length - 1;
    if (this.text[close] !== '}') return false;
    const body = this.text.slice(open + 1, close);
    const closeIndent = lineIndent(this.text, open);
    if (!/[\r\n]/.test(body)) {
      if (object.properties.length === 0 && object.resources.length === 0) {
        const indent = closeIndent + this.unit;
        return this.applyAt(open, close + 1 - open, `{${this.eol}${indent}${bicepKey(key)}: ${formatBicepValue(value, indent, this.unit, this.eol)}${this.eol}${closeIndent}}`);
      }
      // A one-line object stays on one line, with commas.
      const last = object.properties[object.properties.length - 1];
      if (!last) return false;
      return this.applyAt(last.value.span.offset + last.value.span.length, 0, `, ${bicepKey(key)}: ${compactBicepValue(value)}`);
    }
    const first = object.properties[0];
    const indent = first ? lineIndent(this.text, first.keySpan.offset) : lineIndent(this.text, close) + this.unit;
    const line = `${indent}${bicepKey(key)}: ${formatBicepValue(value, indent, this.unit, this.eol)}`;
    const closeLineStart = startOfLine(this.text, close);
    if (/^[ \t]*$/.test(this.text.slice(closeLineStart, close))) return this.applyAt(closeLineStart, 0, `${line}${this.eol}`);
    return this.applyAt(close, 0, `${this.eol}${line}${this.eol}${lineIndent(this.text, close)}`);
  }
}

function startOfLine(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineIndent(text: string, offset: number): string {
  const start = startOfLine(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Moves a multi-line value's continuation lines from one indentation to another. */
function reindent(raw: string, from: string, to: string): string {
  return raw.replace(/(\r\n|\n|\r)([ \t]*)/g, (_, eol: string, indent: string) => eol + (indent.startsWith(from) ? to + indent.slice(from.length) : indent));
}
