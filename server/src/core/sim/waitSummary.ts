import { formatDuration } from './summary';
import type { ApprovalWait } from './simData';

/**
 * The waits for approval of a run or a plan, grouped by what waits, where and how it ended: one wording for
 * the text report (`simulate --format text`) and the hover on the properties that add them.
 */

export interface WaitGroup {
  /** "UpgradeAutoOSRollingBatchStarting before a batch (no answer in time, went ahead)". */
  readonly label: string;
  readonly count: number;
  readonly seconds: number;
}

/** How a wait ended, in words (the JSON keeps the enum). */
const OUTCOME_WORDS: Readonly<Record<ApprovalWait['outcome'], string>> = {
  approved: 'approved',
  timedOut: 'no answer in time, went ahead',
  rejected: 'no answer in time, rejected',
};

export function groupWaits(waits: readonly ApprovalWait[]): WaitGroup[] {
  const groups = new Map<string, { count: number; seconds: number }>();
  for (const w of waits) {
    const what = w.hook ?? (w.kind === 'deferral' ? 'deferral (approveRollingUpgrade)' : 'OS image scheduled event');
    const label = `${what} ${w.batch === null ? 'before the upgrade' : 'before a batch'} (${OUTCOME_WORDS[w.outcome]})`;
    const g = groups.get(label) ?? { count: 0, seconds: 0 };
    g.count++;
    g.seconds += w.endSeconds - w.startSeconds;
    groups.set(label, g);
  }
  return [...groups].map(([label, g]) => ({ label, ...g }));
}

/** "5 × UpgradeAutoOSRollingBatchStarting before a batch (no answer in time, went ahead): 10 h 0 min". */
export function waitGroupLine(group: WaitGroup): string {
  return `${group.count} × ${group.label}: ${formatDuration(group.seconds)}`;
}
