import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestName, editDistance } from '../../../../server/src/core/catalog/closestName';

const NAMES = [
  'maxBatchInstancePercent',
  'maxUnhealthyInstancePercent',
  'maxUnhealthyUpgradedInstancePercent',
  'pauseTimeBetweenBatches',
  'mode',
  'rollingUpgradePolicy',
  'automaticOSUpgradePolicy',
  'enableAutomaticOSUpgrade',
];

/** closestName as it was, comparing every candidate letter by letter: the reference for names of ordinary length. */
function reference(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = editDistance(lower, c);
    const contains = lower.length >= 4 && (c.includes(lower) || lower.includes(c));
    if ((distance <= Math.max(2, Math.floor(Math.max(lower.length, c.length) / 4)) || contains) && distance < bestScore) {
      best = candidate;
      bestScore = distance;
    }
  }
  return best;
}

test('suggestions: misspelt, re-cased and partial names', () => {
  assert.equal(closestName('maxBatchInstancePercnt', NAMES), 'maxBatchInstancePercent');
  assert.equal(closestName('BatchInstancePercent', NAMES), 'maxBatchInstancePercent');
  assert.equal(closestName('MODE', NAMES), 'mode');
  assert.equal(closestName('colour', NAMES), undefined);
  assert.equal(closestName('', NAMES), undefined);
});

test('the same suggestions as comparing every name letter by letter', () => {
  const word = fc.oneof(
    fc
      .constantFrom(...NAMES)
      .chain((n) =>
        fc
          .tuple(fc.nat(n.length), fc.nat(n.length), fc.string({ maxLength: 4 }))
          .map(([a, b, s]) => n.slice(0, Math.min(a, b)) + s + n.slice(Math.max(a, b))),
      ),
    fc.string({ maxLength: 40 }),
  );
  fc.assert(
    fc.property(word, (w) => assert.equal(closestName(w, NAMES), reference(w, NAMES))),
    { numRuns: 2_000 },
  );
});

test('a megabyte name (a key a template can hold) is not compared letter by letter with every candidate', () => {
  const huge = 'x'.repeat(1_000_000);
  assert.equal(closestName(huge, NAMES), undefined);
  assert.equal(closestName(`${huge}mode`, NAMES), 'mode', 'containing a name still suggests it, at the length difference');
  assert.equal(closestName(huge, [`${huge}y`]), `${huge}y`, 'and so does being contained in one');
  // Past 256 characters only containment counts: no name in Azure is that long.
  assert.equal(closestName('a'.repeat(300), [`${'a'.repeat(299)}b`]), undefined);
  assert.equal(reference('a'.repeat(300), [`${'a'.repeat(299)}b`]), `${'a'.repeat(299)}b`);
});
