import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { scanStrictJson } from '../../../../server/src/core/json/strictScan';

/**
 * The text with its comments (line comments to CR or LF, block comments) blanked out, outside strings; undefined
 * when a block comment is not closed. The oracle's own reading of "JSON with comments", apart from the scanner's.
 */
function blankComments(text: string): string | undefined {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      let end = i;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      out += ' '.repeat(end - i);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      out += ' '.repeat(close + 2 - i);
      i = close + 1;
    } else {
      out += c;
    }
  }
  return out;
}

function acceptedByJsonParse(text: string): boolean {
  const blanked = blankComments(text);
  if (blanked === undefined) return false;
  try {
    JSON.parse(blanked);
    return true;
  } catch {
    return false;
  }
}

/** The scan accepts exactly what JSON.parse accepts once comments are blanked out. */
function assertAgreesWithJsonParse(text: string): void {
  assert.equal(scanStrictJson(text, 64) !== undefined, acceptedByJsonParse(text), JSON.stringify(text));
}

/** Containers of a jsonc-parser tree in the order they open, as [offset of `{`/`[`, offset of the close]. */
function containersOf(node: Node, out: [number, number][] = []): [number, number][] {
  if (node.type === 'object' || node.type === 'array') out.push([node.offset, node.offset + node.length - 1]);
  for (const child of node.children ?? []) containersOf(child, out);
  return out;
}

/** JSON-ish text: tokens and fragments that make up JSON, in any order, so many near misses come up. */
const jsonish = fc
  .array(
    fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      ' ',
      '\n',
      '\t',
      '"',
      '"a"',
      '"\\n"',
      '"\\u00e9"',
      '"\\x"',
      '\\',
      '0',
      '-',
      '1',
      '.',
      'e',
      '+',
      '12',
      '-0.5e+3',
      '01',
      'true',
      'false',
      'null',
      'tru',
      '\u0001',
      '/',
      '//',
      '/*',
      '*/',
      'é',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/**
 * JSON built by the grammar, where each token may be a near miss ('1.', '01', '"\\x"', 'tru', a trailing
 * comma, a missing colon…): mostly valid structure around at most a few errors, so every kind of
 * mistake is seen by itself.
 */
const scalar = fc.constantFrom('0', '-0', '12', '1.5', '-2.5e+3', '1E9', '"s"', '""', '"a\\"b"', '"\\u00e9"', 'true', 'false', 'null');
const nearMiss = fc.constantFrom(
  '1.',
  '01',
  '-',
  '1e',
  '1e+',
  '.5',
  '+1',
  '"\\x"',
  '"\\u12"',
  '"\\u12zz"',
  '"\u0001"',
  '"\t"',
  '"open',
  'tru',
  'nul',
  'True',
  'NaN',
  '0x1',
  "'s'",
  '[1,]',
  '{"a":1,}',
  '{"a"}',
  '{"a" 1}',
  '{a:1}',
  '[1 2]',
  '//c',
  '/*c*/',
);
const gap = fc.constantFrom('', ' ', '\n  ', '\r\n', '\t', '/* c */', ' // c\n', '//c\r', '/**/', '/* // */', '/* unclosed');
const nearlyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalar, weight: 6 },
    { arbitrary: nearMiss, weight: 1 },
    { arbitrary: tie('array'), weight: 2 },
    { arbitrary: tie('object'), weight: 2 },
  ),
  array: fc
    .tuple(fc.array(fc.tuple(gap, tie('value')), { maxLength: 4 }), gap)
    .map(([items, g]) => `[${items.map(([a, v]) => a + v).join(',')}${g}]`),
  object: fc
    .tuple(fc.array(fc.tuple(fc.constantFrom('"k"', '"K"', '"a\\"b"'), gap, tie('value')), { maxLength: 4 }), gap)
    .map(([members, g]) => `{${members.map(([k, a, v]) => `${a}${k}:${a}${v}`).join(',')}${g}}`),
})).value as fc.Arbitrary<string>;

describe('strict JSON scan', () => {
  it('accepts exactly what JSON.parse accepts, comments blanked (grammar-built JSON with near misses)', () => {
    fc.assert(
      fc.property(nearlyJson, gap, (text, around) => assertAgreesWithJsonParse(around + text + around)),
      { numRuns: 3000 },
    );
  });

  it('accepts exactly what JSON.parse accepts, comments blanked (JSON-ish token soup)', () => {
    fc.assert(fc.property(jsonish, assertAgreesWithJsonParse), { numRuns: 3000 });
  });

  it('accepts exactly what JSON.parse accepts, comments blanked (valid JSON with one character changed)', () => {
    const mutated = fc
      .tuple(
        fc.jsonValue({ maxDepth: 4 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom('', ',', '}', ']', '"', '\\', ' ', '0', 'x', '\u001f', '.', '-', '/', '//', '/*', '*/', '/**/', '//c\n'),
      )
      .map(([value, where, length, insert]) => {
        const text = JSON.stringify(value, null, where % 2 ? 2 : undefined);
        const at = where % (text.length + 1);
        return text.slice(0, at) + insert + text.slice(at + (length % 2));
      });
    fc.assert(fc.property(mutated, assertAgreesWithJsonParse), { numRuns: 3000 });
  });

  it('finds where each container ends and which container comes after it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        const scanned = scanStrictJson(text, 64);
        assert.ok(scanned);
        const expected = containersOf(parseTree(text)!);
        expected.forEach(([open, close], i) => {
          assert.equal(text[open] === '{' || text[open] === '[', true);
          assert.equal(scanned.end[i], close);
          // The next container after this one is the first whose opening lies past its close.
          const after = expected.findIndex(([o]) => o > close);
          assert.equal(scanned.next[i], after < 0 ? expected.length : after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('does not count braces and brackets inside comments or strings as containers', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = JSON.stringify(value, null, 1).replace(/,\n/g, ', /* } ] { [ */\n').replace(/\[\n/g, '[ // ] }\n');
        const scanned = scanStrictJson(text, 64);
        assert.ok(scanned, text);
        const expected = containersOf(parseTree(text)!);
        assert.equal(scanned.count, expected.length);
        expected.forEach(([open, close], i) => {
          assert.equal(scanned.start[i], open);
          assert.equal(scanned.end[i], close);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('gives up past the depth it was given, and on hopeless input', () => {
    assert.equal(scanStrictJson('[[[[1]]]]', 3), undefined);
    assert.ok(scanStrictJson('[[[[1]]]]', 4));
    for (const text of ['', ' ', '{', '"abc', '{"a"}', '{"a":}', '[,1]', '1 2', '{"a":1}{}', '\uFEFF{}']) {
      assert.equal(scanStrictJson(text, 64), undefined, JSON.stringify(text));
    }
  });
});
