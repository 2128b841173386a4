/**
 * The health gates of a rolling upgrade (maxUnhealthyInstancePercent before a batch,
 * maxUnhealthyUpgradedInstancePercent after it): the gate's numbers, whether it lets the upgrade go on, and
 * its line in the trace. engine.ts checks them; the advisor reads gateAllowance.
 */
import { formatPercent } from './messages';
import type { GateResult } from './simData';

export function makeGate(
  gate: GateResult['gate'],
  metric: GateResult['metric'],
  unhealthy: number,
  denominator: number,
  threshold: number,
): GateResult {
  const percent = denominator > 0 ? Math.round((1000 * unhealthy) / denominator) / 10 : 0;
  return {
    gate,
    metric,
    unhealthy,
    denominator,
    percent,
    thresholdPercent: threshold,
    passed: unhealthy <= gateAllowance(threshold, denominator),
  };
}

/**
 * The most unhealthy instances a gate of `threshold` % over `denominator` instances lets pass: "more than" the
 * threshold is strict (S5: 10 instances at 20 % stop at more than two), so floor(threshold × denominator / 100).
 * Two thresholds with the same allowance at every denominator behave the same (the policy advisor's dedupe).
 */
export function gateAllowance(threshold: number, denominator: number): number {
  return Math.floor((threshold * denominator) / 100);
}

export function gateDetail(g: GateResult, flaps: number): string {
  const what = g.metric === 'maxUnhealthyInstancePercent' ? 'unhealthy' : 'unhealthy after upgrade';
  const pct = formatPercent(g.unhealthy, g.denominator, g.thresholdPercent);
  const flap = flaps > 0 ? ` (${flaps} flapping)` : '';
  return `${what} ${g.unhealthy}/${g.denominator} = ${pct}% ${g.passed ? '≤' : '>'} ${g.thresholdPercent}%${flap}: ${g.passed ? 'pass' : 'stop'}`;
}
