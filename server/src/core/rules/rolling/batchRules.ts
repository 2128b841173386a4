import type { NeutralEdit } from '../../edits/neutralEdit';
import type { ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import { instanceCount } from '../facts/capacity';
import { rollingFlag, rollingPercent, rollingPolicy, type RollingPercentName } from '../facts/rollingPolicy';
import { isEditable, type Setting } from '../facts/setting';
import type { Fix, RelatedInformation } from '../ruleTypes';
import { firstBatch, zonesUnknown } from './batchSize';
import type { FactMemo } from '../facts/memo';
import { count } from '../../text/plural';

/** Batch size against the health limits (reference §3.1 #3, §4.1, §4.2; simulator batches.ts and assumptions.ts). */

/** A fix that sets a percentage of the rolling policy: in place when written literally, else inserted into a literal policy object. */
export function setPercentFix(
  scaleSet: ScaleSetModel,
  facts: FactMemo,
  name: RollingPercentName,
  setting: Setting<number>,
  to: number,
  isPreferred: boolean,
): Fix[] {
  const policy = rollingPolicy(scaleSet, facts);
  let edit: NeutralEdit | undefined;
  if (setting.property)
    edit = isEditable(setting.property.value) ? { kind: 'replaceValue', span: setting.property.value.span, newValue: to } : undefined;
  else if (policy.kind === 'object' && isEditable(policy.value))
    edit = { kind: 'setProperty', objectSpan: policy.value.span, path: [name], value: to };
  return edit ? [{ title: `Set ${name} to ${to}`, edits: [edit], ...(isPreferred ? { isPreferred } : {}) }] : [];
}

function shown(setting: Setting<number>): string {
  return `${String(setting.value)}${setting.property ? '' : ', the default'}`;
}

export const BATCH_EXCEEDS_UNHEALTHY = scaleSetRule({
  id: 'batch-exceeds-unhealthy',
  defaultSeverity: 'warning',
  title: 'Batch larger than the unhealthy-instance limit',
  description:
    "maxBatchInstancePercent is above maxUnhealthyInstancePercent (an absent one counts as its default, 20) and the simulator's plan holds batches to the unhealthy-instance allowance, so they are smaller than the policy asks.",
  check: ({ scaleSet, facts }) => {
    if (rollingPolicy(scaleSet, facts).kind !== 'object') return [];
    const batch = rollingPercent(scaleSet, facts, 'maxBatchInstancePercent');
    const unhealthy = rollingPercent(scaleSet, facts, 'maxUnhealthyInstancePercent');
    const upgraded = rollingPercent(scaleSet, facts, 'maxUnhealthyUpgradedInstancePercent');
    if (batch.value === 'unknown' || unhealthy.value === 'unknown' || batch.value <= unhealthy.value) return [];
    const n = instanceCount(scaleSet, facts);
    const crossZone = rollingFlag(scaleSet, facts, 'enableCrossZoneUpgrade').value;
    const known = n && n.count > 0 && crossZone !== 'unknown' && upgraded.value !== 'unknown' && !zonesUnknown(scaleSet);
    let effect = 'batches are held to what the unhealthy limit allows, smaller than the policy asks';
    if (known) {
      // What the plan does with these numbers: only when a batch is held to the allowance is there anything to say.
      const first = firstBatch(scaleSet, facts, n.count, {
        maxBatchInstancePercent: batch.value,
        maxUnhealthyInstancePercent: unhealthy.value,
        maxUnhealthyUpgradedInstancePercent: upgraded.value as number,
        enableCrossZoneUpgrade: crossZone as boolean,
      });
      const held = first.plan.batches.filter((b) => b.limitedBy.includes('unhealthyAllowance'));
      if (held.length === 0) return [];
      const allowed = Math.max(...held.map((b) => b.size));
      effect = `batches hold ${allowed} of ${count(n.count, 'instance')}, not the policy's ${first.base}`;
    }
    const anchor = batch.property ?? unhealthy.property!;
    const related: RelatedInformation[] = [batch, unhealthy]
      .filter((s) => s.property && s.property !== anchor)
      .map((s) => ({ span: s.property!.value.span, message: `${s.property!.name} is ${String(s.value)}.` }));
    if (n) related.push({ span: n.value.span, message: `sku.capacity: ${count(n.count, 'instance')}.` });
    return [
      {
        message: `maxBatchInstancePercent (${shown(batch)}) is above maxUnhealthyInstancePercent (${shown(unhealthy)}): ${effect}.`,
        details: {
          explanation:
            "maxUnhealthyInstancePercent counts every unhealthy instance, upgrading or failing, and is checked before every batch, so a batch takes no more instances than it allows: the upgrade goes in smaller batches and takes longer than the policy suggests. Azure Batch's rolling-upgrade policy says maxBatchInstancePercent should not be more than maxUnhealthyInstancePercent.",
          assumption:
            'Batches shrink to the unhealthy-instance allowance (simulator assumption batchShrinksWithUnhealthy=yes); whether the Compute API rejects this combination is not documented.',
          sources: ['S5', 'S16'],
        },
        span: anchor.value.span,
        related,
        fixes: [
          ...setPercentFix(scaleSet, facts, 'maxBatchInstancePercent', batch, unhealthy.value, true),
          ...setPercentFix(scaleSet, facts, 'maxUnhealthyInstancePercent', unhealthy, batch.value, false),
        ],
      },
    ];
  },
});
