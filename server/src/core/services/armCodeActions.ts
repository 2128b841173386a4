import type { CodeAction, Diagnostic, Range, TextEdit as LspTextEdit } from 'vscode-languageserver-types';
import { POLICY_OBJECTS } from '../catalog';
import { writeJsonEdits, type JsonValue, type NeutralEdit } from '../edits';
import { SUPPRESSION_DIRECTIVE } from '../rules/suppressions';
import type { Finding } from '../rules/types';
import type { ArmDocument } from './armDocument';
import { scaleSetAt } from './armDocument';

export interface CodeActionParams {
  readonly uri: string;
  readonly range: Range;
  /** The diagnostics the client sent with the request (ours carry the rule id as `code`). */
  readonly diagnostics: readonly Diagnostic[];
  /** CodeActionContext.only: the kinds the client wants, if it says. */
  readonly only?: readonly string[];
}

/**
 * Quick fixes of the findings under the cursor (written by the JSON writer, which keeps comments and
 * formatting), "fix all" of the same rule, "suppress with a reason", and the refactor that writes out
 * the default rolling policy.
 */
export function getCodeActions(doc: ArmDocument, findings: readonly Finding[], params: CodeActionParams): CodeAction[] {
  const start = doc.lines.offsetAt(params.range.start);
  const end = doc.lines.offsetAt(params.range.end);
  const wants = (kind: string) => !params.only || params.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const here = findings.filter((f) => f.span.offset <= end && f.span.offset + f.span.length >= start);
  const actions: CodeAction[] = [];
  if (wants('quickfix')) {
    for (const finding of here) {
      const diagnostic = matchingDiagnostic(doc, finding, params.diagnostics);
      for (const fix of finding.fixes) {
        const edit = workspaceEdit(doc, params.uri, fix.edits);
        if (edit) actions.push({ title: fix.title, kind: 'quickfix', ...(diagnostic ? { diagnostics: [diagnostic] } : {}), ...(fix.isPreferred ? { isPreferred: true } : {}), edit });
      }
      const all = fixAll(doc, params.uri, findings, finding.ruleId);
      if (all) actions.push(all);
      actions.push(suppress(doc, params.uri, finding, diagnostic));
    }
  }
  if (wants('refactor.rewrite')) {
    const refactor = addRollingPolicy(doc, params.uri, start);
    if (refactor) actions.push(refactor);
  }
  return dedupe(actions);
}

function toLspEdits(doc: ArmDocument, edits: readonly { offset: number; length: number; newText: string }[]): LspTextEdit[] {
  return edits.map((e) => ({ range: doc.lines.rangeOf({ offset: e.offset, length: e.length }), newText: e.newText }));
}

function workspaceEdit(doc: ArmDocument, uri: string, edits: readonly NeutralEdit[]) {
  const written = writeJsonEdits(doc.text, edits);
  return written && written.length > 0 ? { changes: { [uri]: toLspEdits(doc, written) } } : undefined;
}

function matchingDiagnostic(doc: ArmDocument, finding: Finding, diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  const range = doc.lines.rangeOf(finding.span);
  return diagnostics.find((d) => d.code === finding.ruleId && d.range.start.line === range.start.line && d.range.start.character === range.start.character && d.range.end.line === range.end.line && d.range.end.character === range.end.character);
}

/** One edit applying the preferred (or only) fix of every finding of this rule, when there are two or more. */
function fixAll(doc: ArmDocument, uri: string, findings: readonly Finding[], ruleId: string): CodeAction | undefined {
  const chosen = findings.filter((f) => f.ruleId === ruleId).map((f) => f.fixes.find((x) => x.isPreferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined)).filter((f) => f !== undefined);
  if (chosen.length < 2) return undefined;
  const edit = workspaceEdit(doc, uri, chosen.flatMap((f) => f.edits));
  return edit ? { title: `Fix all ${ruleId} problems in this file (${chosen.length})`, kind: 'quickfix', edit } : undefined;
}

/** Inserts the suppression comment above the finding's line; the reason after `--` is left for the user to write. */
function suppress(doc: ArmDocument, uri: string, finding: Finding, diagnostic: Diagnostic | undefined): CodeAction {
  const line = doc.lines.positionAt(finding.span.offset).line;
  const lineStart = doc.lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, lineStart + 200))![0];
  const eol = /\r\n|\n|\r/.exec(doc.text)?.[0] ?? '\n';
  const comment = `${indent}// ${SUPPRESSION_DIRECTIVE} ${finding.ruleId} -- ${eol}`;
  return {
    title: `Suppress ${finding.ruleId} on this line with a reason (write it after --)`,
    kind: 'quickfix',
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }] } },
  };
}

/** Refactor: write out `rollingUpgradePolicy` with the catalog's defaults in the scale set under the cursor. */
function addRollingPolicy(doc: ArmDocument, uri: string, offset: number): CodeAction | undefined {
  const scaleSet = scaleSetAt(doc, offset);
  if (!scaleSet || scaleSet.rollingUpgradePolicy) return undefined;
  const defaults: Record<string, JsonValue> = {};
  for (const p of POLICY_OBJECTS.rollingUpgradePolicy.properties) if (p.default !== undefined && p.removedIn === undefined) defaults[p.name] = p.default;
  const objectSpan = scaleSet.shape === 'vmssShow' ? scaleSet.span : scaleSet.properties?.span;
  if (!objectSpan) return undefined;
  const edit = workspaceEdit(doc, uri, [{ kind: 'setProperty', objectSpan, path: ['upgradePolicy', 'rollingUpgradePolicy'], value: defaults }]);
  return edit ? { title: `Add rolling upgrade policy with defaults to ${scaleSet.displayName}`, kind: 'refactor.rewrite', edit } : undefined;
}

function dedupe(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => !seen.has(a.title) && Boolean(seen.add(a.title)));
}
