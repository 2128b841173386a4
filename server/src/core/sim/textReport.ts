/** The CLI's text output: a summary line, a batch table and an ASCII timeline (plain ASCII, fixed width). */
import type { SimReport } from './report';
import { formatDuration, summarizeMonteCarlo } from './summary';
import type { SimRun } from './simData';
import { groupWaits, waitGroupLine } from './waitSummary';
import type { Sensitivity } from './monteCarlo';

const WIDTH = 60;

export function renderText(report: SimReport, run: SimRun): string {
  const lines: string[] = [];
  lines.push(`${report.scaleSet} (${report.trigger}): ${report.run.summary}`);
  if (run.errorCode || run.rejectedBy || run.status === 'Blocked') lines.push(`  ${run.message}`);
  lines.push(`  plan: ${report.plan.explanation}`);
  for (const note of report.run.notes) lines.push(`  note: ${note}`);
  for (const a of report.inputs.assumed) lines.push(`  assumed: ${a}`);
  lines.push('');
  lines.push(...batchTable(run));
  if (run.waits.length > 0) lines.push('', ...waitLines(run));
  if ((run.batches.length > 0 || run.waits.length > 0) && run.durationSeconds > 0) lines.push('', ...timeline(run));
  const p = run.policy;
  // A value the template does not set is marked, so a default never reads as the template's.
  const mark = (key: keyof typeof p) => {
    const origin = report.inputs.policy[key]?.origin;
    return origin === 'azureDefault' ? ' (default)' : origin === 'osUpgradeDefault' ? ' (OS-upgrade default)' : '';
  };
  const walk = run.plan.batches.length > 0 && run.plan.batches.every((b) => b.limitedBy.includes('serviceFabricUpdateDomain'));
  if (walk) lines.push('', 'policy: none applies (Service Fabric walks its update domains, one at a time, whatever the percentages)');
  else
    lines.push(
      '',
      `policy: batch ${p.maxBatchInstancePercent}%${mark('maxBatchInstancePercent')}, unhealthy ${p.maxUnhealthyInstancePercent}%${mark('maxUnhealthyInstancePercent')}, unhealthy upgraded ${p.maxUnhealthyUpgradedInstancePercent}%${mark('maxUnhealthyUpgradedInstancePercent')}, pause ${p.pauseTimeBetweenBatchesSeconds} s${mark('pauseTimeBetweenBatchesSeconds')}${p.maxSurge ? ', maxSurge' : ''}${p.enableCrossZoneUpgrade ? ', cross-zone' : ''}${p.prioritizeUnhealthyInstances ? ', unhealthy first' : ''}${p.rollbackFailedInstancesOnPolicyBreach ? ', rollback on breach' : ''}; automatic rollback ${run.automaticRollback ? 'on' : 'off'}`,
    );
  lines.push(
    `assumptions: ${Object.entries(report.inputs.assumptions)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
  );
  const mc = report.monteCarlo;
  if (mc) {
    lines.push('', `monte carlo: ${summarizeMonteCarlo(mc)}`);
    for (const [code, pr] of Object.entries(mc.haltsByCode)) if (pr > 0) lines.push(`  halts ${code}: ${(100 * pr).toFixed(2)}%`);
    if (mc.closedForm.pHalt !== null)
      lines.push(`  exact P(halt) = ${mc.closedForm.pHalt.toFixed(4)} (${mc.closedForm.method}: ${mc.closedForm.reason})`);
    const sensitive = mc.sensitivity.filter((s) => s.changesOutcome);
    // The deltas compare with the first trials as assumed, not with the headline over all of them: say which.
    const base = sensitive[0] && sensitive[0].pComplete - sensitive[0].deltaPComplete;
    if (base !== undefined)
      lines.push(
        `  assumptions that change the outcome, each switched over the first ${mc.sensitivityTrials} trials (same seeds; as assumed, ${(100 * base).toFixed(1)}% of them complete):`,
      );
    for (const s of sensitive) lines.push(`  sensitive: ${sensitivityLine(s)}`);
    if (sensitive.length === 0 && mc.sensitivity.length > 0)
      lines.push('  no single assumption switch changes P(complete), the median duration or the minimum serving beyond noise');
  }
  return lines.join('\n') + '\n';
}

function batchTable(run: SimRun): string[] {
  if (run.batches.length === 0) return ['(no batches)'];
  // Numbered from 1, as the preview's timeline and table count batches; the JSON output's `index` counts from 0.
  const rows = run.batches.map((b) => [
    String(b.index + 1),
    formatDuration(b.startSeconds),
    formatDuration(b.endSeconds - b.startSeconds),
    [...new Set(b.members.map((m) => m.zone ?? '-'))].join(','),
    [...new Set(b.members.map((m) => m.domain))].join(','),
    listIds(b.members.map((m) => m.id)),
    b.outcome,
    b.gates.map((g) => `${g.gate === 'preBatch' ? 'pre' : 'post'} ${g.unhealthy}/${g.denominator}${g.passed ? '' : '!'}`).join(' '),
    b.limitedBy.join(',') || '-',
  ]);
  const header = ['batch', 'start', 'took', 'zone', 'UD/FD', 'instances', 'outcome', 'gates (unhealthy/of)', 'limited by'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const fmt = (r: readonly string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [fmt(header), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)];
}

function listIds(ids: readonly number[]): string {
  return ids.length <= 8 ? ids.join(',') : `${ids.slice(0, 6).join(',')},… (${ids.length})`;
}

/** "waits for approval: 10 h 0 min in all", then a line per kind of wait (waitSummary.ts). */
function waitLines(run: SimRun): string[] {
  return [`waits for approval: ${formatDuration(run.waitSeconds)} in all`, ...groupWaits(run.waits).map((g) => `  ${waitGroupLine(g)}`)];
}

function timeline(run: SimRun): string[] {
  const total = run.durationSeconds;
  const col = (t: number) => Math.min(WIDTH - 1, Math.floor((t / total) * WIDTH));
  const out: string[] = [`timeline (0 … ${formatDuration(total)}; # ok, % some failed, X halted, ~ waiting for approval)`];
  const span = (row: string[], from: number, to: number, mark: string) => {
    for (let c = col(from); c <= Math.max(col(from), col(to) - (to < total ? 1 : 0)); c++) row[c] = mark;
  };
  const outside = run.waits.filter((w) => w.batch === null || w.batch >= run.batches.length);
  if (outside.length > 0) {
    const row = new Array(WIDTH).fill(' ');
    for (const w of outside)
      if (w.endSeconds > w.startSeconds) span(row, w.startSeconds, w.endSeconds, w.outcome === 'rejected' ? 'R' : '~');
    out.push(`  W   |${row.join('')}|`);
  }
  const shown = run.batches.slice(0, 20);
  for (const b of shown) {
    const row = new Array(WIDTH).fill(' ');
    const mark = b.outcome === 'succeeded' ? '#' : b.outcome === 'someFailed' ? '%' : 'X';
    span(row, b.startSeconds, b.endSeconds, mark);
    for (const w of run.waits) if (w.batch === b.index && w.endSeconds > w.startSeconds) span(row, w.startSeconds, w.endSeconds, '~');
    out.push(`  B${String(b.index + 1).padEnd(3)}|${row.join('')}|`);
  }
  if (run.batches.length > shown.length) out.push(`  … ${run.batches.length - shown.length} more batches`);
  const capacity = run.attempted + run.skipped + run.pending;
  const serving = new Array(WIDTH).fill(' ');
  const ramp = (x: number) => (x >= 1 ? '@' : x >= 0.8 ? '#' : x >= 0.6 ? '+' : x >= 0.4 ? '-' : '.');
  for (let c = 0; c < WIDTH; c++) {
    const t0 = (c / WIDTH) * total;
    const t1 = ((c + 1) / WIDTH) * total;
    let min = Number.POSITIVE_INFINITY;
    let before = run.capacity[0]!;
    for (const p of run.capacity) {
      if (p.t <= t0) before = p;
      else if (p.t < t1) min = Math.min(min, p.serving);
    }
    min = Math.min(min, before.serving);
    serving[c] = ramp(capacity > 0 ? min / capacity : 1);
  }
  out.push(`  srv |${serving.join('')}|  serving: @ 100%, # >= 80%, + >= 60%, - >= 40%, . below`);
  return out;
}

/** "domainBoundaries=ignore: P(complete) 98.0% (+0.0 points), duration p50 40 min (−28 min), min serving p1 8 (−1)". */
export function sensitivityLine(s: Sensitivity): string {
  const sign = (x: number) => (x >= 0 ? '+' : '−');
  const dur = `${sign(s.deltaDurationP50Seconds)}${formatDuration(Math.abs(s.deltaDurationP50Seconds))}`;
  return `${s.assumption}=${s.value}: P(complete) ${(100 * s.pComplete).toFixed(1)}% (${sign(s.deltaPComplete)}${Math.abs(100 * s.deltaPComplete).toFixed(1)} points), duration p50 ${formatDuration(s.durationP50Seconds)} (${dur}), min serving p1 ${s.minServingP1} (${sign(s.deltaMinServingP1)}${Math.abs(s.deltaMinServingP1)})`;
}
