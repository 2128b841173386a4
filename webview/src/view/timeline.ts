/**
 * The Gantt chart: one row per batch with its phases, the gate before (and after) each batch as a marker
 * that names the numbers compared, zone and update-domain labels, and the halt point. Rows and gates are
 * focusable; focusing or hovering a row shows its instances below the chart, and activating a gate
 * reveals the policy property it checks.
 */
import { el, svg } from '../dom';
import type { GateResult, SimRun } from '../../../server/src/core/sim/index';
import { timeAxis, timeScale } from './axis';
import { batchPlace, clock, formatDuration, gateName, gateText, limitShort, limitText, memberText } from './format';
import { PHASE_LABEL, batchPhases, waitLabel, waitsOutsideBatches } from './phases';
import type { PhaseKind } from './phases';
import { count } from '../../../server/src/core/text/plural';

export interface TimelineOptions {
  readonly flexible: boolean;
  /** Called when the user activates a gate marker: reveal this policy property. */
  readonly onGate: (metric: GateResult['metric']) => void;
  readonly idPrefix: string;
  /** Narrower drawing (compare mode), so text keeps a readable size when the column is half as wide. */
  readonly compact: boolean;
}

const ROW = 30;
const TOP = 8;

export function renderTimeline(run: SimRun, options: TimelineOptions): { chart: SVGSVGElement; details: HTMLElement } {
  const WIDTH = options.compact ? 500 : 760;
  const LABEL = options.compact ? 140 : 190;
  const rows = run.batches.length;
  const preHalt = run.haltGate !== null && run.haltGate.gate === 'preBatch';
  // Waits that hold no batch (before the upgrade, or before a batch a hook rejected) get rows of their own.
  const outside = waitsOutsideBatches(run);
  const waitRows = [...new Set(outside.map((w) => w.batch))];
  const height = TOP + Math.max(1, rows + waitRows.length + (preHalt ? 1 : 0)) * ROW + 26;
  // A run that halts before its first batch lasts 0 s: draw a nominal minute so the axis and the halt show.
  const scale = timeScale(LABEL, WIDTH - LABEL - 14, Math.max(run.durationSeconds, 60));
  const details = el(
    'div',
    { class: 'batch-details', 'aria-live': 'polite', 'data-testid': `${options.idPrefix}-batch-details` },
    'Hover or focus a batch to see its instances.',
  );
  const chart = svg(
    'svg',
    {
      class: 'timeline',
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: WIDTH,
      height,
      role: 'group',
      'aria-label': `Timeline: ${count(rows, 'batch', 'batches')} over ${formatDuration(run.durationSeconds)}, ${run.waitSeconds > 0 ? `, ${formatDuration(run.waitSeconds)} of it waiting for approval` : ''}, ${run.status}`,
      'data-testid': `${options.idPrefix}-timeline`,
    },
    svg('title', {}, `Upgrade timeline of ${count(rows, 'batch', 'batches')}`),
  );
  chart.append(timeAxis(scale, TOP, height - 22, height - 8));

  const phases = batchPhases(run);
  run.batches.forEach((batch, k) => {
    const y = TOP + k * ROW;
    const label = `Batch ${k + 1}: ${batch.members.length} instance${batch.members.length === 1 ? '' : 's'}, ${batchPlace(batch, options.flexible)}, ${clock(batch.startSeconds)}–${clock(batch.endSeconds)}, ${batch.outcome}${limitText(batch, run.batchSize)}`;
    const row = svg('g', { class: `row outcome-${batch.outcome}`, tabindex: 0, role: 'img', 'aria-label': label, 'data-batch': k });
    row.append(svg('rect', { class: 'row-hit', x: 0, y, width: WIDTH, height: ROW }));
    row.append(svg('text', { class: 'row-label', x: 4, y: y + 13 }, `Batch ${k + 1} · ${batch.members.length} inst`));
    row.append(svg('text', { class: 'row-sub', x: 4, y: y + 25 }, `${batchPlace(batch, options.flexible)}${limitShort(batch)}`));
    for (const p of phases[k] ?? []) {
      const x = scale.x(p.from);
      row.append(
        svg(
          'rect',
          { class: `phase phase-${p.kind}`, x, y: y + 6, width: Math.max(1.5, scale.x(p.to) - x), height: ROW - 12 },
          svg('title', {}, `${PHASE_LABEL[p.kind]}: ${clock(p.from)}–${clock(p.to)}`),
        ),
      );
    }
    const show = () => {
      details.textContent = `${label}. Instances: ${memberText(batch)}. ${batch.gates.map((g) => `${gateName(g)}: ${gateText(g)}`).join('. ')}`;
    };
    row.addEventListener('mouseenter', show);
    row.addEventListener('focus', show);
    chart.append(row);
    for (const g of batch.gates) {
      const marker = gateMarker(g, g.gate === 'preBatch' ? scale.x(batch.startSeconds) : scale.x(batch.endSeconds), y + ROW / 2, options);
      // A gate shows its own numbers in the details box too, so keyboard users see them, not just hear them.
      const showGate = () => {
        details.textContent = `Batch ${k + 1}, ${gateName(g).toLowerCase()}: ${gateText(g)}.`;
      };
      marker.addEventListener('mouseenter', showGate);
      marker.addEventListener('focus', showGate);
      chart.append(marker);
    }
  });

  waitRows.forEach((batchIndex, r) => {
    const y = TOP + (rows + r) * ROW;
    const waits = outside.filter((w) => w.batch === batchIndex);
    const title = batchIndex === null ? 'Before the upgrade' : `Before batch ${batchIndex + 1}`;
    const sub = waits.some((w) => w.outcome === 'rejected') ? 'rejected: not started' : 'waiting for approval';
    const label = `${title}: ${waits.map((w) => `${waitLabel(w)}, ${clock(w.startSeconds)}–${clock(w.endSeconds)}`).join('; ')}`;
    const row = svg('g', {
      class: 'row wait-row',
      tabindex: 0,
      role: 'img',
      'aria-label': label,
      'data-wait-row': batchIndex ?? 'upgrade',
    });
    row.append(svg('rect', { class: 'row-hit', x: 0, y, width: WIDTH, height: ROW }));
    row.append(svg('text', { class: 'row-label', x: 4, y: y + 13 }, title));
    row.append(svg('text', { class: 'row-sub', x: 4, y: y + 25 }, sub));
    for (const w of waits) {
      const x = scale.x(w.startSeconds);
      const kind = w.outcome === 'rejected' ? 'rejected' : 'approval';
      row.append(
        svg(
          'rect',
          { class: `phase phase-${kind}`, x, y: y + 6, width: Math.max(1.5, scale.x(w.endSeconds) - x), height: ROW - 12 },
          svg('title', {}, `${PHASE_LABEL[kind]}: ${waitLabel(w)}, ${clock(w.startSeconds)}–${clock(w.endSeconds)}`),
        ),
      );
    }
    const show = () => {
      details.textContent = `${label}.`;
    };
    row.addEventListener('mouseenter', show);
    row.addEventListener('focus', show);
    chart.append(row);
  });

  if (run.haltGate) {
    const x = scale.x(run.durationSeconds);
    if (preHalt) {
      const y = TOP + (rows + waitRows.length) * ROW;
      chart.append(svg('text', { class: 'row-label', x: 4, y: y + 13 }, `Before batch ${rows + 1}`));
      chart.append(svg('text', { class: 'row-sub', x: 4, y: y + 25 }, 'gate failed: not started'));
      chart.append(gateMarker(run.haltGate, x, y + ROW / 2, options));
    }
    chart.append(svg('line', { class: 'halt', x1: x, x2: x, y1: TOP, y2: height - 22 }));
    const early = x < LABEL + 120;
    chart.append(
      svg(
        'text',
        { class: 'halt-label', x: early ? x + 10 : x - 4, y: TOP + 10, 'text-anchor': early ? 'start' : 'end' },
        `halted at ${clock(run.durationSeconds)}`,
      ),
    );
  }
  return { chart, details };
}

