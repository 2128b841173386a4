// The CLI's work is bounded whatever the template says: the capacity reproducers of issue 17
// (test/fixtures/robustness, copied byte for byte from the mutation campaign's findings: lint and simulate
// took 10–13 GB and over 20 s) answer within a second and 300 MB, and parse errors are capped in every format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliBounded, type BoundedRun } from '../../helpers/processLimits';
import { runCli } from '../../helpers/runCli';
import type { LintReport } from '../../../server/src/cli/lintReport';
import type { ScanReport } from '../../../server/src/cli/scanReport';

const FIXTURES = join(import.meta.dirname, '../../fixtures/robustness');
const BUDGET = { ms: 1000, mb: 300 };

async function bounded(args: readonly string[]): Promise<BoundedRun> {
  // Killed well past the budget, so a regression fails here instead of exhausting the machine.
  const run = await runCliBounded(args, { killAboveMb: 1000, timeoutMs: 20_000 });
  assert.equal(run.stopped, undefined, `${args.join(' ')}: ${run.stopped}`);
  // The budget is the process's CPU time (startup included): what the template makes it do. Wall time on this
  // shared 2-core machine also counts whatever else runs; the 20 s kill above bounds that.
  assert.ok(run.cpuMs !== undefined && run.cpuMs < BUDGET.ms, `${args.join(' ')}: ${run.cpuMs} ms of CPU (${run.ms} ms wall)`);
  if (run.peakMb !== undefined) assert.ok(run.peakMb < BUDGET.mb, `${args.join(' ')}: ${run.peakMb} MB`);
  return run;
}

const REPRODUCERS: readonly (readonly [string, number, string[]])[] = [
  ['R2-capacity-100000.json', 100000, []],
  ['R2b-capacity-2147483648.json', 2147483648, []],
  ['R7-inlayhint-capacity-2pow53.json', 9007199254740992, []],
  ['R2c-bicep-capacity-1e9.bicep', 1000000000, ['--scale-set', "'v${i}'"]],
];

for (const [file, capacity, pick] of REPRODUCERS) {
  test(`${file}: lint reports the capacity, simulate runs 1,000 instances and says so, each within 1 s and 300 MB`, async () => {
    const path = join(FIXTURES, file);
    const lint = await bounded(['lint', path, '--format', 'json']);
    assert.equal(lint.code, 1);
    const report = JSON.parse(lint.stdout) as LintReport;
    const finding = report.files[0]!.diagnostics.find(
      (d) => d.ruleId === 'capacity-out-of-range' && d.message.startsWith(`sku.capacity ${capacity} `),
    );
    assert.ok(finding, lint.stdout);
    assert.ok(!report.files[0]!.diagnostics.some((d) => d.ruleId === 'internal-rule-error'), 'no rule fails on it');

    // Azure rejects the deployment, so the simulation is Blocked; --ignore-blockers runs the 1,000 it allows.
    const blocked = JSON.parse((await bounded(['simulate', path, ...pick, '--format', 'json'])).stdout) as { run: { status: string } };
    assert.equal(blocked.run.status, 'Blocked');
    const simulate = await bounded(['simulate', path, ...pick, '--format', 'json', '--failure-rate', '0.02', '--ignore-blockers']);
    assert.equal(simulate.code, 0, simulate.stderr);
    const sim = JSON.parse(simulate.stdout) as { inputs: { capacity: number }; run: { notes: string[]; summary: string } };
    assert.equal(sim.inputs.capacity, 1000);
    assert.ok(
      sim.run.notes.includes(`sku.capacity ${capacity} is more than Azure allows (1000 instances): simulated with 1000.`),
      sim.run.notes.join('\n'),
    );
    assert.match(sim.run.summary, /\/1000 serving/);

    const text = await bounded(['simulate', path, ...pick, '--ignore-blockers']);
    assert.match(
      text.stdout,
      new RegExp(`note: sku\\.capacity ${capacity} is more than Azure allows \\(1000 instances\\): simulated with 1000\\.`),
    );
  });
}

