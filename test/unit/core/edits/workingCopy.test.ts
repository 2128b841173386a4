// The writers' working copy: steps applied one after another must come out as edits on the original
// that do the same, touch only what changed, and never start or end inside a CRLF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyTextEdits } from '../../../../server/src/core/edits/neutralEdit';
import { lineBreakNear } from '../../../../server/src/core/edits/lineText';
import { TextRegion } from '../../../../server/src/core/edits/textRegion';
import { WorkingCopy } from '../../../../server/src/core/edits/workingCopy';

const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '{', '"'), { maxLength: 40 }).map((parts) => parts.join(''));
const steps = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 5 }), fc.constantFrom('', 'x', 'ab', '\r\n', '\n', 'a\r', 'zzzz')), {
  maxLength: 8,
});

/** The steps applied to a working copy and, naively, to a string. */
function applied(original: string, list: readonly (readonly [number, number, string])[]): { copy: WorkingCopy; naive: string } {
  const copy = new WorkingCopy(original);
  let naive = original;
  for (const [at, length, newText] of list) {
    const offset = at % (naive.length + 1);
    const end = Math.min(offset + length, naive.length);
    copy.apply(offset, end - offset, newText);
    naive = naive.slice(0, offset) + newText + naive.slice(end);
  }
  return { copy, naive };
}

const splitsCrLf = (t: string, offset: number) => t[offset - 1] === '\r' && t[offset] === '\n';

test('composed edits do what the steps did, sorted and apart, trimmed, and never inside a CRLF', () => {
  fc.assert(
    fc.property(text, steps, (original, list) => {
      const copy = new WorkingCopy(original);
      for (const [at, length, newText] of list) {
        // Steps as a writer makes them: whole line breaks (the result may still join a CR and an LF).
        let offset = at % (copy.text.length + 1);
        if (splitsCrLf(copy.text, offset)) offset++;
        let end = Math.min(offset + length, copy.text.length);
        if (splitsCrLf(copy.text, end)) end++;
        copy.apply(offset, end - offset, newText);
      }
      const edits = copy.edits();
      assert.equal(applyTextEdits(original, edits), copy.text);
      for (let i = 1; i < edits.length; i++)
        assert.ok(edits[i - 1]!.offset + edits[i - 1]!.length < edits[i]!.offset, 'sorted, not touching');
      for (const edit of edits) {
        const old = original.slice(edit.offset, edit.offset + edit.length);
        assert.notEqual(old, edit.newText, 'changes something');
        assert.ok(
          !splitsCrLf(original, edit.offset) && !splitsCrLf(original, edit.offset + edit.length),
          `${JSON.stringify(edit)} on ${JSON.stringify(original)}`,
        );
        const same = (i: number, j: number) => i < old.length && j < edit.newText.length && old[i] === edit.newText[j];
        // A common character at either end is there only to keep a CRLF whole.
        if (same(0, 0)) assert.ok(old.startsWith('\r\n') || original[edit.offset - 1] === '\r', 'first character kept only for a CRLF');
        if (same(old.length - 1, edit.newText.length - 1) && old.length > 0)
          assert.ok(
            old.endsWith('\r\n') || original[edit.offset + edit.length] === '\n' || old.endsWith('\n'),
            'last character kept only for a CRLF',
          );
      }
    }),
    { numRuns: 2000 },
  );
});

test('reading the current text in pieces gives what applying every step to a string gives', () => {
  fc.assert(
    fc.property(text, steps, fc.nat(), fc.nat(), (original, list, a, b) => {
      const copy = new WorkingCopy(original);
      let naive = original;
      for (const [at, length, newText] of list) {
        const offset = at % (naive.length + 1);
        const end = Math.min(offset + length, naive.length);
        copy.apply(offset, end - offset, newText);
        naive = naive.slice(0, offset) + newText + naive.slice(end);
        const from = a % (naive.length + 1);
        const to = from + (b % (naive.length - from + 1));
        assert.equal(copy.slice(from, to), naive.slice(from, to));
        const region = copy.region(from, to);
        assert.equal(region.text, naive.slice(region.base, region.base + region.text.length));
        assert.ok(region.base <= from && region.base + region.text.length >= to);
        assert.ok(region.base === 0 || /[\r\n]/.test(naive[region.base - 1]!), 'starts at a line start');
        const after = region.base + region.text.length;
        assert.ok(
          after === naive.length || (/[\r\n]/.test(naive[after - 1]!) && !(naive[after - 1] === '\r' && naive[after] === '\n')),
          'ends after a whole line break',
        );
        assert.ok(!/[\r\n]/.test(naive.slice(region.base, from)), 'no line break before `from` in it');
      }
      assert.equal(copy.length, naive.length);
      assert.equal(copy.text, naive);
    }),
    { numRuns: 1000 },
  );
});

