/**
 * Capacity over time: serving, upgrading, unhealthy and surge instances as step lines, with the floor the
 * policy permits as a dashed line (anchors-orchestrators.md §3.3: N − b − floor(N·u/100) in place; with
 * MaxSurge the batch does not count, since new instances are created before old ones go).
 */
import { el, svg } from '../dom';
import type { CapacityPoint, SimRun } from '../../../server/src/core/sim/index';
import { timeAxis, timeScale } from './axis';
import { formatDuration } from './format';

const HEIGHT = 190;
const LEFT = 40;
const TOP = 10;
const BOTTOM = 26;

export const SERIES = ['serving', 'upgrading', 'unhealthy', 'surge'] as const;
export type Series = (typeof SERIES)[number];

export function policyFloor(run: SimRun): number {
  const total = run.attempted + run.skipped + run.pending;
  const unhealthyAllowed = Math.floor((total * run.policy.maxUnhealthyInstancePercent) / 100);
  return Math.max(0, total - (run.policy.maxSurge ? 0 : run.batchSize) - unhealthyAllowed);
}

/** Step path through the points, held to the end of the run. */
function stepPath(
  points: readonly CapacityPoint[],
  pick: (p: CapacityPoint) => number,
  x: (t: number) => number,
  y: (v: number) => number,
  end: number,
): string {
  let d = '';
  points.forEach((p, i) => {
    d += i === 0 ? `M ${x(p.t)} ${y(pick(p))}` : ` H ${x(p.t)} V ${y(pick(p))}`;
  });
  return points.length > 0 ? `${d} H ${x(end)}` : '';
}

export function renderCapacity(run: SimRun, idPrefix: string, compact: boolean): SVGSVGElement {
  const WIDTH = compact ? 500 : 760;
  const points = run.capacity;
  const total = run.attempted + run.skipped + run.pending;
  const top = Math.max(1, run.maxTotalInstances, total);
  const end = Math.max(run.durationSeconds, 60);
  const scale = timeScale(LEFT, WIDTH - LEFT - 14, end);
  const plotBottom = HEIGHT - BOTTOM;
  const y = (v: number) => plotBottom - (v / top) * (plotBottom - TOP);
  const floor = policyFloor(run);
  const chart = svg(
    'svg',
    {
      class: 'capacity',
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: WIDTH,
      height: HEIGHT,
      role: 'img',
      'data-testid': `${idPrefix}-capacity`,
      'aria-label': `Capacity over ${formatDuration(run.durationSeconds)}${run.waitSeconds > 0 ? ` (${formatDuration(run.waitSeconds)} waiting for approval)` : ''}: at least ${run.minServingInstances} of ${total} serving; policy floor ${floor}; peak ${run.maxTotalInstances} instances`,
    },
    svg('title', {}, 'Instances serving, upgrading, unhealthy and surge over time'),
  );
  chart.append(timeAxis(scale, TOP, plotBottom, HEIGHT - 8));
  for (const v of [0, Math.round(top / 2), top]) {
    chart.append(svg('text', { class: 'tick', x: LEFT - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
  }
  chart.append(svg('line', { class: 'axis-line', x1: LEFT, x2: WIDTH - 14, y1: plotBottom, y2: plotBottom }));
  // Waits for approval as shaded bands behind the series: the time passes, and nothing goes down.
  for (const w of run.waits) {
    if (w.endSeconds <= w.startSeconds) continue;
    const x = scale.x(w.startSeconds);
    chart.append(
      svg(
        'rect',
        { class: 'approval-band', x, y: TOP, width: Math.max(1, scale.x(w.endSeconds) - x), height: plotBottom - TOP },
        svg('title', {}, `waiting for approval: ${formatDuration(w.endSeconds - w.startSeconds)}`),
      ),
    );
  }
  for (const s of SERIES) {
    const d = stepPath(points, (p) => p[s], scale.x, y, end);
    if (d) chart.append(svg('path', { class: `series series-${s}`, d }));
  }
  chart.append(svg('line', { class: 'floor', x1: LEFT, x2: WIDTH - 14, y1: y(floor), y2: y(floor) }));
  chart.append(svg('text', { class: 'floor-label', x: WIDTH - 16, y: y(floor) - 4, 'text-anchor': 'end' }, `policy floor ${floor}`));
  return chart;
}

export function capacityLegend(): HTMLElement {
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'Capacity legend' },
    ...SERIES.map((s) => el('li', {}, el('span', { class: `swatch series-${s}`, 'aria-hidden': 'true' }), s)),
    el('li', {}, el('span', { class: 'swatch floor', 'aria-hidden': 'true' }), 'policy floor'),
    el('li', {}, el('span', { class: 'swatch approval-band', 'aria-hidden': 'true' }), 'waiting for approval'),
  );
}
