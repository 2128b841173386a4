// fast-check properties: random text, token soup and truncated real files never make the Bicep parser
// or the analysis throw or hang, and every span stays inside the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import { readBicepParameters } from '../../../../server/src/core/bicep/bicepParams';

const REAL = join(import.meta.dirname, '../../../fixtures/real-templates');
const MIRRORED = join(import.meta.dirname, '../../../fixtures/bicep');
const files = [
  ...readdirSync(REAL)
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => readFileSync(join(REAL, f), 'utf8')),
  ...readdirSync(MIRRORED)
    .filter((f) => f.endsWith('.bicep'))
    .map((f) => readFileSync(join(MIRRORED, f), 'utf8')),
];

const TOKENS = [
  'param',
  'var',
  'resource',
  'module',
  'output',
  'existing',
  'if',
  'for',
  'in',
  'using',
  'x',
  'vmss',
  'true',
  'null',
  '0',
  '42',
  '3.5',
  "'a'",
  "'${",
  '}',
  '{',
  '[',
  ']',
  '(',
  ')',
  ':',
  ',',
  '.',
  '.?',
  '?',
  '??',
  '!',
  '==',
  '=~',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '=',
  '=>',
  '...',
  '@',
  "'Microsoft.Compute/virtualMachineScaleSets@2024-07-01'",
  "'''",
  '//',
  '/*',
  '*/',
  '#disable-next-line',
  '\n',
  ' ',
  '\r\n',
  '\\',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 200 }).map((parts) => parts.join(' '));

/** Every span the parser reports lies within the text. */
function checkText(text: string): void {
  const started = Date.now();
  const file = parseBicep(text);
  for (const p of file.problems)
    assert.ok(p.span.offset >= 0 && p.span.offset + p.span.length <= text.length, 'problem span inside the text');
  const model = analyzeBicep(text);
  for (const s of model.scaleSets)
    assert.ok(s.span.offset >= 0 && s.span.offset + s.span.length <= text.length, 'scale-set span inside the text');
  assert.ok(Date.now() - started < 2000, 'parses in well under 2 s');
}

test('random strings never throw', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), checkText), { numRuns: 400 });
});

test('token soup never throws or hangs', () => {
  fc.assert(fc.property(tokenSoup, checkText), { numRuns: 600 });
});

test('every truncation of the real and mirrored files parses without throwing', () => {
  for (const text of files) {
    const step = Math.max(1, Math.floor(text.length / 150));
    for (let end = 0; end <= text.length; end += step) checkText(text.slice(0, end));
  }
});

test('random edits of real files (delete, duplicate, insert a token) never throw', () => {
  const edit = fc.record({
    file: fc.nat({ max: files.length - 1 }),
    at: fc.nat(),
    length: fc.nat({ max: 40 }),
    insert: fc.constantFrom(...TOKENS, ''),
  });
  fc.assert(
    fc.property(edit, ({ file, at, length, insert }) => {
      const text = files[file]!;
      const offset = at % (text.length + 1);
      checkText(text.slice(0, offset) + insert + text.slice(offset + length));
    }),
    { numRuns: 150 },
  );
});

test('deeply nested and long inputs finish', () => {
  for (const text of [
    '{'.repeat(100_000),
    '['.repeat(50_000) + ']'.repeat(50_000),
    "var x = '" + '${'.repeat(10_000),
    '('.repeat(20_000),
    'var x = ' + '!'.repeat(50_000) + 'true',
    'var x = 1' + ' + 1'.repeat(20_000),
    'var x = ' + "'${".repeat(50_000),
    'var x = ' + "'${".repeat(3000) + '1' + "}'".repeat(3000),
  ]) {
    checkText(text);
    assert.ok(
      parseBicep(text).problems.every((p) => !p.message.includes('could not be parsed')),
      'no stack overflow, even caught',
    );
  }
});

test('parameters files of any shape never throw', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 200 }), tokenSoup, fc.json()), (text) => {
      readBicepParameters(text);
    }),
    { numRuns: 300 },
  );
});
