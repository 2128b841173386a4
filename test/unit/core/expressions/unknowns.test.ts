import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Unknown } from '../../../../server/src/core/expressions/values';
import type { EvalScope } from '../../../../server/src/core/expressions/scope';
import { assertUnknown, assertValue } from './assertions';
import { ev, evr, mapScope } from './mapScope';

test('functions that need a deployment are unknown with a reason naming them', () => {
  assertUnknown("[reference('vm').properties]", /^reference\(\) reads a deployed resource/);
  assertUnknown('[resourceGroup().location]', /^resourceGroup\(\) depends on the resource group/);
  assertUnknown('[subscription().subscriptionId]', /^subscription\(\) depends on the subscription/);
  assertUnknown('[deployment().name]', /^deployment\(\)/);
  assertUnknown("[concat('vm', copyIndex())]", /^copyIndex\(\) depends on the copy loop/);
  assertUnknown('[uniqueString(resourceGroup().id)]', /^uniqueString\(\) is a hash/);
  assertUnknown("[uniqueString('a')]", /^uniqueString\(\) is a hash/);
  assertUnknown('[newGuid()]', /^newGuid\(\) is different on every deployment/);
  assertUnknown('[utcNow()]', /^utcNow\(\) is the time of the deployment/);
  assertUnknown('[environment().name]', /^environment\(\)/);
  assertUnknown("[listKeys('sa', '2020-01-01').keys[0].value]", /^listKeys\(\) reads secrets/);
  assertUnknown("[myNs.myFunc('a')]", /^user-defined function myNs\.myFunc\(\) is not evaluated/);
  assertUnknown('[someFutureFunction()]', /^someFutureFunction\(\) is not evaluated by this engine/);
});

test('unknown arguments propagate through functions', () => {
  for (const text of [
    "[concat('a', reference('x'))]",
    "[toLower(reference('x').name)]",
    '[add(1, resourceGroup().x)]',
    "[format('{0}', reference('x'))]",
    "[not(reference('x'))]",
    "[length(reference('x'))]",
    "[string(reference('x'))]",
    "[resourceId('Microsoft.Network/loadBalancers', reference('x').name)]",
  ]) {
    assertUnknown(text, /reference\(\)|resourceGroup\(\)/);
  }
});

test('the outermost expression text is carried, with the innermost reason', () => {
  const u = assertUnknown("[concat(toUpper(reference('x').a), 'b')]", /reference\(\)/);
  assert.equal(u.expression, "[concat(toUpper(reference('x').a), 'b')]");
});

test('a syntax error is unknown with the position', () => {
  assertUnknown("[concat('a',]", /syntax error at column 13/);
  assertUnknown('[foo]', /syntax error.*'foo' must be called as a function/);
  assertUnknown('[concat(true, 1)]', /'true' must be called as a function/);
});

test('wrong argument counts are unknown', () => {
  assertUnknown('[parameters()]', /parameters\(\) takes 1 argument, got 0/);
  assertUnknown("[replace('a', 'b')]", /replace\(\) takes 3 arguments, got 2/);
  assertUnknown("[substring('a')]", /substring\(\) takes 2 to 3 arguments, got 1/);
});

test('an unknown entry from the scope is restated for this expression', () => {
  const scope: EvalScope = {
    parameter: () => undefined,
    variable: (name) =>
      name === 'loop' ? { value: new Unknown("[variables('loop')]", "cycle through variables('loop')"), source: 'unknown' } : undefined,
  };
  const r = evr("[concat(variables('loop'), 'x')]", scope);
  assert.ok(r.value instanceof Unknown);
  assert.equal(r.value.expression, "[concat(variables('loop'), 'x')]");
  assert.equal(r.value.reason, "cycle through variables('loop')");
  assert.equal(r.source, 'unknown');
});

test('an unknown nested in a scope value propagates only when it is used', () => {
  const inner = new Unknown("[reference('x').id]", 'reference() reads a deployed resource');
  const scope = mapScope({ variables: { obj: { known: 'k', unknown: inner } } });
  assertValue("[variables('obj').known]", 'k', scope);
  const u = assertUnknown("[variables('obj').unknown]", /reference\(\)/, scope);
  assert.notEqual(u, inner);
  const whole = ev("[variables('obj')]", scope) as Record<string, unknown>;
  assert.equal(whole.unknown, inner);
});

test('a throwing scope does not make the evaluator throw', () => {
  const scope: EvalScope = {
    parameter: () => {
      throw new Error('boom');
    },
    variable: () => undefined,
  };
  assertUnknown("[parameters('a')]", /evaluation failed: boom/, scope);
});

test('sources combine across every entry read, strongest first', () => {
  const scope = mapScope({ parameters: { p: 'P' }, variables: { v: 'V' }, parameterSource: 'default' });
  assert.deepEqual(evr("[variables('v')]", scope), { value: 'V', source: 'variable' });
  assert.deepEqual(evr("[parameters('p')]", scope), { value: 'P', source: 'default' });
  assert.deepEqual(evr("[concat(variables('v'), parameters('p'))]", scope), { value: 'VP', source: 'default' });
  assert.deepEqual(evr("[toUpper('x')]", scope), { value: 'X', source: 'expression' });
  assert.deepEqual(evr("[concat(variables('v'), reference('r'))]", scope).source, 'unknown');
});

test('a known result from partly unknown input keeps the sources of what was read', () => {
  const scope = mapScope({ parameters: { on: false }, parameterSource: 'parametersFile' });
  assert.deepEqual(evr("[and(parameters('on'), reference('x').enabled)]", scope), { value: false, source: 'parametersFile' });
});

test('unknown items inside array arguments propagate with their reason', () => {
  assertUnknown("[max(createArray(1, reference('x').n))]", /reference\(\)/);
  assertUnknown("[min(1, reference('x').n)]", /reference\(\)/);
  assertUnknown("[split('a,b', createArray(',', reference('x').d))]", /reference\(\)/);
  assertUnknown("[union(createArray(reference('x')), createArray(1))]", /reference\(\)/);
});
