import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCampaign } from './harness/campaign';
import { formatSummary } from './harness/summary';

/**
 * The fuzz campaign `npm test` runs: a fixed seed (FUZZ_SEED=<n> explores another), a few hundred
 * mutated documents against the built server within 40 s. Any failure fails the test with its case
 * saved (unshrunk) for `npm run fuzz -- --replay FILE`; `npm run fuzz` runs long campaigns.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const DOCS = Number(process.env.FUZZ_DOCS ?? 500);

test(`fuzz campaign: seed ${SEED}, up to ${DOCS} documents in 40 s, no crash, hang, error, invalid range, corrupting fix or markup leak`, async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'vmss-fuzz-'));
  const summary = await runCampaign({
    seed: SEED,
    docs: DOCS,
    budgetMs: 40_000,
    timeoutMs: 2_000,
    rssLimitMb: 1_500,
    rssGrowthLimitMb: 400,
    fixesPerCase: 8,
    shrinkMs: 0,
    maxShrinks: 0,
    outDir,
  });
  const report = formatSummary(summary);
  // Under load the budget may end the campaign early, but not before it has done real work.
  assert.ok(summary.documents >= Math.min(DOCS, 60), `only ${summary.documents} documents:\n${report}`);
  assert.ok(summary.requests > summary.documents * 10 && summary.fixesApplied > summary.documents / 10, report);
  assert.equal(summary.harnessErrors, 0, report);
  assert.deepEqual(
    summary.distinct.map((d) => d.signature),
    [],
    report,
  );
});
