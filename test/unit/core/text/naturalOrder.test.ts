// compareNatural, the order of zones and file paths: against ICU's "en, numeric" collation on the names it
// is used for (letters and digits; punctuation is ordered by code unit, not as ICU does), and as a total order on any strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareNatural } from '../../../../server/src/core/text/naturalOrder';

const sign = (n: number) => (n > 0 ? 1 : n < 0 ? -1 : 0);

test('zones and numbered names sort by value, not by character', () => {
  assert.deepEqual(['10', '2', '1', '3'].sort(compareNatural), ['1', '2', '3', '10']);
  assert.deepEqual(['vmss-10.json', 'vmss-9.json', 'vmss-100.json'].sort(compareNatural), ['vmss-9.json', 'vmss-10.json', 'vmss-100.json']);
  assert.deepEqual(['b', 'A', 'a', 'B'].sort(compareNatural), ['a', 'A', 'b', 'B']);
});

test('on letters and digits it agrees with localeCompare(en, numeric) wherever ICU tells two names apart', () => {
  const name = fc.stringMatching(/^[a-zA-Z0-9]{0,8}$/);
  fc.assert(
    fc.property(name, name, (a, b) => {
      const icu = a.localeCompare(b, 'en', { numeric: true });
      // ICU calls "01" and "1" equal; compareNatural orders them (a total order), so only check where ICU decides.
      if (icu !== 0) assert.equal(sign(compareNatural(a, b)), sign(icu), `${a} vs ${b}`);
    }),
    { numRuns: 5000 },
  );
});

test('is a total order: antisymmetric, zero only for equal strings, transitive', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
      assert.equal(sign(compareNatural(a, b)) + sign(compareNatural(b, a)), 0);
      assert.equal(compareNatural(a, b) === 0, a === b);
      const sorted = [a, b, c].sort(compareNatural);
      assert.ok(compareNatural(sorted[0]!, sorted[2]!) <= 0);
    }),
    { numRuns: 5000 },
  );
});
