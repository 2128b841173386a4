// What Azure refuses is not simulated as a success (issue 13): a scale set with a finding of a rule that
// `blocks` simulates to Blocked, names the finding, and runs anyway only when asked; an expired SAS URL fails
// the first batch and leaves it failed, as the documentation says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../../../server/src/core/sim/simulate';
import { summarizeRun } from '../../../../server/src/core/sim/summary';
import { RULES } from '../../../../server/src/core/rules';
import { BLOCKS } from '../../../../server/src/core/rules/blocks';
import { join } from 'node:path';
import { loadTemplate, ls } from '../../../../server/src/cli/loadTemplate';
import { input } from './helpers';

const blocker = { ruleId: 'aos-requires-health', blocks: 'deployment' as const, message: 'no health signal' };

test('a blocked input simulates to Blocked with its findings, and no instance is touched', () => {
  const run = simulate({ ...input({ trigger: 'aos' }), blockedBy: [blocker] });
  assert.equal(run.status, 'Blocked');
  assert.deepEqual(run.blockedBy, [blocker]);
  assert.equal(run.batches.length, 0);
  assert.equal(run.attempted, 0);
  assert.equal(run.minServingInstances, 10);
  assert.match(run.message, /^Blocked by aos-requires-health: Azure rejects the deployment\. no health signal/);
  // The plan is still there: what would happen once the template is fixed.
  assert.equal(run.plan.batches.length, 5);
  const anyway = simulate({ ...input({ trigger: 'aos' }), blockedBy: [blocker], ignoreBlockers: true });
  assert.equal(anyway.status, 'Completed');
  assert.ok(anyway.notes.some((n) => n.startsWith('Run although aos-requires-health blocks it')));
});

test('an expired SAS URL: the first batch fails and stays failed, with no rollback, and the upgrade halts', () => {
  const run = simulate({ ...input({ trigger: 'aos' }), firstBatchFails: 'expired SAS' });
  assert.equal(run.status, 'Faulted');
  assert.equal(run.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  assert.equal(run.batches.length, 1);
  assert.deepEqual(
    run.batches[0]!.members.map((m) => m.outcome),
    ['failed', 'failed'],
  );
  assert.equal(run.rolledBack, 0);
  assert.ok(run.notes.some((n) => n.includes('The first batch fails and stays failed')));
  // The plan is failure-free.
  assert.equal(run.plan.batches.length, 5);
});

test('the blocks table names real rules, and the registry carries it', () => {
  for (const [id, blocks] of Object.entries(BLOCKS)) assert.equal(RULES.find((r) => r.id === id)?.blocks, blocks, id);
  assert.equal(RULES.find((r) => r.id === 'first-batch-failure-halts')?.blocks, undefined);
});

test('a real fixture Azure rejects (automatic OS upgrade without a health signal): the CodeLens leads with "Blocked by", the preview gets the blocker', () => {
  const { doc } = loadTemplate(join(import.meta.dirname, '../../../fixtures/real-templates/oslabs-vmss-image-upgrade.bicep'));
  const scaleSet = doc.model.scaleSets.find((s) => s.displayName === 'vmss1')!;
  assert.deepEqual(
    ls
      .simulationFindings(doc)
      .get(scaleSet)!
      .blockedBy.map((b) => [b.ruleId, b.blocks]),
    [['aos-requires-health', 'deployment']],
  );
  const index = doc.model.scaleSets.indexOf(scaleSet);
  const lens = ls.getCodeLenses(doc, { uri: 'u', failureRate: 0 })[index]!;
  assert.match(lens.command!.title, /^Blocked by aos-requires-health \| if run anyway: /);
  assert.match(String(lens.command!.tooltip), /^Blocked by aos-requires-health: Azure rejects the deployment\./);
  const info = ls.describeScaleSets(doc)[index]!;
  assert.equal(simulate(info.simulatorInput).status, 'Blocked');
  assert.equal(simulate({ ...info.simulatorInput, ignoreBlockers: true }).status, 'Completed');
});

test('Service Fabric node types walk update domains: every batch one update domain, limitedBy serviceFabricUpdateDomain, not "all at once"', () => {
  for (const [durability, mode] of [
    ['Silver', 'Automatic'],
    ['Bronze', 'Automatic'],
  ] as const) {
    const sf = { ...input({ mode, fleet: { capacity: 10 } }), serviceFabric: { durability } };
    const run = simulate(sf);
    assert.equal(run.strategy, 'rolling', durability);
    assert.equal(run.plan.batches.length, 5, '10 instances over 5 update domains');
    assert.ok(run.plan.batches.every((b) => b.size === 2 && b.limitedBy.join() === 'serviceFabricUpdateDomain'));
    assert.match(run.plan.explanation, /^Service Fabric walks its update domains: 5 batches of 2/);
    assert.ok(!run.notes.some((n) => /all at once|rejects/i.test(n)), run.notes.join('\n'));
  }
  const silver = simulate({ ...input({ mode: 'Automatic', healthSource: 'none' }), serviceFabric: { durability: 'Silver' } });
  assert.ok(silver.notes.some((n) => n.includes('with health from the cluster')));
  assert.ok(!silver.notes.some((n) => /health probe/.test(n)), 'Silver asks for no probe');
});

test('one instance touched is "1 instance touched"', () => {
  const run = simulate({ ...input({ fleet: { capacity: 1 } }), failures: { ...input().failures, badImage: true } });
  assert.match(summarizeRun(run), /1 instance touched/);
});

test('Service Fabric health: Silver and Gold from the cluster with no probe asked for; Bronze only with the Application Health extension', () => {
  for (const durability of ['Silver', 'Gold']) {
    for (const healthSource of ['none', 'probe', 'extension'] as const) {
      const run = simulate({ ...input({ trigger: 'aos', healthSource }), serviceFabric: { durability } });
      assert.ok(
        !run.notes.some((n) => /probe|Application Health extension|rejects/i.test(n)),
        `${durability}/${healthSource}: ${run.notes.join('\n')}`,
      );
      // The cluster's health gates each update domain: the health wait runs (5 min per batch of 2 here).
      assert.equal(run.batches[0]!.endSeconds - run.batches[0]!.startSeconds, 300, `${durability}/${healthSource}`);
    }
  }
  const bronze = (healthSource: 'none' | 'probe' | 'extension', trigger: 'aos' | 'model' = 'aos') =>
    simulate({ ...input({ trigger, mode: 'Automatic', healthSource }), serviceFabric: { durability: 'Bronze' } });
  const noExtension = /^Service Fabric Bronze node type without the Application Health extension: automatic OS upgrades need it/;
  assert.ok(
    bronze('none').notes.some((n) => noExtension.test(n)),
    bronze('none').notes.join('\n'),
  );
  // A load-balancer probe does not count on Service Fabric: the note says so, and nothing waits for it.
  const probe = bronze('probe');
  assert.ok(
    probe.notes.some((n) => noExtension.test(n) && n.includes('a load-balancer probe does not count')),
    probe.notes.join('\n'),
  );
  assert.equal(probe.batches[0]!.endSeconds - probe.batches[0]!.startSeconds, 240, 'judged when the upgrade ends');
  const extension = bronze('extension');
  assert.ok(!extension.notes.some((n) => noExtension.test(n)), extension.notes.join('\n'));
  assert.equal(extension.batches[0]!.endSeconds - extension.batches[0]!.startSeconds, 300, 'the extension is waited for');
  // A model update in mode Automatic is Service Fabric's walk too, but the extension requirement is automatic OS upgrades'.
  assert.ok(!bronze('none', 'model').notes.some((n) => noExtension.test(n)));
});
