/**
 * The risk panel: Monte Carlo progress while it runs, then the probability of completing, halts by error
 * code, duration percentiles, blast radius, and which stated assumptions change the outcome if switched.
 */
import { el, table } from '../dom';
import type { RiskProgress, RiskResult } from '../risk';
import type { Blocker } from '../../../server/src/core/sim/index';
import { progressRing } from '../toolkit';
import { formatDuration, percent } from './format';

export type RiskState =
  | { readonly kind: 'running'; readonly progress: RiskProgress }
  | { readonly kind: 'done'; readonly result: RiskResult }
  /** Azure rejects the template or the upgrade cannot run: no upgrade to run trials of (as `simulate --trials`). */
  | { readonly kind: 'blocked'; readonly blockers: readonly Blocker[] };

export function renderRisk(state: RiskState, trials: number, idPrefix: string): HTMLElement {
  const section = el('section', { class: 'risk', 'aria-label': 'Risk', 'data-testid': `${idPrefix}-risk`, 'data-state': state.kind });
  if (state.kind === 'blocked') {
    section.append(
      el('h3', {}, 'Risk'),
      el(
        'p',
        { 'data-testid': `${idPrefix}-risk-blocked` },
        `Not simulated: ${state.blockers.some((b) => b.blocks === 'deployment') ? 'Azure rejects this template' : 'the upgrade cannot run'} (${state.blockers.map((b) => b.ruleId).join(', ')}). Tick “Run anyway” to see the risk as if it ran.`,
      ),
    );
    return section;
  }
  section.append(el('h3', {}, `Risk over ${trials.toLocaleString('en-US')} trials`));
  if (state.kind === 'running') {
    const { done, total } = state.progress;
    section.append(
      el(
        'p',
        { class: 'progress', role: 'status' },
        progressRing('Monte Carlo running'),
        ` ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} trial runs`,
      ),
    );
    return section;
  }
  const { summary: s, sensitivity, sensitivityTrials } = state.result;
  const rows: [string, string][] = [
    ['Probability of completing', `${percent(s.pComplete)} (± ${percent(s.pCompleteStdErr, 2)})`],
    ...Object.entries(s.haltsByCode)
      .filter(([, p]) => p > 0)
      .map(([code, p]): [string, string] => [`Halts: ${code}`, percent(p)]),
    [
      'Duration p50 / p90 / p99',
      `${formatDuration(s.durationSeconds.p50)} / ${formatDuration(s.durationSeconds.p90)} / ${formatDuration(s.durationSeconds.p99)}`,
    ],
    [
      'Blast radius (instances touched)',
      `${s.blastRadius.mean.toFixed(1)} on average${s.blastRadius.meanGivenHalt !== null ? `, ${s.blastRadius.meanGivenHalt.toFixed(1)} when it halts` : ''}`,
    ],
    ['Minimum serving p1 / p50', `${s.minServingInstances.p1} / ${s.minServingInstances.p50}`],
    ['Rollbacks', `${s.rollbacks.mean.toFixed(2)} on average, at most ${s.rollbacks.max}`],
  ];
  section.append(table('Monte Carlo results', ['Measure', 'Value'], rows, `${idPrefix}-risk-table`));
  // Beyond noise first (the CLI's paired test), then by how many trials flip.
  const changing = sensitivity
    .filter((r) => r.changedTrials > 0 || r.changesOutcome)
    .sort((a, b) => Number(b.changesOutcome) - Number(a.changesOutcome) || b.changedTrials - a.changedTrials);
  section.append(el('h4', {}, 'Assumptions that would change the outcome if switched'));
  if (changing.length === 0) {
    section.append(
      el(
        'p',
        { 'data-testid': `${idPrefix}-sensitivity-none` },
        `No single switch changes the outcome of any of ${sensitivityTrials.toLocaleString('en-US')} trials.`,
      ),
    );
  } else {
    const points = (d: number) => `${d >= 0 ? '+' : '−'}${Math.abs(100 * d).toFixed(1)} points`;
    section.append(
      table(
        `Sensitivity over ${sensitivityTrials.toLocaleString('en-US')} trials with the same seeds`,
        ['Assumption', 'Switched to', 'Completes', 'Change', 'Duration p50', 'Min serving p1', 'Trials changed', 'Matters'],
        changing.map((r) => [
          r.assumption,
          r.value,
          percent(r.pComplete),
          points(r.deltaPComplete),
          `${formatDuration(r.durationP50Seconds)} (${r.deltaDurationP50Seconds >= 0 ? '+' : '−'}${formatDuration(Math.abs(r.deltaDurationP50Seconds))})`,
          `${r.minServingP1} (${r.deltaMinServingP1 >= 0 ? '+' : '−'}${Math.abs(r.deltaMinServingP1)})`,
          percent(r.changedTrials),
          r.changesOutcome ? 'yes' : 'no',
        ]),
        `${idPrefix}-sensitivity`,
      ),
    );
  }
  return section;
}
