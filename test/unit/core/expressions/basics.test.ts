import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/core/expressions/values';
import { isExpressionString, literalValue } from '../../../../server/src/core/expressions/evaluate';
import { ev, evr, mapScope } from './mapScope';

test('literal strings come back unchanged with source literal', () => {
  assert.deepEqual(evr('hello'), { value: 'hello', source: 'literal' });
  assert.deepEqual(evr(''), { value: '', source: 'literal' });
  assert.deepEqual(evr('[not closed'), { value: '[not closed', source: 'literal' });
  assert.deepEqual(evr('not opened]'), { value: 'not opened]', source: 'literal' });
});

test('the [[ escape drops the first bracket', () => {
  assert.deepEqual(evr("[[concat('a')]"), { value: "[concat('a')]", source: 'literal' });
  assert.equal(ev('[[]'), '[]');
  assert.equal(isExpressionString("[[concat('a')]"), false);
  assert.equal(isExpressionString("[concat('a')]"), true);
  // Without the closing bracket the string is no expression and no escape: it stays as written.
  assert.equal(ev('[[abc'), '[[abc');
  assert.equal(literalValue('[[x]'), '[x]');
  assert.equal(literalValue('[[x'), '[[x');
  assert.equal(literalValue('plain'), 'plain');
});

test('string literals with escaped quotes and integer literals', () => {
  assert.equal(ev("['it''s']"), "it's");
  assert.equal(ev("['']"), '');
  assert.equal(ev("['''']"), "'");
  assert.equal(ev('[42]'), 42);
  assert.equal(ev('[-7]'), -7);
  assert.equal(ev("[ concat( 'a' , 'b' ) ]"), 'ab');
});

test('function names are case-insensitive', () => {
  assert.equal(ev("[CONCAT('a', 'b')]"), 'ab');
  assert.equal(ev("[toLOWER('AbC')]"), 'abc');
  assert.equal(ev('[TRUE()]'), true);
});

test('parameters() and variables() read the scope with sources', () => {
  const scope = mapScope({ parameters: { name: 'vmss' }, variables: { prefix: 'pre' } });
  assert.deepEqual(evr("[parameters('name')]", scope), { value: 'vmss', source: 'parametersFile' });
  assert.deepEqual(evr("[variables('prefix')]", scope), { value: 'pre', source: 'variable' });
  assert.deepEqual(evr("[concat(variables('prefix'), parameters('NAME'))]", scope), { value: 'prevmss', source: 'parametersFile' });
  assert.deepEqual(evr("[concat('a', 'b')]", scope), { value: 'ab', source: 'expression' });
});

test('a missing parameter is Unknown with the expression text', () => {
  const r = evr("[parameters('nope')]");
  assert.ok(r.value instanceof Unknown);
  assert.equal(r.value.expression, "[parameters('nope')]");
  assert.match(r.value.reason, /parameters\('nope'\) is not defined/);
  assert.equal(r.source, 'unknown');
});
