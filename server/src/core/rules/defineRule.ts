import type { ScaleSetRule, ScaleSetRuleContext, FindingDraft, Severity } from './ruleTypes';
import { ruleDocsPath } from './ruleTypes';

export interface ScaleSetRuleSpec {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly title: string;
  readonly description: string;
  check(ctx: ScaleSetRuleContext): readonly FindingDraft[];
}

/** A scale-set rule with its docs page at the conventional `docs/rules/<id>.md`. */
export function scaleSetRule(spec: ScaleSetRuleSpec): ScaleSetRule {
  return { ...spec, scope: 'scaleSet', docs: ruleDocsPath(spec.id) };
}
