import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-types';
import { POLICY_OBJECTS } from '../catalog';
import type { JsonValue, NeutralEdit } from '../edits';
import { isSuppressible, SUPPRESSION_DIRECTIVE } from '../rules/suppressions';
import type { Finding } from '../rules/ruleTypes';
import type { CodeActionData, CodeActionParams, TemplateDocument } from '../languageTypes';
import { scaleSetAt } from '../model/scaleSetAt';
import { allowedInApiVersion, apiVersionOf } from './catalogContext';
import { offersTuning, TUNE_POLICY_TITLE, tunePolicyEdits } from './tunePolicy';

/**
 * Quick fixes of the findings under the cursor (written by the JSON writer, which keeps comments and
 * formatting), "fix all" of the same rule, "suppress with a reason", the refactor that writes out
 * the default rolling policy, and "Tune rolling policy…" (the policy advisor's recommendation, tunePolicy.ts).
 */
export function getCodeActions(doc: TemplateDocument, findings: readonly Finding[], params: CodeActionParams): CodeAction[] {
  const start = doc.lines.offsetAt(params.range.start);
  const end = doc.lines.offsetAt(params.range.end);
  const wants = (kind: string) => !params.only || params.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  // Titles already offered: the first action of a title is the one kept, so later ones are not written at
  // all (a range over many findings of one rule would otherwise write its "fix all" once per finding).
  const offered = new Set<string>();
  const offer = (action: CodeAction, data: CodeActionData) => {
    if (offered.has(action.title)) return;
    const edit = params.lazyEdits ? undefined : editFor(doc, findings, data, params.whatIf);
    if (!params.lazyEdits && !edit) return;
    offered.add(action.title);
    actions.push(edit ? { ...action, edit } : { ...action, data });
  };
  if (wants('quickfix')) {
    findings.forEach((finding, index) => {
      if (finding.span.offset > end || finding.span.offset + finding.span.length < start) return;
      const diagnostic = matchingDiagnostic(doc, finding, params.diagnostics);
      const withDiagnostic = diagnostic ? { diagnostics: [diagnostic] } : {};
      finding.fixes.forEach((fix, fixIndex) =>
        offer(
          { title: fix.title, kind: 'quickfix', ...withDiagnostic, ...(fix.isPreferred ? { isPreferred: true } : {}) },
          { uri: params.uri, kind: 'fix', finding: index, fix: fixIndex, ruleId: finding.ruleId, offset: finding.span.offset },
        ),
      );
      const count = fixAllChoices(findings, finding.ruleId).length;
      if (count >= 2)
        offer(
          { title: `Fix all ${finding.ruleId} problems in this file (${count})`, kind: 'quickfix' },
          { uri: params.uri, kind: 'fixAll', ruleId: finding.ruleId },
        );
      // Findings about suppression comments cannot be silenced by one: offering it would insert a comment that does nothing.
      if (isSuppressible(finding.ruleId)) actions.push(suppress(doc, params.uri, finding, diagnostic));
    });
  }
  if (wants('refactor.rewrite')) {
    const scaleSet = scaleSetAt(doc.model.scaleSets, start);
    // A refactor, not a quick fix: the tuned policy meets the advisor's goals, which need not silence the finding.
    if (scaleSet && offersTuning(scaleSet, findings, start, end))
      offer({ title: TUNE_POLICY_TITLE, kind: 'refactor.rewrite' }, { uri: params.uri, kind: 'tunePolicy', offset: scaleSet.span.offset });
    if (scaleSet && !scaleSet.rollingUpgradePolicy && (scaleSet.shape === 'vmssShow' || scaleSet.properties)) {
      offer(
        { title: `Add rolling upgrade policy with defaults to ${scaleSet.displayName}`, kind: 'refactor.rewrite' },
        { uri: params.uri, kind: 'refactor', offset: start },
      );
    }
  }
  return dedupe(actions);
}

/** Fills in the edit of an action returned with `lazyEdits`; without one when the document moved on. */
export function resolveCodeAction(
  doc: TemplateDocument,
  findings: readonly Finding[],
  action: CodeAction,
  whatIf: CodeActionParams['whatIf'] = {},
): CodeAction {
  const data = action.data as CodeActionData | undefined;
  const edit = data ? editFor(doc, findings, data, whatIf) : undefined;
  return edit ? { ...action, edit } : action;
}