test('two changes far apart stay two edits; spans of the original are found again', () => {
  const copy = new WorkingCopy('{ "a": 1, "b": 2 }');
  copy.apply(15, 1, '3');
  copy.apply(2, 3, '"A"');
  assert.deepEqual(copy.edits(), [
    { offset: 3, length: 1, newText: 'A' },
    { offset: 15, length: 1, newText: '3' },
  ]);
  assert.deepEqual(copy.map({ offset: 10, length: 3 }), { offset: 10, length: 3 });
  copy.apply(0, 0, '  ');
  assert.deepEqual(copy.map({ offset: 10, length: 3 }), { offset: 12, length: 3 });
  assert.equal(copy.map({ offset: 2, length: 3 }), undefined, 'replaced as a whole: gone');
});

test('a region spans whole lines however long they are', () => {
  const long = 'x'.repeat(10_000);
  const copy = new WorkingCopy(`a\n${long}\r\nb`);
  copy.apply(5000, 1, 'yy');
  const region = copy.region(9000, 9000);
  assert.equal(region.base, 2);
  assert.equal(region.text, `${'x'.repeat(4998)}yy${'x'.repeat(5001)}\r\n`);
});

test('a CRLF is never split: an edit trimmed to its changed characters keeps both halves', () => {
  const copy = new WorkingCopy('a\r\nb');
  copy.apply(0, 3, 'x\r\n');
  assert.deepEqual(copy.edits(), [{ offset: 0, length: 1, newText: 'x' }]);
  const crlf = new WorkingCopy('a\r\nb');
  crlf.apply(0, 3, 'a\n');
  // Replacing "a\r\n" by "a\n": the changed middle is the CR, but the edit takes the LF with it.
  assert.deepEqual(crlf.edits(), [{ offset: 1, length: 2, newText: '\n' }]);
});

test('a clipped region answers every line question as the whole-line region does (a line of megabytes is read in a window)', () => {
  fc.assert(
    fc.property(text, steps, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), (original, list, a, b, window) => {
      const { copy, naive } = applied(original, list);
      const from = a % (naive.length + 1);
      const to = from + (b % (naive.length - from + 1));
      const whole = copy.region(from, to);
      const clipped = copy.region(from, to, window);
      assert.ok(clipped.base >= from - window && clipped.base + clipped.text.length <= to + window + 2, 'reads no more than the window');
      assert.equal(clipped.text, naive.slice(clipped.base, clipped.base + clipped.text.length));
      const full = new TextRegion(whole.text, whole.base);
      const part = new TextRegion(clipped.text, clipped.base, clipped.head, clipped.tail);
      for (let at = from; at <= to; at++) {
        const where = JSON.stringify({ naive, at, window });
        assert.equal(part.startOfLine(at), full.startOfLine(at), `startOfLine ${where}`);
        assert.equal(part.endOfLine(at), full.endOfLine(at), `endOfLine ${where}`);
        assert.equal(part.lineIndent(at), full.lineIndent(at), `lineIndent ${where}`);
        // A clipped region knows the break before its line (the whole-line region cannot see it, and falls back).
        const near = clipped.head ? lineBreakNear(naive, at, '\n') : full.lineBreakNear(at, '\n');
        assert.equal(part.lineBreakNear(at, '\n'), near, `lineBreakNear ${where}`);
        assert.equal(part.lineBreakLength(part.endOfLine(at)), full.lineBreakLength(full.endOfLine(at)), `lineBreakLength ${where}`);
        assert.equal(part.char(at), full.char(at), `char ${where}`);
        assert.equal(part.char(at - 1), full.char(at - 1), `char before ${where}`);
        // A blank test reaching outside a clipped region may say no; inside it says what the whole one says.
        if (part.startOfLine(at) >= clipped.base)
          assert.equal(part.isBlank(part.startOfLine(at), at), full.isBlank(full.startOfLine(at), at));
      }
    }),
    { numRuns: 2000 },
  );
});

test('on one line of a megabyte, a region reads a window around the span and still knows where the line starts', () => {
  const line = `  ${'{"a": 1}, '.repeat(100_000)}`;
  const copy = new WorkingCopy(`x\n${line}\ny`);
  copy.apply(500_000, 0, 'zz');
  const before = copy.charsRead;
  const region = copy.region(700_000, 700_010, 4_096);
  assert.ok(copy.charsRead - before < 40_000, `read ${copy.charsRead - before} characters`);
  const part = new TextRegion(region.text, region.base, region.head, region.tail);
  assert.equal(part.startOfLine(700_005), 2);
  assert.equal(part.lineIndent(700_005), '  ');
  assert.equal(part.endOfLine(700_005), 2 + line.length + 2);
  assert.equal(part.lineBreakNear(700_005, '\r\n'), '\n');
});
