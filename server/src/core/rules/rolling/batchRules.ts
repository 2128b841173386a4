import type { NeutralEdit } from '../../edits/neutralEdit';
import type { ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import { instanceCount } from '../facts/capacity';
import { rollingFlag, rollingPercent, rollingPolicy, type RollingPercentName } from '../facts/rollingPolicy';
import { isEditable, type Setting } from '../facts/setting';
import type { Fix, RelatedInformation } from '../ruleTypes';
import { firstBatch, zonesUnknown } from './batchSize';
import type { FactMemo } from '../facts/memo';

/** Batch size against the health limits (reference §3.1 #3, §4.1, §4.2; simulator batches.ts and assumptions.ts). */

/** A fix that sets a percentage of the rolling policy: in place when written literally, else inserted into a literal policy object. */
function setPercentFix(
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
    'maxBatchInstancePercent is above maxUnhealthyInstancePercent (an absent one counts as its default, 20): a single failed batch leaves more instances unhealthy than the gate before the next batch allows.',
  check: ({ scaleSet, facts }) => {
    if (rollingPolicy(scaleSet, facts).kind !== 'object') return [];
    const batch = rollingPercent(scaleSet, facts, 'maxBatchInstancePercent');
    const unhealthy = rollingPercent(scaleSet, facts, 'maxUnhealthyInstancePercent');
    if (batch.value === 'unknown' || unhealthy.value === 'unknown' || batch.value <= unhealthy.value) return [];
    const n = instanceCount(scaleSet, facts);
    const crossZone = rollingFlag(scaleSet, facts, 'enableCrossZoneUpgrade').value;
    // The numbers only when this capacity shows the problem (batches stay within one update domain, so small sets may not).
    const size =
      n && n.count > 0 && crossZone !== 'unknown' && !zonesUnknown(scaleSet)
        ? firstBatch(scaleSet, facts, n.count, batch.value, crossZone).size
        : undefined;
    const allowed = n ? Math.floor((n.count * unhealthy.value) / 100) : 0;
    const numbers =
      n && size !== undefined && size > allowed
        ? ` With ${n.count} instances a batch is ${size}, but more than ${allowed} unhealthy instance${allowed === 1 ? '' : 's'} stop the upgrade.`
        : '';
    const anchor = batch.property ?? unhealthy.property!;
    const related: RelatedInformation[] = [batch, unhealthy]
      .filter((s) => s.property && s.property !== anchor)
      .map((s) => ({ span: s.property!.value.span, message: `${s.property!.name} is ${String(s.value)}.` }));
    if (n) related.push({ span: n.value.span, message: `sku.capacity: ${n.count} instances.` });
    return [
      {
        message: `maxBatchInstancePercent (${shown(batch)}) is above maxUnhealthyInstancePercent (${shown(unhealthy)}): one failed batch leaves more instances unhealthy than the next batch's health gate allows, so the rolling upgrade stops with MaxUnhealthyInstancePercentExceededInRollingUpgrade instead of continuing.${numbers} Azure's Batch service documents the same rule ("the value of maxBatchInstancePercent should not be more than maxUnhealthyInstancePercent", S16); whether the Compute API rejects it for scale sets is unverified. Lower maxBatchInstancePercent to ${unhealthy.value} or raise maxUnhealthyInstancePercent to ${batch.value}.`,
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
