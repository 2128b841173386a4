import { inferFormatting } from './formatting';
import { reindent, startOfLine } from './lineText';
import type { JsonValue, NeutralEdit } from './neutralEdit';
import type { WorkingCopy } from './workingCopy';

/**
 * What the JSON and Bicep writers share: the loop that applies a fix's neutral edits one after another on
 * a working copy (removals, renames and replacements first, insertions last), the values to write
 * ("leaves"), members written on their own lines or inline, and the check that the result is no worse
 * than the original. Each writer supplies only its syntax: how it finds a node, how a key and a value
 * are spelled, and how it counts problems.
 *
 * Both writers hold to one rule: a step edits only a node that parses cleanly, else it fails and the fix
 * is not offered. Broken text is read by a parser's error recovery, so where a member of a broken object
 * ends is a guess, and an edit there corrupts the file. The JSON writer reads each object it edits with
 * jsonc-parser's own parser and requires a sound structure (json/jsoncSyntax.ts, readObject); the Bicep
 * writer requires no parse problem inside the object, array or value (frontEnds/bicep/bicepNodes.ts).
 * Both read only the lines a step works on (WorkingCopy.region; `charsRead` counts it), so the work of a
 * fix is linear in the document, not in the document times its steps.
 */

/**
 * One neutral edit, planned: `now` runs in the first pass, `later` (insertions) after every first pass;
 * false on failure (an anchor that is not what the edit says, or a node that does not parse cleanly).
 */
export interface Step {
  readonly now: () => boolean;
  readonly later?: () => boolean;
}

/** A format's session over one document: its working copy, its steps, and its verdict on the result. */
export interface FormatSession {
  readonly copy: WorkingCopy;
  plan(edit: NeutralEdit): Step;
  /** The edited text parses with no more problems than the original. */
  acceptsResult(): boolean;
}

/**
 * Runs the edits in a session; the working copy, or undefined when any step fails or the result is worse
 * than the original. Never throws: a fix is never worth an error answer, it is just not offered.
 */
export function runSession(open: () => FormatSession | undefined, edits: readonly NeutralEdit[]): WorkingCopy | undefined {
  try {
    const session = open();
    if (!session) return undefined;
    const later: (() => boolean)[] = [];
    for (const edit of edits) {
      const step = session.plan(edit);
      if (!step.now()) return undefined;
      if (step.later) later.push(step.later);
    }
    for (const run of later) if (!run()) return undefined;
    if (session.copy.edits().length === 0) return session.copy;
    return session.acceptsResult() ? session.copy : undefined;
  } catch {
    return undefined;
  }
}

/** A value to write: spread over lines under the indentation of the line it starts on, or on one line. */
export interface Leaf {
  readonly block: (indent: string, eol: string) => string;
  readonly inline: (indent: string) => string;
}

/** How a format spells what a writer inserts. */
export interface ValueSyntax {
  /** A property name before its colon. */
  key(name: string): string;
  /** A value spread over lines, continuation lines under `indent`. */
  block(value: JsonValue, indent: string, unit: string, eol: string): string;
  /** A value on one line. */
  inline(value: JsonValue): string;
  /** An array item after the previous one: inline (indent undefined) or on a line of its own at `indent`. */
  itemAfter(value: JsonValue, indent: string | undefined, unit: string, eol: string): string;
}

/** The document's own indentation unit and line ending, and members written in them. */
export class Layout {
  readonly unit: string;
  readonly eol: string;

  constructor(
    text: string,
    private readonly syntax: ValueSyntax,
  ) {
    const format = inferFormatting(text);
    this.unit = format.insertSpaces ? ' '.repeat(format.tabSize ?? 2) : '\t';
    this.eol = format.eol ?? '\n';
  }

  valueLeaf(value: JsonValue): Leaf {
    return { block: (indent, eol) => this.syntax.block(value, indent, this.unit, eol), inline: () => this.syntax.inline(value) };
  }

  /** `a: { b: <leaf> }` spread over lines, the first at `indent`. */
  blockMember(path: readonly string[], leaf: Leaf, indent: string, eol: string): string {
    const [name, ...rest] = path;
    if (rest.length === 0) return `${this.syntax.key(name!)}: ${leaf.block(indent, eol)}`;
    const inner = indent + this.unit;
    return `${this.syntax.key(name!)}: {${eol}${inner}${this.blockMember(rest, leaf, inner, eol)}${eol}${indent}}`;
  }

  /** `a: { b: <leaf> }` on one line (a moved value keeps its own lines, indented as its new line). */
  inlineMember(path: readonly string[], leaf: Leaf, lineIndent: string): string {
    const [name, ...rest] = path;
    if (rest.length === 0) return `${this.syntax.key(name!)}: ${leaf.inline(lineIndent)}`;
    return `${this.syntax.key(name!)}: { ${this.inlineMember(rest, leaf, lineIndent)} }`;
  }

  /**
   * `value` as the next item after the array item starting at `itemOffset` of `text`: on its own line at
   * that item's indentation, or inline when the item shares its line with something before it.
   */
  itemAfter(text: string, itemOffset: number, value: JsonValue): string {
    const indent = text.slice(startOfLine(text, itemOffset), itemOffset);
    return this.syntax.itemAfter(value, /^[ \t]*$/.test(indent) ? indent : undefined, this.unit, this.eol);
  }
}

/** A moved value keeps its text (expressions, comments), its continuation lines moved to the new indentation. */
export function movedLeaf(raw: string, oldIndent: string): Leaf {
  return { block: (indent) => reindent(raw, oldIndent, indent), inline: (indent) => reindent(raw, oldIndent, indent) };
}
