import { createScanner } from 'jsonc-parser';
import { SUPPRESSION_DIRECTIVE } from '../model/templateModel';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';

/**
 * `// vmss-upgrade-disable-next-line <rule-id>[, <rule-id>…] -- <reason>` in a JSONC template (line or
 * block comment). It silences the named rules for findings that start on the line right after the
 * comment. The reason is required so a reviewer can see why; ids must be real rules.
 */
// jsonc-parser's SyntaxKind is a const enum, which isolatedModules cannot read; its stable values:
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;

export { SUPPRESSION_DIRECTIVE };

/** Findings about the suppression comments themselves cannot be silenced by those comments. */
const UNSUPPRESSIBLE = new Set(['suppression-missing-reason', 'suppression-unknown-rule']);

/** Whether a suppression comment can silence this rule (so whether to offer one). */
export function isSuppressible(ruleId: string): boolean {
  return !UNSUPPRESSIBLE.has(ruleId);
}

export interface SuppressedRuleId {
  readonly id: string;
  readonly span: Span;
}

export interface Suppression {
  /** The whole comment. */
  readonly span: Span;
  /** Zero-based line the comment ends on; it applies to the line after it. */
  readonly line: number;
  readonly ruleIds: readonly SuppressedRuleId[];
  /** The text after `--`, trimmed; undefined when missing or empty. */
  readonly reason: string | undefined;
}

/**
 * Every suppression comment in the text, found with jsonc-parser's scanner (so `//` inside strings is
 * ignored), or among `comments` when the front end located them (Bicep strings are single-quoted).
 */
export function findSuppressions(text: string, lines: LineIndex = new LineIndex(text), comments?: readonly Span[]): Suppression[] {
  const found: Suppression[] = [];
  // Most templates have none: skip the scan (a full pass of the scanner on a 6 MB file) when the word is absent.
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return found;
  const add = (offset: number, length: number) => {
    const parsed = parseComment(text.slice(offset, offset + length), offset);
    if (parsed) found.push({ span: { offset, length }, line: lines.positionAt(offset + length).line, ...parsed });
  };
  if (comments) {
    for (const comment of comments) add(comment.offset, comment.length);
    return found;
  }
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === LINE_COMMENT || token === BLOCK_COMMENT) add(scanner.getTokenOffset(), scanner.getTokenLength());
  }
  return found;
}

function parseComment(comment: string, offset: number): Pick<Suppression, 'ruleIds' | 'reason'> | undefined {
  const bodyStart = 2;
  const bodyEnd = comment.startsWith('/*') && comment.endsWith('*/') ? comment.length - 2 : comment.length;
  const body = comment.slice(bodyStart, bodyEnd);
  const directive = /^\s*vmss-upgrade-disable-next-line(?=\s|$)/.exec(body);
  if (!directive) return undefined;
  const restStart = bodyStart + directive[0].length;
  const rest = comment.slice(restStart, bodyEnd);
  const separator = rest.indexOf('--');
  const idsText = separator < 0 ? rest : rest.slice(0, separator);
  const reason = separator < 0 ? undefined : rest.slice(separator + 2).trim() || undefined;
  const ruleIds: SuppressedRuleId[] = [];
  for (const match of idsText.matchAll(/[^\s,]+/g)) {
    ruleIds.push({ id: match[0], span: { offset: offset + restStart + match.index!, length: match[0].length } });
  }
  return { ruleIds, reason };
}