test('--capacity and --trials are bounded: at most 1,000 instances and 1,000,000 trials', () => {
  const path = join(FIXTURES, 'R2-capacity-100000.json');
  for (const [args, message] of [
    [['--capacity', '1001'], /--capacity must be a whole number of instances from 1 to 1000 \(got '1001'\)/],
    [['--trials', '1000001'], /--trials must be between 0 and 1000000 \(got 1000001\)/],
  ] as const) {
    const r = runCli(['simulate', path, ...args]);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, message);
  }
  assert.equal(runCli(['simulate', path, '--capacity', '1000']).code, 0);
});

/** 400 KB of broken JSON with 200,000 parse errors (one per token), around one scale set. */
function brokenFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-errors-'));
  const path = join(dir, 'broken.json');
  writeFileSync(
    path,
    `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "v", "properties": { "upgradePolicy": { "mode": "Manual" } } } ],\n${'@ x\n'.repeat(100_000)}}\n`,
  );
  return path;
}

test('parse errors: the first 100 per file are listed and the rest counted, in text, JSON and SARIF (lint) and in scan', async () => {
  const path = brokenFile();
  const text = await bounded(['lint', path]);
  assert.equal(text.code, 1);
  const lines = text.stdout.trimEnd().split('\n');
  assert.equal(lines.filter((l) => /^ +\d+:\d+ {2}error {2}Invalid symbol\. +parse-error$/.test(l)).length, 100);
  assert.ok(
    lines.some((l) => /^ +error {2}199900 more parse errors not listed \(the first 100 are\) +parse-error$/.test(l)),
    lines.slice(-3).join('\n'),
  );
  assert.equal(lines[lines.length - 1], '✖ 200000 problems (200000 errors) in 1 file checked');
  assert.ok(text.stdout.length < 20_000, `${text.stdout.length} characters`);

  const json = await bounded(['lint', path, '--format', 'json']);
  const report = JSON.parse(json.stdout) as LintReport;
  assert.equal(report.files[0]!.parseErrors.length, 100);
  assert.equal(report.files[0]!.parseErrorsOmitted, 199900);
  assert.ok(json.stdout.length < 100_000, `${json.stdout.length} characters (was 57 MB)`);

  const sarif = await bounded(['lint', path, '--format', 'sarif']);
  const run = (
    JSON.parse(sarif.stdout) as {
      runs: {
        results: { ruleId: string }[];
        invocations?: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[];
      }[];
    }
  ).runs[0]!;
  assert.equal(run.results.filter((r) => r.ruleId === 'parse-error').length, 100);
  assert.deepEqual(
    run.invocations?.[0]?.toolExecutionNotifications.map((n) => [n.level, n.message.text]),
    [['warning', '199900 more parse errors not listed (the first 100 are)']],
  );
  assert.equal(run.invocations?.[0]?.executionSuccessful, true);

  const scan = await bounded(['scan', path, '--format', 'json']);
  const scanned = JSON.parse(scan.stdout) as ScanReport;
  assert.deepEqual([scanned.parseErrors.length, scanned.parseErrorsOmitted, scanned.scaleSets.length], [100, 199900, 1]);
  assert.match((await bounded(['scan', path])).stdout, /broken\.json: 199900 more parse errors not listed \(the first 100 are\)\n/);
});

test('a file with few parse errors lists them all and counts none omitted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-errors-'));
  const path = join(dir, 'two.json');
  writeFileSync(path, '{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets" "name": "v" } ] }');
  const report = JSON.parse(runCli(['lint', path, '--format', 'json']).stdout) as LintReport;
  assert.deepEqual([report.files[0]!.parseErrors.length, report.files[0]!.parseErrorsOmitted], [1, 0]);
  const sarif = JSON.parse(runCli(['lint', path, '--format', 'sarif']).stdout) as { runs: { invocations?: unknown }[] };
  assert.equal(sarif.runs[0]!.invocations, undefined);
});