function editFor(
  doc: TemplateDocument,
  findings: readonly Finding[],
  data: CodeActionData,
  whatIf: CodeActionParams['whatIf'] = {},
): WorkspaceEdit | undefined {
  switch (data.kind) {
    case 'fix': {
      const finding = findings[data.finding];
      if (!finding || finding.ruleId !== data.ruleId || finding.span.offset !== data.offset) return undefined;
      return workspaceEdit(doc, data.uri, finding.fixes[data.fix]?.edits ?? []);
    }
    case 'fixAll':
      return workspaceEdit(
        doc,
        data.uri,
        fixAllChoices(findings, data.ruleId).flatMap((f) => f.edits),
      );
    case 'refactor':
      return addRollingPolicy(doc, data.uri, data.offset);
    case 'tunePolicy': {
      const scaleSet = scaleSetAt(doc.model.scaleSets, data.offset);
      const edits = scaleSet ? tunePolicyEdits(scaleSet, whatIf) : undefined;
      return edits ? workspaceEdit(doc, data.uri, edits) : undefined;
    }
  }
}

function workspaceEdit(doc: TemplateDocument, uri: string, edits: readonly NeutralEdit[]): WorkspaceEdit | undefined {
  if (edits.length === 0) return undefined;
  const written = doc.frontEnd.writeEdits(doc, edits);
  if (!written || written.length === 0) return undefined;
  return { changes: { [uri]: written.map((e) => doc.lines.textEditOf(e)) } };
}

function matchingDiagnostic(doc: TemplateDocument, finding: Finding, diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  const range = doc.lines.rangeOf(finding.span);
  return diagnostics.find(
    (d) =>
      d.code === finding.ruleId &&
      d.range.start.line === range.start.line &&
      d.range.start.character === range.start.character &&
      d.range.end.line === range.end.line &&
      d.range.end.character === range.end.character,
  );
}

/** The preferred (or only) fix of every finding of this rule: what "fix all" applies in one edit. */
function fixAllChoices(findings: readonly Finding[], ruleId: string) {
  return findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => f.fixes.find((x) => x.isPreferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined))
    .filter((f) => f !== undefined);
}

/** Inserts the suppression comment above the finding's line; the reason after `--` is left for the user to write. */
function suppress(doc: TemplateDocument, uri: string, finding: Finding, diagnostic: Diagnostic | undefined): CodeAction {
  const line = doc.lines.positionAt(finding.span.offset).line;
  const lineStart = doc.lines.offsetAt({ line, character: 0 });
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, lineStart + 200))![0];
  const eol = /\r\n|\n|\r/.exec(doc.text.slice(lineStart))?.[0] ?? '\n';
  const comment = `${indent}// ${SUPPRESSION_DIRECTIVE} ${finding.ruleId} -- ${eol}`;
  return {
    title: `Suppress ${finding.ruleId} on this line with a reason (write it after --)`,
    kind: 'quickfix',
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: comment }] } },
  };
}

/** Refactor: write out `rollingUpgradePolicy` with the catalog's defaults in the scale set under the cursor. */
function addRollingPolicy(doc: TemplateDocument, uri: string, offset: number): WorkspaceEdit | undefined {
  const scaleSet = scaleSetAt(doc.model.scaleSets, offset);
  if (!scaleSet || scaleSet.rollingUpgradePolicy) return undefined;
  const defaults: Record<string, JsonValue> = {};
  // Only what the resource's apiVersion defines: maxSurge does not exist before 2022-11-01, for example.
  const apiVersion = apiVersionOf(scaleSet);
  for (const p of POLICY_OBJECTS.rollingUpgradePolicy.properties)
    if (p.default !== undefined && allowedInApiVersion(p, apiVersion)) defaults[p.name] = p.default;
  const objectSpan = scaleSet.shape === 'vmssShow' ? scaleSet.span : scaleSet.properties?.span;
  return objectSpan
    ? workspaceEdit(doc, uri, [{ kind: 'setProperty', objectSpan, path: ['upgradePolicy', 'rollingUpgradePolicy'], value: defaults }])
    : undefined;
}

function dedupe(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => !seen.has(a.title) && Boolean(seen.add(a.title)));
}
