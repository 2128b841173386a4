/**
 * What the simulator needs to know from the rules (issue 13): the findings that block a scale set's upgrade
 * (rules with `blocks`, rules/blocks.ts) and an expired SAS URL, which the documentation says fails the first
 * batch instead. The CLI's simulate, the preview (through describeScaleSets) and the CodeLens all read this.
 */
import type { TemplateDocument } from '../languageTypes';
import type { ScaleSetModel } from '../model/templateModel';
import { getRule, RULES, runRules } from '../rules';
import type { Finding } from '../rules';
import type { Blocker } from '../sim/simData';

export interface SimulationFindings {
  readonly blockedBy: readonly Blocker[];
  /** Set when an extension's SAS URL has expired: why the first batch fails. */
  readonly firstBatchFails?: string;
}

/** Per scale set of the document (by position), with the rules' default severities. */
export function simulationFindings(
  doc: TemplateDocument,
  options: { readonly now?: number | string } = {},
): Map<ScaleSetModel, SimulationFindings> {
  const out = new Map<ScaleSetModel, SimulationFindings>();
  if (doc.model.scaleSets.length === 0) return out;
  // Only the rules that can block or fail the first batch: a fraction of the rule table.
  const rules = RULES.filter((r) => r.blocks !== undefined || r.id === 'expired-sas-token');
  const findings = runRules(doc.model, doc.text, {
    rules,
    config: { rules: {} },
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  for (const scaleSet of doc.model.scaleSets) {
    const own = findings.filter((f) => belongsTo(f, scaleSet));
    const blockedBy: Blocker[] = [];
    for (const f of own) {
      const blocks = getRule(f.ruleId)?.blocks;
      if (blocks && !blockedBy.some((b) => b.ruleId === f.ruleId)) blockedBy.push({ ruleId: f.ruleId, blocks, message: f.message });
    }
    const sas = own.find((f) => f.ruleId === 'expired-sas-token');
    out.set(scaleSet, sas ? { blockedBy, firstBatchFails: "an extension's SAS URL has expired (expired-sas-token)" } : { blockedBy });
  }
  return out;
}

/** A finding is the scale set's when it lies inside its resource (names can repeat). */
function belongsTo(f: Finding, scaleSet: ScaleSetModel): boolean {
  return (
    f.span.offset >= scaleSet.span.offset &&
    f.span.offset <= scaleSet.span.offset + scaleSet.span.length &&
    f.scaleSet === scaleSet.displayName
  );
}
