// `vmss-upgrade simulate` through the built CLI (run `npm run build` first): formats, what-ifs, Monte Carlo, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/runCli';
import type { SimReport } from '../../../server/src/core/sim/report';

const TEMPLATE = 'test/fixtures/sim/template-aos-zones.json';

test('text: summary line, batch table, ASCII timeline, policy and assumptions', () => {
  const r = runCli(['simulate', TEMPLATE]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  // Cross-zone batches still respect update domains: 10 over 3 zones gives UDs of 3, 3, 3, 1 → 7 batches.
  assert.equal(lines[0], 'web-vmss (aos): Completed: 7 batches of 1–2, 41 min, ≥ 8/10 serving');
  assert.match(r.stdout, /^# +start +took +zone +UD\/FD +instances +outcome/m);
  assert.match(r.stdout, /^4 +24 min +5 min/m);
  assert.match(r.stdout, /timeline \(0 … 41 min; # ok/);
  assert.match(r.stdout, /^ {2}B0 +\|#+ +\|$/m);
  assert.match(r.stdout, /policy: batch 20%, unhealthy 20%, unhealthy upgraded 20%, pause 60 s, cross-zone; automatic rollback on/);
  assert.match(r.stdout, /assumptions: batchRounding=floor, upgradedDenominator=upgraded/);
});

test('json: the documented shape, with the effective policy and where each value came from', () => {
  const r = runCli(['simulate', TEMPLATE, '--format', 'json', '--seed', '5']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as SimReport;
  assert.equal(report.version, 1);
  assert.equal(report.scaleSet, 'web-vmss');
  assert.equal(report.trigger, 'aos');
  assert.equal(report.inputs.capacity, 10);
  assert.deepEqual(report.inputs.policy.maxBatchInstancePercent, { value: 20, origin: 'template', note: 'string "20" read as 20' });
  assert.equal(report.inputs.policy.pauseTimeBetweenBatchesSeconds?.value, 60);
  assert.equal(report.inputs.policy.maxSurge?.origin, 'azureDefault');
  assert.equal(report.inputs.provenance['capacity']?.origin, 'parameterDefault');
  assert.equal(report.inputs.assumptions.upgradedDenominator, 'upgraded');
  assert.equal(report.run.status, 'Completed');
  assert.equal(report.run.errorCode, null);
  assert.equal(report.run.batches.length, 7);
  assert.deepEqual(report.run.batches[0]!.zones, ['1', '2'], 'enableCrossZoneUpgrade: a batch may span zones');
  assert.deepEqual(Object.keys(report.run.batches[0]!), [
    'index',
    'size',
    'limitedBy',
    'instances',
    'zones',
    'domains',
    'startSeconds',
    'endSeconds',
    'outcome',
    'gates',
  ]);
  assert.equal(
    report.run.batches.reduce((n, b) => n + b.instances.length, 0),
    10,
  );
  assert.ok(report.run.events.length > 10);
  assert.equal(report.monteCarlo, undefined);
  // The plan: the same batches as the failure-free run, each smaller one with its reason.
  assert.deepEqual(Object.keys(report.plan.batches[0]!), ['index', 'size', 'instances', 'zones', 'domains', 'limitedBy']);
  assert.deepEqual(
    report.plan.batches.map((b) => [b.size, b.limitedBy]),
    report.run.batches.map((b) => [b.size, b.limitedBy]),
  );
  for (const b of report.plan.batches) assert.equal(b.size < report.plan.batchSize, b.limitedBy.length > 0, `batch ${b.index}`);
});

test('the same seed prints the same result; a different seed may not', () => {
  const args = ['simulate', TEMPLATE, '--format', 'json', '--failure-rate', '0.2', '--seed', '17'];
  assert.equal(runCli(args).stdout, runCli(args).stdout);
});

test('--trials adds Monte Carlo with the exact closed form and the sensitivity report', () => {
  const r = runCli([
    'simulate',
    TEMPLATE,
    '--format',
    'json',
    '--failure-rate',
    '0.05',
    '--trials',
    '4000',
    '--assume',
    'upgradedDenominator=total',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const mc = (JSON.parse(r.stdout) as SimReport).monteCarlo!;
  assert.equal(mc.trials, 4000);
  assert.equal(mc.closedForm.method, 'binomialTail');
  assert.ok(Math.abs(1 - mc.pComplete - mc.closedForm.pHalt!) < 4 * Math.sqrt((0.0115 * 0.9885) / 4000) + 1e-9);
  assert.deepEqual(Object.keys(mc.durationSeconds), ['p50', 'p90', 'p99', 'mean']);
  assert.ok(mc.sensitivity.some((s) => s.assumption === 'upgradedDenominator' && s.value === 'upgraded'));
  const text = runCli(['simulate', TEMPLATE, '--failure-rate', '0.05', '--trials', '2000']);
  assert.match(text.stdout, /monte carlo: 2000 trials: completes \d+\.\d%/);
  assert.match(text.stdout, /sensitive: upgradedDenominator=total/);
  assert.equal(text.stderr, '', 'no progress bar when stderr is not a terminal');
});

test("--format status and history print Azure's shapes", () => {
  const status = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'status', '--fail', '0', '--start', '2026-05-01T08:00:00Z']).stdout);
  assert.equal(status.type, 'Microsoft.Compute/virtualMachineScaleSets/rollingUpgrades');
  assert.equal(status.location, 'westeurope');
  assert.equal(status.properties.runningStatus.code, 'Faulted');
  assert.equal(status.properties.runningStatus.startTime, '2026-05-01T08:00:00.000Z');
  assert.equal(status.properties.error.code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  const history = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'history', '--bad-image']).stdout);
  assert.equal(history.properties.startedBy, 'Platform');
  assert.equal(history.properties.targetImageReference.version, 'latest');
  assert.equal(history.properties.rollbackInfo.successfullyRolledbackInstanceCount, 2);
  const model = runCli(['simulate', TEMPLATE, '--format', 'history', '--trigger', 'model']);
  assert.equal(model.code, 2);
  assert.match(model.stderr, /OS image upgrades only/);
});

test('what-ifs: capacity, zones, trigger and assumptions change the plan', () => {
  const r = JSON.parse(
    runCli([
      'simulate',
      TEMPLATE,
      '--format',
      'json',
      '--capacity',
      '30',
      '--zones',
      '1,2',
      '--trigger',
      'manual-os',
      '--assume',
      'manualOsPolicy=rollingPolicy',
    ]).stdout,
  ) as SimReport;
  assert.equal(r.trigger, 'manual-os');
  assert.equal(r.inputs.capacity, 30);
  assert.deepEqual(r.inputs.zones, ['1', '2']);
  assert.equal(r.inputs.provenance['capacity']?.origin, 'override');
  assert.equal(r.run.batchSize, 6);
  assert.ok(r.run.notes.some((n) => /no automatic rollback/.test(n)));
});

test('timing what-ifs: slower upgrades stretch the timeline; healthy after more than 5 minutes fails', () => {
  const slow = JSON.parse(
    runCli(['simulate', TEMPLATE, '--format', 'json', '--upgrade-seconds', '600', '--healthy-seconds', '120']).stdout,
  ) as SimReport;
  assert.equal(slow.run.batches[0]!.endSeconds, 720);
  assert.equal(slow.inputs.whatIf.timings && (slow.inputs.whatIf.timings as { upgradeSeconds: number }).upgradeSeconds, 600);
  const late = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'json', '--healthy-seconds', '301']).stdout) as SimReport;
  assert.equal(late.run.errorCode, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
  const flap = JSON.parse(runCli(['simulate', TEMPLATE, '--format', 'json', '--flap', '0.9']).stdout) as SimReport;
  assert.equal(flap.run.errorCode, 'MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade');
});

test('several scale sets need --scale-set; bad options are usage errors (exit 2)', () => {
  const many = runCli(['simulate', 'test/fixtures/real-templates/sf-10vm-2nt-win-stateless.json']);
  assert.equal(many.code, 2);
  assert.match(many.stderr, /has 2 scale sets; choose one with --scale-set \(nt1vm, nt2vm\)/);
  const picked = runCli(['simulate', 'test/fixtures/real-templates/sf-10vm-2nt-win-stateless.json', '--scale-set', 'NT2VM']);
  assert.equal(picked.code, 0, picked.stderr);
  assert.match(picked.stdout, /^nt2vm \(model\): Completed: 5 batches of 1,/);
  for (const [args, message] of [
    [['--assume', 'nope=1'], /unknown assumption 'nope'/],
    [['--assume', 'batchRounding'], /NAME=VALUE/],
    [['--failure-rate', '2'], /--failure-rate must be a number from 0 to 1/],
    [['--capacity', '-3'], /--capacity must be a whole number/],
    [['--format', 'xml'], /--format must be one of text, json, status, history/],
    [['--scale-set', 'x'], /no scale set named 'x'/],
  ] as const) {
    const r = runCli(['simulate', TEMPLATE, ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, message);
  }
  const help = runCli(['simulate', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--assume NAME=VALUE/);
});

test('a progress bar on stderr only when stderr is a terminal and the Monte Carlo run is long', async () => {
  const { simulateCommand } = await import('../../../server/src/cli/commands/simulate');
  const run = async (tty: boolean, trials: string) => {
    let out = '';
    let err = '';
    const io = {
      stdout: (t: string) => {
        out += t;
      },
      stderr: (t: string) => {
        err += t;
      },
      stderrIsTTY: tty,
      cwd: process.cwd(),
    };
    const code = await simulateCommand.run(
      ['test/fixtures/sim/template-aos-zones.json', '--capacity', '100', '--trials', trials, '--format', 'json'],
      io,
    );
    return { code, out, err };
  };
  const tty = await run(true, '10000');
  assert.equal(tty.code, 0);
  assert.match(tty.err, /\rsimulating \[#{30}\] 100% \(10000\/10000\)\n$/);
  assert.equal(JSON.parse(tty.out).monteCarlo.trials, 10000);
  assert.equal((await run(false, '10000')).err, '');
  assert.equal((await run(true, '50')).err, '');
});

test('a template Azure rejects simulates to Blocked with the finding; --ignore-blockers runs it anyway', () => {
  const file = 'test/fixtures/real-templates/oslabs-vmss-image-upgrade.bicep';
  const r = runCli(['simulate', file, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as SimReport;
  assert.equal(report.run.status, 'Blocked');
  assert.deepEqual(
    report.run.blockedBy.map((b) => b.ruleId),
    ['aos-requires-health'],
  );
  assert.equal(report.run.batches.length, 0);
  assert.ok(report.plan.batches.length > 0, 'the plan still says what would run');
  assert.match(runCli(['simulate', file]).stdout, /Blocked by aos-requires-health/);
  const status = runCli(['simulate', file, '--format', 'status']);
  assert.equal(status.code, 2);
  assert.match(status.stderr, /--ignore-blockers/);
  const anyway = JSON.parse(runCli(['simulate', file, '--format', 'json', '--ignore-blockers']).stdout) as SimReport;
  assert.equal(anyway.run.status, 'Completed');
  assert.ok(anyway.run.notes.some((n) => /^Run although aos-requires-health blocks it/.test(n)));
});
