// `vmss-upgrade advise` through the built CLI: the JSON contract of docs/cli.md, text and markdown, goals,
// exit codes, and bad input as one line with exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runCli } from '../../helpers/runCli';
import { getLanguageService } from '../../../server/src/core/languageService';
import { advisePolicy, adviceContract, dominates } from '../../../server/src/core/advisor';
import type { AdviceContract, ContractCandidate } from '../../../server/src/core/advisor';

const ZONAL = 'test/fixtures/advisor/zonal-10.json';
const REGIONAL = 'test/fixtures/advisor/regional-100.bicep';
const SF = 'test/fixtures/real-templates/sf-5vm-ubuntu-1nt.json';
const MANUAL = 'test/fixtures/real-templates/qs-vmss-ubuntu-autoscale.json';

const CANDIDATE_KEYS = ['badImageTouched', 'durationP50Seconds', 'durationP90Seconds', 'minServing', 'pHalt', 'policy'];

function contract(args: readonly string[]): { code: number; json: AdviceContract } {
  const r = runCli(['advise', ...args, '--format', 'json']);
  assert.equal(r.stderr, '');
  return { code: r.code, json: JSON.parse(r.stdout) as AdviceContract };
}

function checkCandidate(c: ContractCandidate): void {
  assert.deepEqual(Object.keys(c).sort(), CANDIDATE_KEYS);
  assert.ok(c.pHalt >= 0 && c.pHalt <= 1);
  assert.ok(c.durationP90Seconds >= c.durationP50Seconds);
}

test('the JSON contract: version, scale set, goals with their defaults, current, recommended, missed goals, front', () => {
  const { code, json } = contract([ZONAL]);
  assert.equal(code, 0);
  assert.deepEqual(Object.keys(json), ['version', 'scaleSet', 'goals', 'current', 'recommended', 'missedGoals', 'front']);
  assert.equal(json.version, 1);
  assert.equal(json.scaleSet, 'web');
  assert.deepEqual(json.goals, { failureRate: 0.02, maxHalt: 0.05, maxBadImageTouched: 1, minServing: 9, maxDurationSeconds: null });
  for (const c of [json.current, json.recommended!, ...json.front]) checkCandidate(c);
  assert.deepEqual(json.missedGoals, []);
  assert.ok(json.recommended!.pHalt <= 0.05);
  assert.ok(json.current.pHalt > 0.05);
  assert.deepEqual(Object.keys(json.current.policy), [
    'maxBatchInstancePercent',
    'maxUnhealthyInstancePercent',
    'maxUnhealthyUpgradedInstancePercent',
    'pauseTimeBetweenBatches',
    'maxSurge',
    'prioritizeUnhealthyInstances',
  ]);
  for (const a of json.front)
    for (const b of json.front)
      assert.ok(!dominates({ ...a, pHaltMethod: 'monteCarlo', batches: '' }, { ...b, pHaltMethod: 'monteCarlo', batches: '' }));
  // The CLI prints the engine's advice as it is: the same numbers as the facade's call.
  const ls = getLanguageService();
  const model = ls.createDocument(ZONAL, undefined, readFileSync(ZONAL, 'utf8')).model.scaleSets[0]!;
  const direct = advisePolicy(model);
  assert.equal(direct.kind, 'advice');
  if (direct.kind === 'advice') assert.deepEqual(json, JSON.parse(JSON.stringify(adviceContract(direct))));
});

test("goals from the command line are the output's goals; a goal no policy meets exits 1 and names it", () => {
  const { code, json } = contract([
    REGIONAL,
    '--failure-rate',
    '0.05',
    '--max-halt',
    '0.1',
    '--max-bad-image',
    '40',
    '--min-serving',
    '60',
    '--max-duration',
    'PT3H',
  ]);
  assert.equal(code, 0);
  assert.deepEqual(json.goals, { failureRate: 0.05, maxHalt: 0.1, maxBadImageTouched: 40, minServing: 60, maxDurationSeconds: 10800 });
  assert.ok(json.recommended!.minServing >= 60 && json.recommended!.badImageTouched <= 40 && json.recommended!.durationP90Seconds <= 10800);
  const tight = contract([REGIONAL, '--max-duration', '600']);
  assert.equal(tight.code, 1);
  assert.ok(tight.json.missedGoals.includes('maxDurationSeconds'));
  assert.equal(contract([REGIONAL, '--max-duration', '600']).json.goals.maxDurationSeconds, 600);
});

