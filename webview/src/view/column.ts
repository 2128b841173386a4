/**
 * One result column: header, timeline (with legend and batch details), capacity chart, their table views
 * when asked for, and a slot for the risk panel that the app fills as Monte Carlo progresses.
 */
import { el } from '../dom';
import type { PreviewResult } from '../result';
import { capacityLegend, renderCapacity } from './capacity';
import { renderHeader } from './header';
import { batchTable, capacityTable } from './tables';
import { renderTimeline, timelineLegend } from './timeline';

export interface Column {
  readonly element: HTMLElement;
  readonly timeline: SVGSVGElement;
  readonly riskSlot: HTMLElement;
}

export interface ColumnOptions {
  readonly title: string;
  readonly idPrefix: string;
  readonly showTables: boolean;
  /** Half-width column (compare mode). */
  readonly compact: boolean;
  readonly reveal: (property: string) => void;
}

export function renderColumn(r: PreviewResult, o: ColumnOptions): Column {
  const flexible = r.input.orchestrationMode === 'Flexible';
  const { chart, details } = renderTimeline(r.run, {
    flexible,
    idPrefix: o.idPrefix,
    compact: o.compact,
    onGate: (metric) => o.reveal(metric),
  });
  const capacity = renderCapacity(r.run, o.idPrefix, o.compact);
  const riskSlot = el('div', { class: 'risk-slot' });
  const element = el(
    'article',
    { class: 'column', 'aria-label': o.title, 'data-testid': `${o.idPrefix}-column` },
    el('h2', { class: 'column-title' }, o.title),
    renderHeader(r, o.idPrefix, o.reveal),
    el(
      'section',
      { class: 'chart', 'aria-label': 'Timeline' },
      el('h3', {}, 'Timeline'),
      el('div', { class: 'scroll' }, chart),
      timelineLegend(),
      details,
      o.showTables ? batchTable(r.run, flexible, o.idPrefix) : null,
    ),
    el(
      'section',
      { class: 'chart', 'aria-label': 'Capacity' },
      el('h3', {}, 'Capacity over time'),
      el('div', { class: 'scroll' }, capacity),
      capacityLegend(),
      o.showTables ? capacityTable(r.run, o.idPrefix) : null,
    ),
    riskSlot,
  );
  return { element, timeline: chart, riskSlot };
}
