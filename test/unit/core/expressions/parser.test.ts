import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression, HARD_MAX_DEPTH } from '../../../../server/src/core/expressions/parser';
import type { Expr } from '../../../../server/src/core/expressions/ast';

function parse(text: string, maxDepth = 64): Expr {
  const result = parseExpression(text, maxDepth);
  if (!result.ok) assert.fail(`parse of ${text} failed: ${result.error}`);
  return result.expr;
}

function parseError(text: string, maxDepth = 64): { error: string; offset: number } {
  const result = parseExpression(text, maxDepth);
  if (result.ok) assert.fail(`parse of ${text} should have failed`);
  return result;
}

/** A compact rendering of a tree, to compare shapes without offsets. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'string':
      return JSON.stringify(e.value);
    case 'integer':
      return String(e.value);
    case 'call':
      return `${e.name}(${e.args.map(show).join(',')})`;
    case 'property':
      return `${show(e.target)}.${e.name}`;
    case 'index':
      return `${show(e.target)}[${show(e.index)}]`;
  }
}

test('parses calls, literals and nested arguments', () => {
  assert.equal(show(parse("[concat('a', 1, -2, f())]")), 'concat("a",1,-2,f())');
  assert.equal(show(parse("[ns.fn('x')]")), 'ns.fn("x")');
  assert.equal(show(parse('[a.b.c()]')), 'a.b.c()');
});

test('call names keep their spelling and a lower-case form', () => {
  const e = parse("[ConCat('a')]");
  assert.equal(e.kind, 'call');
  if (e.kind === 'call') {
    assert.equal(e.name, 'ConCat');
    assert.equal(e.lowerName, 'concat');
  }
});

test('parses property and index chains left to right', () => {
  assert.equal(show(parse("[variables('x').a[0].b]")), 'variables("x").a[0].b');
  assert.equal(show(parse("[f()['key'][add(1, 2)].c]")), 'f()["key"][add(1,2)].c');
});

test('string escapes and whitespace', () => {
  assert.equal(show(parse("[  f( 'it''s' ,'''' )  ]")), 'f("it\'s","\'")');
  assert.equal(show(parse("['a]b']")), '"a]b"');
});

test('offsets point into the full string', () => {
  const e = parse("[concat('ab', x())]");
  assert.equal(e.start, 1);
  assert.equal(e.end, 18);
  if (e.kind === 'call') assert.deepEqual([e.args[0]!.start, e.args[0]!.end], [8, 12]);
});

test('syntax errors are reported, never thrown', () => {
  assert.match(parseError('[]').error, /empty expression/);
  assert.match(parseError('[   ]').error, /empty expression/);
  assert.match(parseError("[concat('a']").error, /"," or "\)"/);
  assert.match(parseError("[concat('a]").error, /unterminated string/);
  assert.match(parseError('[true]').error, /must be called as a function/);
  assert.match(parseError('[f() g()]').error, /after the expression/);
  assert.match(parseError('[f(,)]').error, /expected a function call or a literal/);
  assert.match(parseError('[f(1,)]').error, /expected a function call or a literal/);
  assert.match(parseError('[f().]').error, /property name/);
  assert.match(parseError('[f()[1]').error, /"\]"/);
  assert.match(parseError('[1.5]').error, /only integer literals/);
  assert.match(parseError('[f(#)]').error, /unexpected character '#'/);
  assert.match(parseError('[99999999999999999999]').error, /out of range/);
  assert.match(parseError('[f()').error, /enclosed/);
});

test('error offsets locate the problem', () => {
  assert.equal(parseError('[f(1, #)]').offset, 6);
});

test('nesting deeper than maxDepth is an error, counting calls, indexes and chains', () => {
  assert.ok(parseExpression('[' + 'f('.repeat(10) + ')'.repeat(10) + ']', 10).ok);
  assert.match(parseError('[' + 'f('.repeat(11) + ')'.repeat(11) + ']', 10).error, /nested more than 10/);
  assert.match(parseError('[f()' + '.a'.repeat(20) + ']', 10).error, /nested more than 10/);
  assert.match(parseError('[f()' + '[0]'.repeat(20) + ']', 10).error, /nested more than 10/);
});

test('100,000-deep input fails quickly without overflowing the stack', () => {
  const n = 100_000;
  for (const text of [
    '[' + 'f('.repeat(n) + ')'.repeat(n) + ']',
    '[f()' + '[f()'.repeat(n) + ']'.repeat(n) + ']',
    '[f()' + '.a'.repeat(n) + ']',
    '[x' + '['.repeat(n) + ']',
  ]) {
    const result = parseExpression(text, Number.MAX_SAFE_INTEGER);
    assert.equal(result.ok, false);
  }
  assert.ok(HARD_MAX_DEPTH <= 10_000);
});

test('parsing time is linear in the input length', () => {
  const args = Array.from({ length: 50_000 }, (_, i) => `'s${i}'`).join(',');
  const result = parseExpression(`[concat(${args})]`, 64);
  assert.ok(result.ok && result.expr.kind === 'call' && result.expr.args.length === 50_000);
});

test('parsing with little stack left reports an error instead of throwing', () => {
  const n = HARD_MAX_DEPTH - 1;
  const text = '[' + 'f('.repeat(n) + ')'.repeat(n) + ']';
  const outcomes = new Set<string>();
  // Recurse until the stack overflows, then parse in each frame on the way back up: near the bottom
  // the parser runs out of stack part way, which must come back as a parse error.
  const descend = (): void => {
    try {
      descend();
    } catch {
      // This frame had no room to go deeper.
    }
    try {
      const result = parseExpression(text, HARD_MAX_DEPTH);
      outcomes.add(result.ok ? 'ok' : result.error.startsWith('expression cannot be parsed') ? 'stack' : result.error);
    } catch {
      outcomes.add('threw on entry');
    }
  };
  descend();
  assert.ok(outcomes.has('ok'));
  assert.ok(outcomes.has('stack'), [...outcomes].join(', '));
});
