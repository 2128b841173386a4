import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FuzzCase } from './harness/generate';
import { halveRuns, repeatedUnits, shrinkCase } from './harness/shrink';

const big: FuzzCase = {
  seed: 1,
  index: 2,
  source: 'x',
  mutations: [],
  document: {
    uri: 'file:///tmp/x.json',
    languageId: 'json',
    text: `{\n  "a": 1,\n  "capacity": 2147483648,\n  "b": ${'['.repeat(5_000)}${']'.repeat(5_000)}\n}\n`,
  },
  companion: { uri: 'file:///tmp/x.parameters.json', languageId: 'json', text: '{}' },
  steps: [
    { op: 'symbols' },
    { op: 'hover', at: 5 },
    { op: 'codeLens' },
    { op: 'parameters', link: true },
    { op: 'diagnostics' },
    { op: 'codeLens' },
  ],
};

test('shrinking keeps what the failure needs: the one step, no parameters file, the text down to the trigger', async () => {
  let calls = 0;
  const stillFails = async (c: FuzzCase) => {
    calls++;
    return c.document.text.includes('2147483648') && c.steps.some((s) => s.op === 'codeLens');
  };
  const { case: small, attempts, timedOut } = await shrinkCase(big, stillFails, 30_000);
  assert.equal(timedOut, false);
  assert.equal(attempts, calls);
  assert.deepEqual(small.steps, [{ op: 'codeLens' }]);
  assert.equal(small.companion, undefined);
  assert.equal(small.document.text, '2147483648');
});

test('shrinking nesting: runs of brackets are halved together, so the text stays balanced', async () => {
  const balanced = (t: string) => t.split('[').length === t.split(']').length;
  const stillFails = async (c: FuzzCase) => balanced(c.document.text) && c.document.text.includes('[[[[[[[[');
  const { case: small } = await shrinkCase(
    { ...big, document: { ...big.document, text: `${'['.repeat(5_000)}${']'.repeat(5_000)}` } },
    stillFails,
    30_000,
  );
  // Halving stops at runs of 16; chunk removal then cannot take one bracket without its match, so a little more than the minimum stays.
  assert.ok(balanced(small.document.text) && small.document.text.length <= 32, small.document.text);
});

test('shrinking stops at its budget with the smallest failing case found so far', async () => {
  let now = 0;
  const { case: small, timedOut } = await shrinkCase(
    big,
    async (c) => {
      now += 10;
      return c.steps.length > 0;
    },
    25,
    () => now,
  );
  assert.equal(timedOut, true);
  assert.ok(small.steps.length < big.steps.length && small.steps.length > 0);
});

test('repeated units are found by period, and halved where they run', () => {
  assert.deepEqual(repeatedUnits(`x${'ab'.repeat(20)}y${'['.repeat(30)}`), ['ab', '[']);
  assert.equal(halveRuns(`${'{"a":'.repeat(20)}1`, '{"a":'), `${'{"a":'.repeat(10)}1`);
  assert.equal(halveRuns('[[[', '['), '[[[', 'runs under 16 stay');
});
