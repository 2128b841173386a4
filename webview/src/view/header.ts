/**
 * The header: outcome (Completed, or Faulted with Azure's error code and message), batches and their size,
 * estimated duration, minimum serving instances, trigger, capacity and its source, and the effective
 * policy, whose values reveal their property in the template when activated.
 */
import { el } from '../dom';
import { badge } from '../toolkit';
import type { PreviewResult } from '../result';
import { capacitySource, triggerText } from '../state';
import { batchShape, formatDuration, percent, stops } from './format';
import { policySources } from '../../../server/src/core/sim/index';
import type { EffectivePolicy, PolicySource } from '../../../server/src/core/sim/index';

const PROPERTY_KEY: Readonly<Record<string, keyof EffectivePolicy>> = {
  maxBatchInstancePercent: 'maxBatchInstancePercent',
  maxUnhealthyInstancePercent: 'maxUnhealthyInstancePercent',
  maxUnhealthyUpgradedInstancePercent: 'maxUnhealthyUpgradedInstancePercent',
  pauseTimeBetweenBatches: 'pauseTimeBetweenBatchesSeconds',
  maxSurge: 'maxSurge',
  enableCrossZoneUpgrade: 'enableCrossZoneUpgrade',
  prioritizeUnhealthyInstances: 'prioritizeUnhealthyInstances',
};

/** A value the template does not set says so, so a default never reads as the template's. */
const SOURCE_SUFFIX: Readonly<Record<PolicySource, string>> = {
  template: '',
  adjusted: ' (adjusted)',
  azureDefault: ' (default)',
  osUpgradeDefault: ' (OS-upgrade default)',
  serviceFabric: ' (not used: Service Fabric walks update domains)',
};

const SOURCE_TITLE: Readonly<Record<PolicySource, string>> = {
  template: 'From the template',
  adjusted: 'The template sets another value, which this upgrade does not apply (see the notes)',
  azureDefault: "Not set in the template: Azure's default",
  osUpgradeDefault: "The OS upgrade's default policy: useRollingUpgradePolicy is not true",
  serviceFabric: 'Service Fabric upgrades one update domain at a time, whatever the percentages',
};

export function renderHeader(r: PreviewResult, idPrefix: string, reveal: (property: string) => void): HTMLElement {
  const { run, input } = r;
  const total = run.attempted + run.skipped + run.pending;
  const outcome = el(
    'div',
    { class: `outcome status-${run.status}`, 'data-testid': `${idPrefix}-outcome` },
    badge(run.status),
    ' ',
    el(
      'strong',
      {},
      run.status === 'Blocked'
        ? `Blocked by ${run.blockedBy.map((b) => b.ruleId).join(', ')}`
        : run.rejectedBy
          ? `Rejected by the ${run.rejectedBy} lifecycle hook`
          : (run.errorCode ?? (run.status === 'Completed' ? 'every batch passed its gates' : '')),
    ),
  );
  const facts: [string, string][] = [
    ['Batches', batchShape(run)],
    ['Plan', run.plan.explanation],
    [
      // A run that stops is not a short upgrade: its time is the time to the stop.
      stops(run) ? 'Time to the stop' : 'Estimated duration',
      run.status === 'Blocked'
        ? 'none: not run'
        : `${formatDuration(run.durationSeconds)}${run.waitSeconds > 0 ? ` (${formatDuration(run.waitSeconds)} waiting for approval)` : ''}`,
    ],
    ['Minimum serving', `${run.minServingInstances} of ${total}${total > 0 ? ` (${percent(run.minServingInstances / total, 0)})` : ''}`],
    ['Trigger', triggerText(input.trigger)],
    ['Capacity', `${input.fleet.capacity} (${capacitySource(r.scaleSet, r.whatIf)})`],
  ];
  if (run.maxTotalInstances > total) facts.push(['Peak instances', `${run.maxTotalInstances} (surge)`]);
  const p = run.policy;
  const sources = policySources(input);
  const policy: [string, string][] = [
    ['maxBatchInstancePercent', `batch ${p.maxBatchInstancePercent}%`],
    ['maxUnhealthyInstancePercent', `unhealthy ≤ ${p.maxUnhealthyInstancePercent}%`],
    ['maxUnhealthyUpgradedInstancePercent', `upgraded unhealthy ≤ ${p.maxUnhealthyUpgradedInstancePercent}%`],
    ['pauseTimeBetweenBatches', `pause ${formatDuration(p.pauseTimeBetweenBatchesSeconds)}`],
  ];
  if (p.maxSurge) policy.push(['maxSurge', 'maxSurge']);
  if (p.enableCrossZoneUpgrade) policy.push(['enableCrossZoneUpgrade', 'cross-zone']);
  if (p.prioritizeUnhealthyInstances) policy.push(['prioritizeUnhealthyInstances', 'unhealthy first']);
  return el(
    'section',
    { class: 'header', 'aria-label': 'Outcome', 'data-testid': `${idPrefix}-header` },
    outcome,
    run.errorCode || run.status === 'Blocked' ? el('p', { class: 'message', 'data-testid': `${idPrefix}-message` }, run.message) : null,
    el('dl', { class: 'facts' }, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el(
      'p',
      { class: 'policy' },
      el('span', {}, 'Policy: '),
      ...policy.map(([prop, text]) => {
        const source = sources[PROPERTY_KEY[prop] ?? 'maxSurge'];
        const link = el(
          'button',
          {
            class: 'link',
            type: 'button',
            title: `${SOURCE_TITLE[source]}: show ${prop} in the template`,
            'data-property': prop,
            'data-source': source,
          },
          `${text}${SOURCE_SUFFIX[source]}`,
        );
        link.addEventListener('click', () => reveal(prop));
        return link;
      }),
    ),
    run.notes.length > 0 ? el('ul', { class: 'notes', 'aria-label': 'Simulator notes' }, ...run.notes.map((n) => el('li', {}, n))) : null,
    r.scaleSet.assumed.length > 0
      ? el(
          'details',
          { class: 'assumed' },
          el(
            'summary',
            {},
            `${r.scaleSet.assumed.length} value${r.scaleSet.assumed.length === 1 ? '' : 's'} assumed (the template does not say)`,
          ),
          el('ul', { class: 'notes' }, ...r.scaleSet.assumed.map((a) => el('li', {}, a))),
        )
      : null,
  );
}