function gateMarker(g: GateResult, x: number, y: number, options: TimelineOptions): SVGGElement {
  const text = `${gateName(g)}: ${gateText(g)}. Press Enter to show ${g.metric} in the template.`;
  const r = 6;
  const marker = svg(
    'g',
    {
      class: `gate ${g.passed ? 'gate-pass' : 'gate-fail'}`,
      tabindex: 0,
      role: 'button',
      'aria-label': text,
      'data-gate': g.passed ? 'pass' : 'fail',
    },
    svg('title', {}, text),
    svg('path', { d: `M ${x} ${y - r} L ${x + r} ${y} L ${x} ${y + r} L ${x - r} ${y} Z` }),
  );
  marker.addEventListener('click', () => options.onGate(g.metric));
  marker.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      options.onGate(g.metric);
    }
  });
  return marker;
}

export const PHASE_KINDS: readonly PhaseKind[] = ['approval', 'upgrade', 'wait', 'rollback', 'delete', 'pause'];

/** The colour key under the chart (HTML, so it wraps and reads well). */
export function timelineLegend(): HTMLElement {
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'Timeline legend' },
    ...PHASE_KINDS.map((k) => el('li', {}, el('span', { class: `swatch phase-${k}`, 'aria-hidden': 'true' }), PHASE_LABEL[k])),
    el('li', {}, el('span', { class: 'swatch gate-pass', 'aria-hidden': 'true' }), 'gate passed'),
    el('li', {}, el('span', { class: 'swatch gate-fail', 'aria-hidden': 'true' }), 'gate failed'),
    el('li', {}, el('span', { class: 'swatch halt', 'aria-hidden': 'true' }), 'halt'),
  );
}
