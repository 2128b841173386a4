/** Table views of the charts: the same data as the timeline and the capacity chart, as text. */
import { table } from '../dom';
import type { SimRun } from '../../../server/src/core/sim/index';
import { batchPlace, clock, gateName, gateText, memberText } from './format';

export function batchTable(run: SimRun, flexible: boolean, idPrefix: string): HTMLTableElement {
  const rows = run.batches.map((b, k) => [
    String(k + 1),
    clock(b.startSeconds),
    clock(b.endSeconds),
    batchPlace(b, flexible),
    memberText(b),
    b.outcome,
    b.gates.map((g) => `${gateName(g)}: ${gateText(g)}`).join('; '),
  ]);
  if (run.haltGate && run.haltGate.gate === 'preBatch')
    rows.push([
      '—',
      clock(run.durationSeconds),
      clock(run.durationSeconds),
      '',
      '',
      'halted',
      `${gateName(run.haltGate)}: ${gateText(run.haltGate)}`,
    ]);
  return table('Batches', ['Batch', 'Start', 'End', 'Zone / domain', 'Instances', 'Outcome', 'Gates'], rows, `${idPrefix}-batch-table`);
}

export function capacityTable(run: SimRun, idPrefix: string): HTMLTableElement {
  return table(
    'Capacity over time',
    ['Time', 'Serving', 'Upgrading', 'Unhealthy', 'Surge', 'Total'],
    run.capacity.map((p) => [clock(p.t), String(p.serving), String(p.upgrading), String(p.unhealthy), String(p.surge), String(p.total)]),
    `${idPrefix}-capacity-table`,
  );
}
