import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/lspClient';
import { replay } from './harness/keep';
import { loadReproducer } from './harness/reproducer';

/**
 * Every failure a fuzz campaign found, shrunk and kept under test/fixtures/fuzz/: replayed on the built
 * server, each must now pass every check (its `note` says what it was and what fixed it).
 */
const DIR = join(ROOT, 'test/fixtures/fuzz');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

test('the fuzz reproducers folder holds reproducers', () => {
  assert.ok(FILES.length > 0);
  for (const file of FILES) {
    const r = loadReproducer(join(DIR, file));
    assert.ok(r.note && r.note.length > 20, `${file} says why it is kept`);
    assert.ok(r.case.steps.length > 0 && typeof r.case.document.text === 'string', file);
  }
});

for (const file of FILES) {
  test(`fuzz reproducer ${file}: passes every check`, async () => {
    const r = loadReproducer(join(DIR, file));
    const failures = await replay(r.case, { timeoutMs: 2_000, rssLimitMb: 1_024, fixesPerCase: 50 });
    assert.deepEqual(
      failures,
      [],
      `${r.failure.kind} in ${r.failure.method} (found by seed ${r.found.seed}, case ${r.found.index}): ${r.note}`,
    );
  });
}
