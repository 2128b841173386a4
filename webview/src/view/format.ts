/** Number and text formats shared by the views, the table views and the exports. */
import { formatDuration, reasonWords } from '../../../server/src/core/sim/index';
import type { GateResult, LimitReason, SimBatch, SimRun } from '../../../server/src/core/sim/index';

export { formatDuration };

export function percent(x: number, digits = 1): string {
  const v = 100 * x;
  return `${v > 0 && v < 0.1 ? v.toFixed(2) : v.toFixed(digits)}%`;
}

/** "5 batches of 2" / "9 batches of 1 (policy allows up to 2)" / "all at once" / "none (manual)". */
export function batchShape(run: SimRun): string {
  if (run.strategy === 'manual') return 'none: instances wait for a manual upgrade';
  if (run.strategy === 'allAtOnce') return `all ${run.attempted} at once`;
  const n = run.batches.length;
  if (n === 0) return run.haltGate ? `none: halted before the first batch (batch size ${run.batchSize})` : 'none';
  const sizes = run.batches.map((b) => b.members.length);
  const min = Math.min(...sizes);
  const max = Math.max(...sizes);
  const actual = min === max ? String(max) : `${min}–${max}`;
  // Zone and update-domain boundaries can make batches smaller than the policy allows: say so.
  const limit = max < run.batchSize ? ` (policy allows up to ${run.batchSize})` : '';
  return `${n} batch${n === 1 ? '' : 'es'} of ${actual}${limit}`;
}

export function gateName(g: GateResult): string {
  return g.gate === 'preBatch' ? 'Before batch' : 'After batch';
}

/** e.g. "unhealthy 1/10 = 10% ≤ 20% (maxUnhealthyInstancePercent): passed". */
export function gateText(g: GateResult): string {
  const cmp = g.passed ? '≤' : '>';
  return `${g.gate === 'preBatch' ? 'unhealthy' : 'unhealthy after upgrade'} ${g.unhealthy}/${g.denominator} = ${round1(g.percent)}% ${cmp} ${g.thresholdPercent}% (${g.metric}): ${g.passed ? 'passed' : 'failed'}`;
}

export function round1(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** Zones and update/fault domains of a batch's members, e.g. "zone 1 · UD 0". */
export function batchPlace(batch: SimBatch, flexible: boolean): string {
  const zones = unique(batch.members.map((m) => m.zone).filter((z): z is string => z !== null));
  const domains = unique(batch.members.map((m) => String(m.domain)));
  const parts: string[] = [];
  if (zones.length > 0) parts.push(`zone ${zones.join(', ')}`);
  if (domains.length > 0) parts.push(`${flexible ? 'FD' : 'UD'} ${domains.join(', ')}`);
  return parts.join(' · ');
}

/** ", smaller than the policy's 2: a batch stays within one zone", or "" for a batch of the policy's size. */
export function limitText(batch: SimBatch, batchSize: number): string {
  return batch.limitedBy.length > 0 ? `, smaller than the policy's ${batchSize}: ${reasonWords(batch.limitedBy)}` : '';
}

const SHORT: Readonly<Record<LimitReason, string>> = {
  zone: 'zone',
  updateDomain: 'UD',
  faultDomain: 'FD',
  serviceFabricUpdateDomain: 'SF UD',
  phase: 'phase',
  unhealthyAllowance: 'unhealthy limit',
  unhealthyFirst: 'unhealthy first',
  remaining: 'rest',
};

/** " · ≤ UD": the timeline row's short form of why a batch is smaller. */
export function limitShort(batch: SimBatch): string {
  return batch.limitedBy.length > 0 ? ` · ≤ ${batch.limitedBy.map((r) => SHORT[r]).join(', ')}` : '';
}

export function memberText(batch: SimBatch): string {
  return batch.members.map((m) => `#${m.id} ${m.outcome}${m.replacementId !== undefined ? ` (→ #${m.replacementId})` : ''}`).join(', ');
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(r).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${m}:${ss}`;
}

/** Whether the run ends before every instance is upgraded: a halt, a timeout, a cancel or a hook's Reject. */
export function stops(run: SimRun): boolean {
  return run.status === 'Faulted' || run.status === 'Cancelled';
}
