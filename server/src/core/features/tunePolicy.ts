/**
 * The editor's "Tune rolling policy…" action: the policy advisor's recommendation for the default goals
 * (docs/advisor.md), written into the template as neutral edits, so each front end writes it keeping comments
 * and layout (the quick fixes' path). Offered on the `upgradePolicy` and `rollingUpgradePolicy` keys and on
 * the findings the advice may resolve; the advice runs only when the edit is written (lazily on resolve).
 */
import { advisePolicy, changedProperties } from '../advisor';
import type { Advice, AdvisorPolicy } from '../advisor';
import { editorWhatIf, type EditorWhatIfDefaults } from './displayFacts';
import type { JsonValue, NeutralEdit } from '../edits';
import { getProp } from '../model/values';
import type { RValue, ScaleSetModel } from '../model/templateModel';
import type { Span } from '../text/span';
import type { Finding } from '../rules/ruleTypes';

export const TUNE_POLICY_TITLE = 'Tune rolling policy… (the advisor’s recommendation for the default goals)';

/** The findings a tuned policy addresses. */
export const TUNED_RULES: ReadonlySet<string> = new Set(['first-batch-failure-halts', 'batch-exceeds-unhealthy']);

const within = (span: Span | undefined, start: number, end: number) =>
  span !== undefined && start <= span.offset + span.length && end >= span.offset;

/** Whether the range touches the scale set's policy keys or one of its findings the advice addresses. */
export function offersTuning(scaleSet: ScaleSetModel, findings: readonly Finding[], start: number, end: number): boolean {
  if (within(scaleSet.upgradePolicy?.keySpan, start, end) || within(scaleSet.rollingUpgradePolicy?.keySpan, start, end)) return true;
  return findings.some((f) => TUNED_RULES.has(f.ruleId) && f.scaleSet === scaleSet.displayName && within(f.span, start, end));
}

const literal = (v: RValue | undefined): v is RValue => v !== undefined && v.source === 'literal' && v.expression === undefined;

/**
 * The edits that write the recommendation: each changed property set in the literal rollingUpgradePolicy
 * (replaced where it is written, inserted where it is not), the policy object created when there is none,
 * and automaticOSUpgradePolicy.useRollingUpgradePolicy when the OS upgrade must read it. Undefined when there
 * is nothing to change, no advice, or a value to change comes from an expression or a parameter (the user's
 * parameterisation is not overwritten).
 */
export function tunePolicyEdits(scaleSet: ScaleSetModel, defaults: EditorWhatIfDefaults = {}): NeutralEdit[] | undefined {
  const advice = advisePolicy(scaleSet, {}, editorWhatIf(scaleSet, defaults));
  if (advice.kind !== 'advice' || advice.keepCurrent) return undefined;
  return policyEdits(scaleSet, advice, advice.recommended.policy);
}

/**
 * The advice the "Tune rolling policy…" lens quotes: for the default goals (the code action's), only when
 * another policy is at least as good on every measure and better on one, and the recommendation can be
 * written (its values are literals). The lens and the code action run the same advice.
 */
export function dominatedAdvice(scaleSet: ScaleSetModel, defaults: EditorWhatIfDefaults = {}): Advice | undefined {
  const advice = advisePolicy(scaleSet, {}, editorWhatIf(scaleSet, defaults));
  if (advice.kind !== 'advice' || advice.keepCurrent || !advice.currentDominated) return undefined;
  return policyEdits(scaleSet, advice, advice.recommended.policy) ? advice : undefined;
}

/**
 * The edits that write `target`, one of the policies the advice evaluated, over the current one: only the
 * properties that differ, and useRollingUpgradePolicy when the candidates assume it. Undefined as above.
 */
export function policyEdits(scaleSet: ScaleSetModel, advice: Advice, target: AdvisorPolicy): NeutralEdit[] | undefined {
  const values: Record<string, JsonValue> = {};
  for (const k of changedProperties(target, advice.current.policy)) values[k] = target[k] as JsonValue;
  if (Object.keys(values).length === 0) return undefined;
  const edits: NeutralEdit[] = [];
  const policy = scaleSet.rollingUpgradePolicy;
  if (policy) {
    if (policy.value.kind !== 'object' || !literal(policy.value)) return undefined;
    for (const [name, value] of Object.entries(values)) {
      const existing = getProp(policy.value, name);
      if (existing && !literal(existing.value)) return undefined;
      edits.push({ kind: 'setProperty', objectSpan: policy.value.span, path: [existing?.name ?? name], value });
    }
  } else {
    const upgrade = scaleSet.upgradePolicy;
    if (upgrade) {
      if (upgrade.value.kind !== 'object' || !literal(upgrade.value)) return undefined;
      edits.push({ kind: 'setProperty', objectSpan: upgrade.value.span, path: ['rollingUpgradePolicy'], value: values });
    } else {
      const objectSpan = scaleSet.shape === 'vmssShow' ? scaleSet.span : scaleSet.properties?.span;
      if (!objectSpan) return undefined;
      edits.push({ kind: 'setProperty', objectSpan, path: ['upgradePolicy', 'rollingUpgradePolicy'], value: values });
    }
  }
  if (advice.candidatesUseRollingUpgradePolicy) {
    const aos = scaleSet.automaticOSUpgradePolicy;
    if (!aos || aos.value.kind !== 'object' || !literal(aos.value)) return undefined;
    const existing = getProp(aos.value, 'useRollingUpgradePolicy');
    if (existing && !literal(existing.value)) return undefined;
    edits.push({ kind: 'setProperty', objectSpan: aos.value.span, path: [existing?.name ?? 'useRollingUpgradePolicy'], value: true });
  }
  return edits;
}
