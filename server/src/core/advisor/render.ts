/**
 * The advice as text (a terminal) and as markdown (a pull-request comment): current against recommended,
 * the numbers, the front, and the assumptions that would change them. The same advice, the same numbers.
 */
import { formatDuration } from '../sim';
import { code, escapeText } from '../text/markdown';
import { changedProperties } from './pareto';
import type { Advice, AdvisorPolicy, AssumptionEffect, Candidate, GoalName } from './types';

/** P(halt) as every advisor surface writes it. */
export const pct = (p: number): string => {
  const v = 100 * p;
  if (v === 0) return '0 %';
  if (v < 0.1) return '<0.1 %';
  return `${v >= 10 ? v.toFixed(0) : v.toFixed(1)} %`;
};

const GOAL_WORDS: Record<GoalName, string> = {
  maxHalt: 'P(halt)',
  maxBadImageTouched: 'bad-image reach',
  minServing: 'serving instances',
  maxDurationSeconds: 'duration',
};

function goalLines(a: Advice): string[] {
  const d = (g: GoalName, why: string) => (a.defaulted.includes(g) ? ` (default${why})` : '');
  const g = a.goals;
  return [
    `P(halt) at most ${pct(g.maxHalt)}${d('maxHalt', '')}`,
    `a bad image touches at most ${g.maxBadImageTouched} instance${g.maxBadImageTouched === 1 ? '' : 's'}${d('maxBadImageTouched', ": the current policy's")}`,
    `at least ${g.minServing} instance${g.minServing === 1 ? '' : 's'} serving${d('minServing', ": the current policy's")}`,
    g.maxDurationSeconds === null ? 'no duration limit (default)' : `done within ${formatDuration(g.maxDurationSeconds)} (90th percentile)`,
  ];
}

/** A policy's cells in the advisor's tables (CLI, pull-request comment, preview). */
export function policyCells(p: AdvisorPolicy): string[] {
  return [
    String(p.maxBatchInstancePercent),
    String(p.maxUnhealthyInstancePercent),
    String(p.maxUnhealthyUpgradedInstancePercent),
    p.pauseTimeBetweenBatches,
    p.maxSurge === undefined ? '–' : String(p.maxSurge),
  ];
}

/** A candidate's measures in the advisor's tables. */
export function measureCells(c: Candidate): string[] {
  return [
    `${pct(c.pHalt)}${c.pHaltMethod === 'monteCarlo' ? '' : ' (exact)'}`,
    formatDuration(c.durationP50Seconds),
    formatDuration(c.durationP90Seconds),
    String(c.minServing),
    String(c.badImageTouched),
    c.batches,
  ];
}

/** The columns of the advisor's tables: a label, policyCells, measureCells. */
export const HEADER = [
  '',
  'batch %',
  'unhealthy %',
  'upgraded %',
  'pause',
  'maxSurge',
  'P(halt)',
  'p50',
  'p90',
  'serving',
  'bad image',
  'plan',
];

export interface PolicyChange {
  readonly property: string;
  readonly from: string;
  readonly to: string;
}

/** What the recommendation changes in the template: each rolling-policy property, and useRollingUpgradePolicy when it must be set. */
export function changeList(a: Advice): PolicyChange[] {
  const out: PolicyChange[] = changedProperties(a.recommended.policy, a.current.policy).map((k) => ({
    property: k,
    from: String(a.current.policy[k]),
    to: String(a.recommended.policy[k]),
  }));
  if (a.setsUseRollingUpgradePolicy) out.push({ property: 'automaticOSUpgradePolicy.useRollingUpgradePolicy', from: 'false', to: 'true' });
  return out;
}

/** One sentence: whether the recommendation meets every goal, or what the closest policy misses. */
export function verdict(a: Advice): string {
  if (a.missedGoals.length > 0)
    return `No policy evaluated meets every goal; the closest misses ${a.missedGoals.map((g) => GOAL_WORDS[g]).join(', ')}.`;
  return a.keepCurrent ? 'The current policy is the fastest that meets every goal: nothing to change.' : 'It meets every goal.';
}

function moves(from: Candidate, to: Candidate, which: readonly (keyof Candidate)[]): string {
  const parts: string[] = [];
  if (which.includes('pHalt')) parts.push(`P(halt) ${pct(from.pHalt)} → ${pct(to.pHalt)}`);
  if (which.includes('durationP50Seconds'))
    parts.push(`p50 ${formatDuration(from.durationP50Seconds)} → ${formatDuration(to.durationP50Seconds)}`);
  if (which.includes('durationP90Seconds'))
    parts.push(`p90 ${formatDuration(from.durationP90Seconds)} → ${formatDuration(to.durationP90Seconds)}`);
  if (which.includes('minServing')) parts.push(`serving ${from.minServing} → ${to.minServing}`);
  if (which.includes('badImageTouched')) parts.push(`bad image ${from.badImageTouched} → ${to.badImageTouched}`);
  return parts.join(', ');
}

