import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapOffset, sayingOf } from './harness/execute';
import { checkFix } from './harness/fixChecks';
import { markupProblems } from './harness/markupCheck';
import { Lines, rangeProblems } from './harness/ranges';

// The fuzzer's checks, each shown to fail on the defect it looks for and to pass on the right answer.

const at = (line: number, character: number) => ({ line, character });
const range = (a: number, b: number, c: number, d: number) => ({ start: at(a, b), end: at(c, d) });

test('ranges: past a line end, between CR and LF, start after end, outside the document, through a surrogate pair', () => {
  const lines = new Lines('ab\r\ncd\re\nf\u{1F600}');
  assert.equal(lines.count, 4);
  assert.deepEqual(lines.lengths, [2, 2, 1, 3]);
  assert.equal(lines.rangeProblem(range(0, 0, 3, 3)), undefined);
  assert.match(lines.rangeProblem(range(0, 0, 0, 3))!, /between CR and LF/);
  assert.match(lines.rangeProblem(range(1, 3, 1, 3))!, /character 3 of line 1, which is 2 characters long$/);
  assert.match(lines.rangeProblem(range(1, 2, 1, 1))!, /starts after it ends/);
  assert.match(lines.rangeProblem(range(4, 0, 4, 0))!, /line 4 of a 4-line document/);
  assert.match(lines.rangeProblem(range(0, -1, 0, 0))!, /non-negative/);
  assert.equal(lines.rangeProblem(range(3, 2, 3, 2)), undefined, 'a hover may point into a pair');
  assert.match(lines.rangeProblem(range(3, 2, 3, 2), true)!, /cuts a surrogate pair/, 'an edit may not');
  assert.deepEqual(lines.positionAt(3), at(0, 2), 'an offset between CR and LF is the end of its line');
});

test('ranges in answers: found wherever they sit, checked against the document they name', () => {
  const texts = new Map([
    ['file:///a.json', new Lines('{\r\n}')],
    ['file:///b.json', new Lines('x')],
  ]);
  const actions = [
    {
      title: 'fix',
      diagnostics: [{ range: range(0, 0, 0, 1) }],
      edit: {
        changes: {
          'file:///a.json': [{ range: range(0, 0, 0, 2), newText: '' }],
          'file:///b.json': [{ range: range(0, 0, 0, 2), newText: '' }],
        },
      },
    },
  ];
  const problems = rangeProblems(actions, 'file:///a.json', texts);
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(
    problems[0]!,
    /^\$\[0\]\.edit\.changes\[file:\/\/\/a\.json\]\[0\]\.range: character 2 of line 0, which is 1 characters long \(between CR and LF\)$/,
  );
  assert.match(problems[1]!, /b\.json.*character 2 of line 0/);
  const symbols = [
    {
      name: 's',
      range: range(0, 0, 0, 1),
      selectionRange: range(1, 0, 1, 1),
      children: [{ name: 'c', range: range(0, 0, 9, 0), selectionRange: range(0, 0, 0, 0) }],
    },
  ];
  assert.deepEqual(rangeProblems(symbols, 'file:///a.json', texts), [
    '$[0].children[0].range: line 9 of a 2-line document',
    '$[0]: selectionRange {"start":{"line":1,"character":0},"end":{"line":1,"character":1}} is not inside range {"start":{"line":0,"character":0},"end":{"line":0,"character":1}}',
  ]);
  const related = {
    items: [
      { range: range(0, 0, 0, 1), relatedInformation: [{ location: { uri: 'file:///elsewhere.json', range: range(50, 0, 50, 1) } }] },
    ],
  };
  assert.deepEqual(rangeProblems(related, 'file:///a.json', texts), [], 'a location in a document we do not have is not checked');
  assert.deepEqual(rangeProblems([{ position: at(1, 2), label: 'x' }], 'file:///a.json', texts), [
    '$[0].position: character 2 of line 1, which is 1 characters long',
  ]);
});

const JSONC = '{\n  "a": 1, /* legacy */\n  // keep me\n  "b": { "c": 2 }\n}\n';

test('fixes: a clean insertion passes; added parse errors and swallowed or moved comments are reported', () => {
  const good = checkFix(JSONC, [{ range: range(3, 17, 3, 17), newText: ',\n  "d": 3' }], 'json');
  assert.deepEqual(good.problems, []);
  assert.match(good.text, /"d": 3\n}/);
  const missingComma = checkFix(JSONC, [{ range: range(3, 17, 3, 17), newText: '\n  "d": 3' }], 'json');
  assert.match(missingComma.problems.join(), /adds 1 parse problem \(json error 6\)/);
  // R5's shape: text inserted before a block comment on its line now starts with `//`, so the comment ends up inside a line comment.
  const swallowed = checkFix(JSONC, [{ range: range(1, 9, 1, 9), newText: ' // ops' }], 'json');
  assert.match(swallowed.problems.join(), /comment "\/\* legacy \*\/" at offset 12 (is no longer a comment where it was|became)/);
  const appended = checkFix(JSONC, [{ range: range(2, 12, 2, 12), newText: ' "e": 4,' }], 'json');
  assert.match(appended.problems.join(), /comment "\/\/ keep me" .* became "\/\/ keep me \\"e\\": 4,"/);
  const moved = checkFix(
    JSONC,
    [
      { range: range(2, 0, 3, 0), newText: '' },
      { range: range(4, 0, 4, 0), newText: '  // keep me\n' },
    ],
    'json',
  );
  assert.deepEqual(moved.problems, [], "a comment the edit itself removes and writes is the edit's business");
  assert.match(
    checkFix(
      JSONC,
      [
        { range: range(1, 0, 1, 5), newText: '' },
        { range: range(1, 2, 1, 3), newText: '' },
      ],
      'json',
    ).problems.join(),
    /overlap/,
  );
});