test('text and markdown: current against recommended, the change, the front and the assumptions that would change the numbers', () => {
  const text = runCli(['advise', ZONAL]);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^web: model update of 10 instances, 2\.0 % of upgraded instances failing, 100 trials per policy\n/);
  assert.match(text.stdout, /\ncurrent {2,}20 {2,}20 {2,}20 {2,}PT0S/);
  assert.match(text.stdout, /\nchange: maxUnhealthyUpgradedInstancePercent 20 → \d+\n/);
  assert.match(text.stdout, /P\(halt\) at most 5\.0 % \(default\)/);
  assert.match(text.stdout, /assumptions that would change these numbers:\n {2}upgradedDenominator=total: /);
  const md = runCli(['advise', ZONAL, '--format', 'markdown']);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^### Rolling policy advice: `web`\n/);
  assert.match(md.stdout, /\| current \| 20 \| 20 \| 20 \| PT0S \| false \|/);
  assert.match(md.stdout, /\| \*\*recommended\*\* \| 20 \| 20 \| \d+ \| PT0S \| false \|/);
  assert.match(md.stdout, /\*\*Change\*\*: `maxUnhealthyUpgradedInstancePercent` 20 → \d+\. It meets every goal\./);
  assert.match(md.stdout, /<details><summary>Pareto front: \d+ of \d+ policies evaluated<\/summary>/);
  assert.match(md.stdout, /\*\*Assumptions that would change these numbers\*\*/);
});

test('bad input: one line on stderr, exit 2, nothing on stdout', () => {
  const cases: [readonly string[], RegExp][] = [
    [[ZONAL, '--failure-rate', '1.5'], /^vmss-upgrade advise: --failure-rate must be a number from 0 to 1 \(got '1\.5'\)\n$/],
    [[ZONAL, '--failure-rate', '-0.1'], /^vmss-upgrade advise: --failure-rate must be a number from 0 to 1/],
    [[ZONAL, '--max-halt', 'five'], /^vmss-upgrade advise: --max-halt must be a number from 0 to 1/],
    [
      [ZONAL, '--min-serving', '11'],
      /^vmss-upgrade advise: contradictory goals: at least 11 serving is more than the 10 instances of web\n$/,
    ],
    [[ZONAL, '--max-bad-image', '0'], /^vmss-upgrade advise: contradictory goals: a bad image touches at least the first batch/],
    [
      [ZONAL, '--max-duration', 'soon'],
      /^vmss-upgrade advise: --max-duration takes an ISO 8601 duration such as PT2H, or seconds \(got 'soon'\)\n$/,
    ],
    [[ZONAL, '--assume', 'nope=1'], /^vmss-upgrade advise: unknown assumption 'nope'/],
    [[ZONAL, '--format', 'sarif'], /^vmss-upgrade advise: --format must be one of text, json, markdown/],
    [
      [MANUAL],
      /^vmss-upgrade advise: nothing to tune: .+ is in mode Manual without automatic OS upgrade, so no rolling upgrade runs and its policy is never used\n$/,
    ],
    [
      [SF],
      /^vmss-upgrade advise: nothing to tune: nt1vm is a Service Fabric node type, whose upgrade walks its update domains one at a time whatever the rolling policy says\n$/,
    ],
    [
      ['test/fixtures/real-templates/sf-15vm-win-cross-az.json'],
      /^vmss-upgrade advise: .+ has 3 scale sets; choose one with --scale-set \(nt1, nt11, nt12\)\n$/,
    ],
    [['test/fixtures/advisor/missing.json'], /^vmss-upgrade advise: /],
    [[], /^vmss-upgrade advise: expected one FILE, got 0/],
  ];
  for (const [args, pattern] of cases) {
    const r = runCli(['advise', ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, pattern, args.join(' '));
    assert.ok(!/internal error|\n {4}at /.test(r.stderr), r.stderr);
  }
});

test('a template with no scale set and a file that does not parse are errors, not empty advice', () => {
  const none = runCli(['advise', 'package.json']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no virtual machine scale set found|does not parse/);
});
