// LineIndex against an independent count of lines (a regex over the text), on texts of LF only (the fast
// `indexOf` path), and with CR or CRLF anywhere (the character loop): the same positions for every offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../../server/src/core/text/lineIndex';

/** Each line's start and the end of its text, by a regex over the breaks. */
function referenceLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

function check(text: string): void {
  const index = new LineIndex(text);
  const lines = referenceLines(text);
  assert.equal(index.lineCount, lines.length);
  for (let offset = 0; offset <= text.length; offset++) {
    const line = lines.findIndex((l, i) => offset >= l.start && (i + 1 === lines.length || offset < lines[i + 1]!.start));
    const { start, end } = lines[line]!;
    // Between CR and LF, or in a line's break: the end of that line's text.
    assert.deepEqual(
      index.positionAt(offset),
      { line, character: Math.min(offset, end) - start },
      `offset ${offset} of ${JSON.stringify(text)}`,
    );
  }
  lines.forEach((l, line) => {
    assert.equal(index.offsetAt({ line, character: 0 }), l.start);
    assert.equal(index.offsetAt({ line, character: 1e9 }), l.end);
  });
}

const texts = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((parts) => parts.join(''));

test('texts with LF breaks only: positions as counted independently', () => {
  fc.assert(fc.property(texts(['a', 'bc', '\n', '\n\n', ' ']), check), { numRuns: 300 });
  check('');
  check('\n');
  check('a\nb\n');
});

test('texts with CR, CRLF and LF mixed: positions as counted independently, never between CR and LF', () => {
  fc.assert(fc.property(texts(['a', 'bc', '\n', '\r', '\r\n', '\n\r']), check), { numRuns: 300 });
  check('\r');
  check('a\r\nb\rc\n');
});
