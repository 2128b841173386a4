import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LAZY_MAX_DEPTH } from '../../../../server/src/core/json/lazyTree';
import { parseJson, reparseJson } from '../../../../server/src/core/json/parseJson';
import { rescanStrictJson } from '../../../../server/src/core/json/rescan';
import { scanStrictJson, type Containers } from '../../../../server/src/core/json/strictScan';
import { textChange } from '../../../../server/src/core/text/textChange';
import { apply, applyValid, edit, fraction } from '../textEdits';

const REAL = join(import.meta.dirname, '../../../fixtures/real-templates');
const STRICT = readdirSync(REAL)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(REAL, f), 'utf8'))
  .filter((text) => scanStrictJson(text, LAZY_MAX_DEPTH) !== undefined);

function entries(c: Containers): unknown {
  return {
    count: c.count,
    start: [...c.start.subarray(0, c.count)],
    end: [...c.end.subarray(0, c.count)],
    next: [...c.next.subarray(0, c.count)],
  };
}

describe('rescanStrictJson', () => {
  it('finds what a whole scan of the new text finds, or declines (real templates, random edits)', () => {
    assert.ok(STRICT.length >= 10, 'strict real templates to edit');
    let rescanned = 0;
    fc.assert(
      fc.property(fc.nat({ max: STRICT.length - 1 }), fc.array(fc.oneof(edit, fraction), { minLength: 1, maxLength: 3 }), (k, edits) => {
        const before = STRICT[k]!;
        const after = edits.reduce((t, e) => (typeof e === 'number' ? applyValid(t, e) : apply(t, e)), before);
        const change = textChange(before, after);
        if (!change) return;
        const whole = scanStrictJson(after, LAZY_MAX_DEPTH);
        const partial = rescanStrictJson(scanStrictJson(before, LAZY_MAX_DEPTH)!, after, change, LAZY_MAX_DEPTH);
        if (partial) {
          rescanned++;
          assert.ok(whole, 'a rescan accepts only strict JSON');
          assert.deepEqual(entries(partial), entries(whole));
        } else if (whole) {
          // Declined although the text is valid: only when no container strictly encloses the change.
          const old = scanStrictJson(before, LAZY_MAX_DEPTH)!;
          assert.ok(!(old.start[0]! < change.offset && change.offset + change.removed <= old.end[0]!), 'declined a change inside the root');
        }
      }),
      { numRuns: 2000, seed: 20261203 },
    );
    assert.ok(rescanned > 500, `rescanned ${rescanned} of 2000`);
  });

  it('declines a change that makes a nested object invalid, and the parse then reports it', () => {
    const before = '{"a": {"b": 1}, "c": [1, 2]}';
    const after = '{"a": {"b": 1 2}, "c": [1, 2]}';
    const parsed = reparseJson(parseJson(before), after, textChange(before, after)!);
    assert.equal(parsed.containers, undefined);
    assert.ok(parsed.errors.length > 0);
  });

  it('keeps the depth limit of a whole scan', () => {
    const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const before = `{"x": ${deep(LAZY_MAX_DEPTH - 2)}}`;
    const after = `{"x": ${deep(LAZY_MAX_DEPTH)}}`;
    assert.equal(scanStrictJson(after, LAZY_MAX_DEPTH), undefined);
    assert.equal(rescanStrictJson(scanStrictJson(before, LAZY_MAX_DEPTH)!, after, textChange(before, after)!, LAZY_MAX_DEPTH), undefined);
  });
});

describe('textChange', () => {
  it('is one region that turns the old text into the new', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40_000 }), fc.array(edit, { maxLength: 3 }), (base, edits) => {
        const after = edits.reduce(apply, base);
        const change = textChange(base, after);
        if (!change) return assert.equal(base, after);
        const { offset, removed, inserted } = change;
        assert.equal(base.slice(0, offset) + after.slice(offset, offset + inserted) + base.slice(offset + removed), after);
        // Minimal at both ends: the region starts and ends on a difference (or an insertion/removal).
        if (removed > 0 && inserted > 0) {
          assert.notEqual(base[offset], after[offset]);
          assert.notEqual(base[offset + removed - 1], after[offset + inserted - 1]);
        }
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('finds a one-character change in a large text', () => {
    const big = 'x'.repeat(100_000) + 'a' + 'y'.repeat(50_000);
    assert.deepEqual(textChange(big, big.replace('a', 'bc')), { offset: 100_000, removed: 1, inserted: 2 });
  });
});
