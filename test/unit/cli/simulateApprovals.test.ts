// `vmss-upgrade simulate` with waits for approval, through the built CLI (run `npm run build` first):
// lifecycle hooks in the JSON report (plan and run), --approved-after, the Bicep mirror, bad values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/runCli';
import type { SimReport } from '../../../server/src/core/sim/report';

const JSON_TEMPLATE = 'test/fixtures/sim/template-aos-hooks.json';
const BICEP_TEMPLATE = 'test/fixtures/sim/template-aos-hooks.bicep';

function report(args: readonly string[]): SimReport {
  const r = runCli(['simulate', ...args, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as SimReport;
}

test('json: a PT2H batch hook before each of 5 batches, in the inputs, the plan and the run (10 h 25 min)', () => {
  const rep = report([JSON_TEMPLATE]);
  assert.deepEqual(rep.inputs.approvals, {
    lifecycleHooks: [{ type: 'UpgradeAutoOSRollingBatchStarting', waitSeconds: 7200, defaultAction: 'Approve' }],
  });
  assert.equal(rep.inputs.provenance['lifecycleHooks.UpgradeAutoOSRollingBatchStarting.waitDuration']?.origin, 'parameterDefault');
  assert.equal(rep.plan.durationSeconds, 37500);
  assert.equal(rep.plan.waitSeconds, 36000);
  assert.equal(rep.run.durationSeconds, 37500);
  assert.equal(rep.run.waitSeconds, 36000);
  assert.equal(rep.run.rejectedBy, null);
  assert.equal(rep.run.summary, 'Completed: 5 batches of 2, 10 h 25 min (10 h 0 min waiting for approval), ≥ 8/10 serving');
  assert.deepEqual(
    rep.run.waits.map((w) => [w.kind, w.hook, w.batch, w.startSeconds, w.endSeconds, w.outcome]),
    [0, 1, 2, 3, 4].map((k) => ['lifecycleHook', 'UpgradeAutoOSRollingBatchStarting', k, k * 7500, k * 7500 + 7200, 'timedOut']),
  );
  assert.deepEqual(rep.run.waits[0]!.instances, rep.run.batches[0]!.instances);
  assert.ok(rep.run.events.some((e) => e.kind === 'approvalWait' && e.batch === 0 && e.t === 0));
  assert.ok(rep.run.events.some((e) => e.kind === 'approved' && e.batch === 4 && e.t === 30000 + 7200));
});

test('--approved-after shortens the waits; the Bicep mirror gives the same report', () => {
  const json = report([JSON_TEMPLATE, '--approved-after', 'UpgradeAutoOSRollingBatchStarting=PT10M']);
  assert.equal(json.run.durationSeconds, 1500 + 5 * 600);
  assert.ok(json.run.waits.every((w) => w.outcome === 'approved'));
  const bicep = report([BICEP_TEMPLATE, '--approved-after', 'upgradeautoosrollingbatchstarting=600']);
  assert.deepEqual(bicep.run.waits, json.run.waits);
  assert.equal(bicep.plan.explanation, json.plan.explanation);
  assert.equal(json.plan.explanation, '20 % of 10 = 2: 5 batches of 2, and 50 min of waits for approval');
});

test('text: the waits in the summary, a waits section and ~ in the timeline', () => {
  const r = runCli(['simulate', JSON_TEMPLATE]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^hooked-vmss \(aos\): Completed: 5 batches of 2, 10 h 25 min \(10 h 0 min waiting for approval\)/);
  assert.match(r.stdout, /^waits for approval: 10 h 0 min in all$/m);
  assert.match(r.stdout, /^ {2}5 × UpgradeAutoOSRollingBatchStarting before a batch \(no answer in time, went ahead\): 10 h 0 min$/m);
  assert.match(r.stdout, /^ {2}B1 +\|~+#/m);
});

test('--approved-after with an unknown wait or a bad time is a usage error', () => {
  for (const value of ['Nope=PT1M', 'deferral=soon', 'deferral', 'osImageNotification=P90D']) {
    const r = runCli(['simulate', JSON_TEMPLATE, '--approved-after', value]);
    assert.equal(r.code, 2, value);
    assert.match(r.stderr, /--approved-after/, value);
  }
});