test("fixes on Bicep: the project's parser finds added problems; comments are found outside strings", () => {
  const bicep = "resource s 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'a//b' // the name\n  properties: {}\n}\n";
  assert.deepEqual(checkFix(bicep, [{ range: range(2, 15, 2, 15), newText: '\n  sku: {}' }], 'bicep').problems, []);
  assert.match(checkFix(bicep, [{ range: range(2, 15, 2, 16), newText: '' }], 'bicep').problems.join(), /adds 1 parse problem/);
  assert.match(
    checkFix(bicep, [{ range: range(1, 26, 1, 26), newText: ' x' }], 'bicep').problems.join(),
    /comment "\/\/ the name" .* became "\/\/ the name x"/,
  );
});

test('markup: live HTML, links, images and icons in hovers, completion documentation and lens titles are reported; code and escapes are not', () => {
  const hover = (value: string) => markupProblems('textDocument/hover', { contents: { kind: 'markdown', value } });
  assert.match(hover('Effective value: `a` <img src=x onerror=alert(1)> `b`').join(), /^html "<img src=x onerror=alert\(1\)>/);
  assert.match(hover('see [here](command:workbench.action.terminal.new)').join(), /link/);
  assert.match(hover('![x](https://evil.example/x.png)').join(), /image/);
  assert.deepEqual(hover('Effective value: `` <img src=x onerror=alert(1)> ` ``'), []);
  assert.deepEqual(
    hover(
      '\\$\\(alert\\) and [the rule](https://github.com/vmss-upgrade-policy/vmss-upgrade-policy/blob/main/docs/rules/value-out-of-range.md)',
    ),
    [],
  );
  assert.deepEqual(
    markupProblems('textDocument/hover', { contents: { kind: 'plaintext', value: '<b>' } }),
    [],
    'plain text is not rendered',
  );
  // A megabyte of markdown is reported as such, and not parsed (the markdown readers would take minutes on it).
  assert.deepEqual(
    hover(`defaultAction "${'A'.repeat(1_000_000)}" is unknown`).map((p) => p.slice(0, 50)),
    ['markdown of 1000027 characters: "defaultAction \\"A'],
  );
  assert.match(
    markupProblems('textDocument/completion', { items: [{ label: 'x', documentation: { kind: 'markdown', value: '<b>x</b>' } }] }).join(),
    /html/,
  );
  assert.match(
    markupProblems('codeLens/resolve', { range: range(0, 0, 0, 0), command: { title: 'Rolling $(alert)', command: 'x' } }).join(),
    /icon syntax/,
  );
  assert.deepEqual(markupProblems('textDocument/codeLens', [{ command: { title: 'Rolling \\$(alert)', command: 'x' } }]), []);
});

test("a finding's range carried through a fix: insertions before move it, a rename inside it moves its end only", () => {
  const rename = [{ start: 11, end: 12, newText: 'aut' }];
  assert.deepEqual([mapOffset(10, rename, 'start'), mapOffset(34, rename, 'end')], [10, 36]);
  const insertAbove = [{ start: 0, end: 0, newText: '// x\n' }];
  assert.deepEqual([mapOffset(0, insertAbove, 'start'), mapOffset(5, insertAbove, 'end')], [5, 10]);
  const insertAfter = [{ start: 5, end: 5, newText: ', "a": 1' }];
  assert.deepEqual([mapOffset(2, insertAfter, 'start'), mapOffset(5, insertAfter, 'end')], [2, 5]);
  const replaceValue = [{ start: 20, end: 23, newText: '100' }];
  assert.deepEqual([mapOffset(20, replaceValue, 'start'), mapOffset(23, replaceValue, 'end')], [20, 23]);
});

test('a finding after a fix is the same one when only the values it quotes changed', () => {
  assert.equal(sayingOf('maxBatchInstancePercent is 150, above 100.'), sayingOf('maxBatchInstancePercent is 120, above 100.'));
  assert.equal(sayingOf('protocol "ftp" is not "http", "https" or "tcp"'), 'protocol … is not …, … or …');
  assert.notEqual(sayingOf('uses protocol "ftp", which is not supported'), sayingOf('uses protocol "http" but has no requestPath'));
});

test('fixes on JSON too deep for jsonc-parser: counted without recursion, so errors the nesting hid are not "added"', () => {
  // 3,000 levels overflow jsonc-parser's recursion; the text has one error of its own (a value missing after "b").
  const deep = '[{"x":'.repeat(3000) + '1' + '}]'.repeat(3000);
  const text = `{\n"a": ${deep},\n"b": \n}\n`;
  const line = (n: number) => text.split('\n')[n]!.length;
  const flatten = { range: range(1, 5, 1, line(1) - 1), newText: '1' };
  assert.deepEqual(checkFix(text, [flatten], 'json').problems, [], 'the missing value was there before the fix');
  const broken = { range: range(1, 5, 1, line(1) - 1), newText: '1 2' };
  assert.match(checkFix(text, [broken], 'json').problems.join(), /adds \d+ parse problems? \(json errors, counted without recursion\)/);
});
