// `vmss-upgrade simulate` through the built CLI (run `npm run build` first): formats, what-ifs, Monte Carlo, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/runCli';
import type { SimReport } from '../../../server/src/core/sim/report';

const TEMPLATE = 'test/fixtures/sim/template-aos-zones.json';

test('text: summary line, batch table, ASCII timeline, policy and assumptions', () => {
  const r = runCli(['simulate', TEMPLATE]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  // Cross-zone batches still respect update domains: 10 over 3 zones gives UDs of 3, 3, 3, 1 → 7 batches.
  assert.equal(lines[0], 'web-vmss (aos): Completed: 7 batches of 1–2, 41 min, ≥ 8/10 serving');
  assert.match(r.stdout, /^batch +start +took +zone +UD\/FD +instances +outcome/m);
  // Batches are numbered from 1, as the preview labels them: the fifth starts at 24 min.
  assert.match(r.stdout, /^5 +24 min +5 min/m);
  assert.match(r.stdout, /timeline \(0 … 41 min; # ok/);
  assert.match(r.stdout, /^ {2}B1 +\|#+ +\|$/m);
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
  assert.equal(mc.sensitivityTrials, 1000);
  const text = runCli(['simulate', TEMPLATE, '--failure-rate', '0.05', '--trials', '2000']);
  assert.match(text.stdout, /monte carlo: 2000 trials: completes \d+\.\d%/);
  // The switches' deltas are against the first 1,000 trials as assumed, which the text names with their own share.
  const header =
    /assumptions that change the outcome, each switched over the first 1000 trials \(same seeds; as assumed, (\d+\.\d)% of them complete\):\n {2}sensitive: upgradedDenominator=total: P\(complete\) (\d+\.\d)% \(([+−])(\d+\.\d) points\)/.exec(
      text.stdout,
    );
  assert.ok(header, text.stdout);
  const [, base, switched, sign, delta] = header;
  assert.ok(Math.abs(Number(switched) - Number(base) - (sign === '+' ? 1 : -1) * Number(delta)) <= 0.11, header[0]);
  assert.equal(text.stderr, '', 'no progress bar when stderr is not a terminal');
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

test('an assumption under which the upgrade stops before its first batch says so, not "0 batches, 0 s"', () => {
  // Batches of 5 (50 % of 10, not held to the unhealthy limit) against a 20 % limit: counting the batch in the
  // pre-batch gate stops the upgrade at once.
  const dir = mkdtempSync(join(tmpdir(), 'vmss-pregate-'));
  const file = join(dir, 'template.json');
  writeFileSync(
    file,
    JSON.stringify({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      resources: [
        {
          type: 'Microsoft.Compute/virtualMachineScaleSets',
          apiVersion: '2024-07-01',
          name: 'web',
          sku: { capacity: 10 },
          properties: {
            upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 50, maxUnhealthyInstancePercent: 20 } },
            virtualMachineProfile: {
              networkProfile: {
                healthProbe: { id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/loadBalancers/lb/probes/p' },
              },
            },
          },
        },
      ],
    }),
  );
  const r = runCli(['simulate', file, '--assume', 'batchShrinksWithUnhealthy=no', '--assume', 'domainBoundaries=ignore']);
  assert.equal(r.code, 0, r.stderr);
  const note = r.stdout.split('\n').find((line) => line.includes('assumption preBatchGateCountsBatch=no'));
  assert.ok(note, r.stdout);
  assert.match(note, /gives 2 batches of 5, .*; with yes: a stop before the first batch\.$/);
  assert.doesNotMatch(r.stdout, /\b0 batches\b/);
  // Seen from the other side, the stop is the plan this assumption gives.
  const yes = runCli([
    'simulate',
    file,
    '--assume',
    'batchShrinksWithUnhealthy=no',
    '--assume',
    'domainBoundaries=ignore',
    '--assume',
    'preBatchGateCountsBatch=yes',
  ]);
  assert.match(yes.stdout, /assumption preBatchGateCountsBatch=yes gives a stop before the first batch; with no: 2 batches of 5, /);
});

test('an assumption under which the upgrade stops part-way says how far it got', () => {
  // examples/rolling-zones.json takes 1 h 8 min in 10 batches of 1: a one-hour upgrade timeout stops it after 9.
  const r = runCli(['simulate', 'examples/rolling-zones.json']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /assumption upgradeTimeout=none gives 10 batches of 1, .*; with oneHour: a stop after 9 batches of 1 \(9 of 10 instances\), /,
  );
  const cut = runCli(['simulate', 'examples/rolling-zones.json', '--assume', 'upgradeTimeout=oneHour']);
  assert.match(
    cut.stdout,
    /assumption upgradeTimeout=oneHour gives a stop after 9 batches of 1 \(9 of 10 instances\), [^;]*; with none: 10 batches of 1, /,
  );
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

test('a what-if that makes no sense is one line on stderr and exit 2, never a crash or a clamp', () => {
  const cases: [string[], RegExp][] = [
    [
      ['--capacity', '0'],
      /^vmss-upgrade simulate: --capacity must be a whole number of instances from 1 to 1000 \(got '0'\): an upgrade of no instance/,
    ],
    [['--capacity', '-3'], /--capacity must be a whole number of instances from 1 to 1000 \(got '-3'\)/],
    [['--capacity', '2.5'], /--capacity must be a whole number of instances/],
    [
      ['--upgrade-seconds', '-5'],
      /--upgrade-seconds must be a whole number of seconds from 0 to 86400 \(got '-5'\): a time cannot be negative/,
    ],
    [['--healthy-seconds', '-1'], /--healthy-seconds must be a whole number of seconds from 0 to 86400 \(got '-1'\)/],
    [['--failure-rate', '1.5'], /--failure-rate must be a number from 0 to 1 \(got '1\.5'\): it is a probability/],
    [['--failure-rate', '-0.1'], /--failure-rate must be a number from 0 to 1/],
    [['--failure-rate', 'NaN'], /--failure-rate must be a number from 0 to 1/],
    [['--flap', '2'], /--flap must be a number from 0 to 1/],
    [['--unhealthy', '11'], /--unhealthy: unhealthy instances \(11\) cannot be more than the capacity \(10 instances\)/],
    [['--fail', '10'], /--fail 10: the scale set simulated has instances 0 to 9 only \(capacity 10\)/],
    [['--target-version', 'a b'], /--target-version must be an image version/],
    [['--at', '-1'], /--at must be a whole number of seconds, 0 or more/],
  ];
  for (const [args, message] of cases) {
    const r = runCli(['simulate', TEMPLATE, ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line, got ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/, args.join(' '));
  }
  // The edges are fine.
  for (const args of [
    ['--capacity', '1'],
    ['--failure-rate', '1'],
    ['--upgrade-seconds', '0'],
    ['--unhealthy', '10'],
  ])
    assert.equal(runCli(['simulate', TEMPLATE, ...args]).code, 0, args.join(' '));
});

test("text: a policy value the template does not set says so, and Service Fabric's walk names no percentages", () => {
  const rolling = runCli(['simulate', 'test/fixtures/real-templates/sf-10vm-2nt-win-stateless.json', '--scale-set', 'nt2vm']);
  assert.match(
    rolling.stdout,
    /^policy: batch 20% \(default\), unhealthy 20% \(default\), unhealthy upgraded 20% \(default\), pause 0 s \(default\);/m,
  );
  const walk = runCli(['simulate', 'test/fixtures/real-templates/sf-win-managed-identity.json']);
  assert.match(walk.stdout, /^policy: none applies \(Service Fabric walks its update domains/m);
  assert.doesNotMatch(walk.stdout, /batch 100%/);
});
