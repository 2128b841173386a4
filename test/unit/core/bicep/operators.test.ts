// The scanner's punctuation (longest match first) and the parser's operator precedence, including which
// operators may continue an expression on the next line. Guards the char-code switch and the unrolled
// precedence loop, which replaced a Set of operators and one recursive call per level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import { scan } from '../../../../server/src/core/bicep/scanner';
import type { Expr } from '../../../../server/src/core/bicep/syntax';

const tokens = (text: string) =>
  scan(text)
    .filter((t) => t.kind !== 'eof')
    .map((t) => `${t.kind}:${t.text}`);

test('punctuation: longest match first, unknown characters on their own', () => {
  assert.deepEqual(tokens('... .. .? . :: : == =~ => = != !~ ! <= < >= > && & || | ?? ?'), [
    'punct:...',
    'punct:.',
    'punct:.',
    'punct:.?',
    'punct:.',
    'punct:::',
    'punct::',
    'punct:==',
    'punct:=~',
    'punct:=>',
    'punct:=',
    'punct:!=',
    'punct:!~',
    'punct:!',
    'punct:<=',
    'punct:<',
    'punct:>=',
    'punct:>',
    'punct:&&',
    'punct:&',
    'punct:||',
    'punct:|',
    'punct:??',
    'punct:?',
  ]);
  assert.deepEqual(tokens('{}[](),+-*/%@;~$'), [
    'punct:{',
    'punct:}',
    'punct:[',
    'punct:]',
    'punct:(',
    'punct:)',
    'punct:,',
    'punct:+',
    'punct:-',
    'punct:*',
    'punct:/',
    'punct:%',
    'punct:@',
    'punct:;',
    'unknown:~',
    'unknown:$',
  ]);
});

test('an operator cut by the end of the range becomes an unknown character', () => {
  assert.deepEqual(
    scan('a==b', 0, 2).map((t) => `${t.kind}:${t.text}`),
    ['identifier:a', 'unknown:=', 'eof:'],
  );
  assert.deepEqual(
    scan('a...', 0, 3).map((t) => `${t.kind}:${t.text}`),
    ['identifier:a', 'unknown:.', 'punct:.', 'eof:'],
  );
});

/** A compact form of an expression: binary and unary nodes in parentheses, leaves as written. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'unary':
      return `(${e.op}${show(e.operand)})`;
    case 'ternary':
      return `(${show(e.condition)} ? ${show(e.whenTrue)} : ${show(e.whenFalse)})`;
    case 'identifier':
      return e.name;
    case 'number':
      return String(e.value);
    default:
      return e.kind;
  }
}

function valueOf(text: string): { value: string; problems: number } {
  const file = parseBicep(text);
  const decl = file.statements[0];
  assert.ok(decl?.kind === 'var');
  return { value: show(decl.value), problems: file.problems.length };
}

test('binary operators: precedence from ?? (loosest) to * / % (tightest), all left-associative', () => {
  assert.equal(valueOf('var v = a ?? b || c && d == e < f + g * h').value, '(a ?? (b || (c && (d == (e < (f + (g * h)))))))');
  assert.equal(valueOf('var v = a * b + c < d == e && f || g ?? h').value, '(((((((a * b) + c) < d) == e) && f) || g) ?? h)');
  assert.equal(valueOf('var v = a - b - c').value, '((a - b) - c)');
  assert.equal(valueOf('var v = a != b =~ c !~ d').value, '(((a != b) =~ c) !~ d)');
  assert.equal(valueOf('var v = a <= b >= c % d / e').value, '((a <= b) >= ((c % d) / e))');
  assert.equal(valueOf('var v = -a * !b ? c + 1 : d').value, '(((-a) * (!b)) ? (c + 1) : d)');
});

test('?? || && may start a continuation line; other operators end the expression at the line end', () => {
  assert.deepEqual(valueOf('var v = a\n  ?? b\n  || c\n  && d\n'), { value: '(a ?? (b || (c && d)))', problems: 0 });
  assert.deepEqual(valueOf('var v = a && b\n\n  || c\n'), { value: '((a && b) || c)', problems: 0 });
  const cut = valueOf('var v = a\n  + b\n');
  assert.equal(cut.value, 'a');
  assert.ok(cut.problems > 0);
});
