// The plan runs the engine without its trace (execute's 'plan' log): it must say exactly what the traced run
// of the same input says, batches, waits, duration and the fewest instances serving (which the traced run
// counts from its capacity points, the untraced one as it goes), with and without waits for approval.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIFECYCLE_HOOK_TYPES } from '../../../../server/src/core/catalog/approvalWaits';
import { planInput, planUpgrade } from '../../../../server/src/core/sim/plan';
import type { ApprovalInput, SimInput } from '../../../../server/src/core/sim/simData';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { simInputArb } from './arbitraries';

const approvalsArb: fc.Arbitrary<ApprovalInput | undefined> = fc
  .option(
    fc.record({
      lifecycleHooks: fc.uniqueArray(
        fc.record({
          type: fc.constantFrom(...LIFECYCLE_HOOK_TYPES),
          waitSeconds: fc.constantFrom(60, 900, 3600),
          defaultAction: fc.constantFrom('Approve' as const, 'Reject' as const),
          approvedAfterSeconds: fc.option(fc.constantFrom(0, 30, 4000), { nil: undefined }),
        }),
        { maxLength: 2, selector: (h) => h.type },
      ),
      deferral: fc.option(fc.record({ approvedAfterSeconds: fc.constantFrom(0, 120) }), { nil: undefined }),
      osImageNotification: fc.option(fc.record({ notBeforeTimeoutSeconds: fc.constantFrom(300, 900) }), { nil: undefined }),
    }),
    { nil: undefined },
  )
  .map((a) => a && (Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as unknown as ApprovalInput));

const inputArb: fc.Arbitrary<SimInput> = fc
  .tuple(simInputArb, approvalsArb)
  .map(([input, approvals]) => (approvals ? { ...input, approvals } : input));

test('the untraced plan says what the traced run of its input says', () => {
  let waited = 0;
  fc.assert(
    fc.property(inputArb, (input) => {
      const plan = planUpgrade(input);
      const run = simulate(planInput(input));
      assert.deepEqual(
        plan.batches.map((b) => b.instances),
        run.batches.map((b) => b.members.map((m) => m.id)),
      );
      assert.deepEqual(plan.waits, run.plan.waits);
      assert.equal(plan.durationSeconds, run.durationSeconds);
      assert.equal(plan.minServingInstances, run.minServingInstances);
      // The rest of the plan too, but its notes: they speak of the input (a hook that would reject), and the
      // traced run here is of the plan's input, where every wait ends in approval.
      const { notes: _planNotes, ...planRest } = plan;
      const { notes: _runNotes, ...runRest } = run.plan;
      assert.deepEqual(planRest, runRest);
      if (plan.waits.length > 0) waited++;
    }),
    { numRuns: 300, seed: 20261204 },
  );
  assert.ok(waited > 0, 'some plans wait for approval');
});
