// Bicep expressions evaluate to the same values as the ARM functions they compile to, with sources;
// what needs a deployment stays Unknown with the Bicep text and a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BicepScope } from '../../../../server/src/core/bicep/bicepScope';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import { Unknown, type EvalValue } from '../../../../server/src/core/expressions/values';

function scopeOf(text: string, supplied: Record<string, EvalValue> = {}): BicepScope {
  const file = parseBicep(text);
  assert.deepEqual(file.problems, []);
  const map = new Map(Object.entries(supplied).map(([k, v]) => [k.toLowerCase(), { value: v, source: 'parametersFile' as const }]));
  return new BicepScope(file, text, map);
}

function value(text: string, name = 'x') {
  return scopeOf(text).variable(name)!;
}

test('literals and operators', () => {
  assert.equal(value('var x = 1 + 2 * 3').value, 7);
  assert.equal(value('var x = 7 % 4 - -1').value, 4);
  assert.equal(value("var x = 'a' == 'a' && 2 > 1").value, true);
  assert.equal(value("var x = 'ABC' =~ 'abc'").value, true);
  assert.equal(value("var x = 'ABC' !~ 'abc'").value, false);
  assert.equal(value('var x = 1 != 2').value, true);
  assert.equal(value('var x = !true || 3 <= 2').value, false);
  assert.equal(value('var x = null ?? 5').value, 5);
  assert.deepEqual(value("var x = { a: [1, 'b', true, null] }").value, { a: [1, 'b', true, null] });
});

test('sources: literal, variable, default, parameters file', () => {
  assert.equal(value('var x = 3').source, 'variable');
  const scope = scopeOf('param p int = 4\nparam q int\nvar x = p + 1\nvar y = q');
  assert.deepEqual(scope.variable('x'), { value: 5, source: 'default' });
  assert.equal(scope.variable('y')!.source, 'unknown');
  const supplied = scopeOf('param q int\nvar y = q * 2', { q: 3 });
  assert.deepEqual(supplied.variable('y'), { value: 6, source: 'parametersFile' });
});

test('ternaries evaluate only the branch taken', () => {
  assert.equal(value("param m string = 'Rolling'\nvar x = m == 'Rolling' ? 1 : resourceGroup().location").value, 1);
  const unknown = value('var x = resourceGroup().location == 1 ? 1 : 2').value;
  assert.ok(unknown instanceof Unknown);
  assert.match(unknown.reason, /resource group/);
});

test('interpolation writes scalars like ARM (bools as True/False)', () => {
  assert.equal(value("param n int = 3\nvar x = 'vm-${n}-${true}'").value, 'vm-3-True');
  const unknown = value("var x = 'rg-${resourceGroup().name}'").value;
  assert.ok(unknown instanceof Unknown);
  assert.equal(unknown.expression, "'rg-${resourceGroup().name}'");
});

test('ARM functions by their Bicep names, with or without sys.', () => {
  assert.equal(value("var x = toLower('AbC')").value, 'abc');
  assert.equal(value("var x = sys.toUpper('a')").value, 'A');
  assert.equal(value('var x = empty([])').value, true);
  assert.equal(value("var x = contains(['a'], 'a')").value, true);
  assert.deepEqual(value('var x = union({ a: 1 }, { b: 2 })').value, { a: 1, b: 2 });
  assert.equal(value("var x = length(split('a/b/c', '/'))").value, 3);
  assert.equal(value("var x = resourceId('Microsoft.Network/loadBalancers', 'lb')").value, '/providers/Microsoft.Network/loadBalancers/lb');
  assert.equal(value('var x = any(3)').value, 3, "Bicep's any() is the value itself");
  assert.equal(value("var x = json('1.5')").value, 1.5);
});

test('deployment-time functions are unknown with a reason', () => {
  for (const text of [
    'var x = resourceGroup().location',
    'var x = subscription().subscriptionId',
    "var x = uniqueString('a')",
    'var x = utcNow()',
  ]) {
    const v = value(text).value;
    assert.ok(v instanceof Unknown, text);
    assert.ok(v.reason.length > 0);
  }
  const lambda = value('var x = map([1], y => y)').value;
  assert.ok(lambda instanceof Unknown);
});

test('member and index access, safe access, missing properties', () => {
  assert.equal(value('var o = { a: { b: [10, 20] } }\nvar x = o.a.b[1]').value, 20);
  assert.equal(value("var o = { a: 1 }\nvar x = o['A']").value, 1);
  assert.equal(value('var o = { a: 1 }\nvar x = o.?missing').value, null);
  assert.ok(value('var o = { a: 1 }\nvar x = o.missing').value instanceof Unknown);
  assert.equal(value('var o = { a: [1] }\nvar x = o.a[?5]').value, null);
});

test('resource symbols: .id and .name like resourceId(), other members unknown', () => {
  const scope = scopeOf(`param lbName string = 'lb1'
resource lb 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: lbName
}
resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'v'
  resource ext 'extensions' = {
    name: 'health'
  }
}
resource other 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: resourceGroup().name
}
var a = lb.id
var b = '\${lb.id}/probes/p'
var c = lb.name
var d = lb.properties.probes
var e = other.id
var f = ext.id
`);
  assert.equal(scope.variable('a')!.value, '/providers/Microsoft.Network/loadBalancers/lb1');
  assert.equal(scope.variable('b')!.value, '/providers/Microsoft.Network/loadBalancers/lb1/probes/p');
  assert.equal(scope.variable('c')!.value, 'lb1');
  assert.ok(scope.variable('d')!.value instanceof Unknown);
  assert.ok(scope.variable('e')!.value instanceof Unknown);
  assert.equal(scope.variable('f')!.value, '/providers/Microsoft.Compute/virtualMachineScaleSets/v/extensions/health');
});

test('for expressions map and filter known arrays', () => {
  assert.deepEqual(value("var x = [for (z, i) in ['1', '2', '3']: if (i != 1) 'zone-${z}']").value, ['zone-1', 'zone-3']);
  assert.deepEqual(value('var x = [for i in range(0, 3): { n: i }]').value, [{ n: 0 }, { n: 1 }, { n: 2 }]);
  assert.ok(value('var x = [for i in range(0, resourceGroup().n): i]').value instanceof Unknown);
});

test('spreads merge objects and arrays', () => {
  assert.deepEqual(value('var base = { a: 1, b: 1 }\nvar x = {\n  ...base\n  b: 2\n}').value, { a: 1, b: 2 });
  assert.deepEqual(value('var xs = [1, 2]\nvar x = [0, ...xs]').value, [0, 1, 2]);
});

test('cycles and undeclared names end in unknowns, never a stack overflow', () => {
  const scope = scopeOf('var a = b\nvar b = a\nvar c = nope');
  const a = scope.variable('a')!.value;
  assert.ok(a instanceof Unknown);
  assert.match(a.reason, /cycle/);
  assert.match((scope.variable('c')!.value as Unknown).reason, /not declared/);
});

test('parameter info: types as ARM gives them, values with their sources', async () => {
  const { analyzeBicep } = await import('../../../../server/src/core/bicep/analyzeBicep');
  const model = analyzeBicep('@secure()\nparam a string\n@secure()\nparam b object = {}\nparam c int = 2\nparam d string?\n');
  assert.deepEqual(
    model.parameters.map((p) => [p.name, p.type, p.value?.kind, p.value?.source]),
    [
      ['a', 'securestring', 'unknown', 'unknown'],
      ['b', 'secureObject', 'object', 'default'],
      ['c', 'int', 'number', 'default'],
      ['d', 'string?', 'null', 'default'],
    ],
  );
});
