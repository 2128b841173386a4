/**
 * The full-run side of the engine: per-instance happenings go through an EventQueue ordered by
 * (time, priority, seq), come out merged (same time, kind, batch and detail → one event with many
 * instances) and drive the capacity series. Monte Carlo runs the same engine with no recorder.
 */
import { EventQueue } from './eventQueue';
import type { CapacityPoint, EventKind, SimEvent } from './simData';

/** What a happening does to an instance's capacity category. */
export type Change = 'serving' | 'upgrading' | 'unhealthy' | 'created' | 'deleted' | null;

/** Tie-break at equal times: gates before batches, batch phases in causal order, halts after batch ends. */
export const PRIORITY: Readonly<Record<EventKind, number>> = {
  start: 0,
  skip: 1,
  cancel: 2,
  gate: 3,
  batchStart: 4,
  // Waits come after the batch opens and before its upgrades; consecutive waits keep their push order.
  approvalWait: 4.5,
  approved: 4.5,
  rejected: 4.5,
  upgradeStart: 5,
  surgeCreate: 5,
  upgradeDone: 6,
  healthy: 7,
  healthTimeout: 8,
  rollbackStart: 9,
  rollbackDone: 10,
  surgeDelete: 11,
  batchEnd: 12,
  continueWithFailures: 13,
  pause: 14,
  halt: 15,
  complete: 16,
};
/** Post-batch gates sit between batchEnd and halt; rollbacks on a policy breach come after the halt. */
export const POST_GATE_PRIORITY = 13;
export const AFTER_HALT_PRIORITY = 20;

interface Item {
  readonly kind: EventKind;
  readonly batch: number | null;
  readonly id: number | null;
  readonly change: Change;
  readonly detail: string;
}

type Category = 'serving' | 'upgrading' | 'unhealthy';
const NONE = 0;
const CODE: Record<Category, number> = { serving: 1, upgrading: 2, unhealthy: 3 };

export class Recorder {
  readonly events: SimEvent[] = [];
  readonly capacity: CapacityPoint[] = [];
  private readonly queue = new EventQueue<Item>();
  /** Category code per instance id; MaxSurge ids run from N up to at most 2N. */
  private readonly category: Int8Array;
  private serving = 0;
  private upgrading = 0;
  private unhealthy = 0;

  constructor(
    private readonly baseCapacity: number,
    unhealthyAtStart: (id: number) => boolean,
  ) {
    this.category = new Int8Array(2 * baseCapacity + 1);
    for (let id = 0; id < baseCapacity; id++) this.set(id, unhealthyAtStart(id) ? 'unhealthy' : 'serving');
    this.point(0);
  }

  push(
    t: number,
    kind: EventKind,
    batch: number | null,
    id: number | null,
    change: Change,
    detail: string,
    priority = PRIORITY[kind],
  ): void {
    this.queue.push(t, priority, { kind, batch, id, change, detail });
  }

  /** Drains everything queued, in order. Call once a batch (and the run) is fully scheduled. */
  flush(): void {
    let open: { t: number; kind: EventKind; batch: number | null; detail: string; instances: number[] } | undefined;
    let lastT = Number.NaN;
    for (let e = this.queue.pop(); e; e = this.queue.pop()) {
      const item = e.payload;
      if (e.t !== lastT && !Number.isNaN(lastT)) this.point(lastT);
      lastT = e.t;
      if (item.id !== null) this.apply(item.id, item.change);
      if (open && open.t === e.t && open.kind === item.kind && open.batch === item.batch && open.detail === item.detail) {
        if (item.id !== null) open.instances.push(item.id);
        continue;
      }
      open = { t: e.t, kind: item.kind, batch: item.batch, detail: item.detail, instances: item.id === null ? [] : [item.id] };
      this.events.push(open);
    }
    if (!Number.isNaN(lastT)) this.point(lastT);
  }

  minServing(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const p of this.capacity) min = Math.min(min, p.serving);
    return min;
  }

  maxTotal(): number {
    let max = 0;
    for (const p of this.capacity) max = Math.max(max, p.total);
    return max;
  }

  private apply(id: number, change: Change): void {
    if (change === null) return;
    if (change === 'deleted') {
      this.count(this.category[id]!, -1);
      this.category[id] = NONE;
      return;
    }
    this.set(id, change === 'created' ? 'upgrading' : change);
  }

  private set(id: number, next: Category): void {
    this.count(this.category[id]!, -1);
    this.category[id] = CODE[next];
    this.count(CODE[next], 1);
  }

  private count(code: number, delta: number): void {
    if (code === 1) this.serving += delta;
    else if (code === 2) this.upgrading += delta;
    else if (code === 3) this.unhealthy += delta;
  }

  private point(t: number): void {
    const total = this.serving + this.upgrading + this.unhealthy;
    const p: CapacityPoint = {
      t,
      serving: this.serving,
      upgrading: this.upgrading,
      unhealthy: this.unhealthy,
      surge: Math.max(0, total - this.baseCapacity),
      total,
    };
    const last = this.capacity[this.capacity.length - 1];
    if (last && last.serving === p.serving && last.upgrading === p.upgrading && last.unhealthy === p.unhealthy && last.total === p.total)
      return;
    if (last && last.t === t) this.capacity[this.capacity.length - 1] = p;
    else this.capacity.push(p);
  }
}