function effectLine(e: AssumptionEffect, a: Advice): string {
  const parts: string[] = [];
  if (e.currentMoves.length > 0) parts.push(`current ${moves(a.current, e.current, e.currentMoves)}`);
  if (!a.keepCurrent && e.recommendedMoves.length > 0) parts.push(`recommended ${moves(a.recommended, e.recommended, e.recommendedMoves)}`);
  if (e.breaks.length > 0) parts.push(`the recommendation would miss ${e.breaks.map((g) => GOAL_WORDS[g]).join(', ')}`);
  return `${e.assumption}=${e.value}: ${parts.join('; ')}`;
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

function triggerWords(a: Advice): string {
  return a.trigger === 'aos' ? 'automatic OS upgrade' : a.trigger === 'manual-os' ? 'manual OS upgrade' : 'model update';
}

export function renderAdviceText(a: Advice, effects: readonly AssumptionEffect[] = []): string {
  const lines: string[] = [
    `${a.scaleSet}: ${triggerWords(a)} of ${a.capacity} instance${a.capacity === 1 ? '' : 's'}, ${pct(a.goals.failureRate)} of upgraded instances failing, ${a.trials} trials per policy`,
    `goals: ${goalLines(a).join('; ')}`,
    '',
    ...table([
      HEADER,
      ['current', ...policyCells(a.current.policy), ...measureCells(a.current)],
      ['recommended', ...policyCells(a.recommended.policy), ...measureCells(a.recommended)],
    ]),
    '',
  ];
  const changes = changeList(a);
  if (changes.length > 0) lines.push(`change: ${changes.map((c) => `${c.property} ${c.from} → ${c.to}`).join(', ')}`);
  lines.push(verdict(a), '', `front (${a.front.length} of ${a.evaluated.length} policies evaluated, fastest first):`);
  lines.push(
    ...table([
      HEADER,
      ...a.front.map((c) => [
        c === a.current ? 'current' : c === a.recommended ? 'recommended' : '',
        ...policyCells(c.policy),
        ...measureCells(c),
      ]),
    ]).map((l) => `  ${l}`),
  );
  if (effects.length > 0) {
    lines.push('', 'assumptions that would change these numbers:');
    for (const e of effects) lines.push(`  ${effectLine(e, a)}`);
  }
  if (a.notes.length > 0) {
    lines.push('', 'notes:');
    for (const n of a.notes) lines.push(`  ${n}`);
  }
  return lines.join('\n') + '\n';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

function mdRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

export function renderAdviceMarkdown(a: Advice, effects: readonly AssumptionEffect[] = []): string {
  const header = ['', ...HEADER.slice(1)];
  const out: string[] = [
    `### Rolling policy advice: ${cell(code(a.scaleSet))}`,
    '',
    `${triggerWords(a)[0]!.toUpperCase()}${triggerWords(a).slice(1)} of ${a.capacity} instances with ${pct(a.goals.failureRate)} of upgraded instances failing; ${a.trials} Monte Carlo trials per policy on shared seeds (exact where a closed form applies).`,
    '',
    mdRow(header),
    `|${header.map(() => '---').join('|')}|`,
    mdRow(['current', ...policyCells(a.current.policy), ...measureCells(a.current)]),
    mdRow(['**recommended**', ...policyCells(a.recommended.policy), ...measureCells(a.recommended)]),
    '',
  ];
  const changes = changeList(a);
  // Our own sentences (goals, verdict, assumption effects) hold no template text: only the scale set's name and the notes (which may quote the apiVersion) are escaped.
  if (changes.length > 0)
    out.push(`**Change**: ${changes.map((c) => `${code(c.property)} ${c.from} → ${c.to}`).join(', ')}. ${verdict(a)}`, '');
  else out.push(verdict(a), '');
  out.push(`**Goals**: ${goalLines(a).join('; ')}.`, '');
  out.push(`<details><summary>Pareto front: ${a.front.length} of ${a.evaluated.length} policies evaluated</summary>`, '');
  out.push(mdRow(header), `|${header.map(() => '---').join('|')}|`);
  for (const c of a.front)
    out.push(
      mdRow([c === a.current ? 'current' : c === a.recommended ? '**recommended**' : '', ...policyCells(c.policy), ...measureCells(c)]),
    );
  out.push('', '</details>', '');
  if (effects.length > 0) {
    out.push('**Assumptions that would change these numbers** (the sources do not settle them; see docs/simulator.md):', '');
    for (const e of effects) out.push(`- ${effectLine(e, a)}`);
    out.push('');
  } else out.push('No assumption of the simulator changes these numbers.', '');
  if (a.notes.length > 0) {
    out.push('**Notes**:', '');
    for (const n of a.notes) out.push(`- ${escapeText(n)}`);
    out.push('');
  }
  return out.join('\n');
}
