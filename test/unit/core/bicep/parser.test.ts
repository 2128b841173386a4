// The Bicep parser: declarations, literals, operators, strings, loops and conditions, with spans on the
// source; and tolerance: half-typed text parses as far as it can and reports problems, never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import type { Expr, ParamDecl, ResourceDecl, Statement, VarDecl } from '../../../../server/src/core/bicep/syntax';

function only<K extends Statement['kind']>(text: string, kind: K): Extract<Statement, { kind: K }> {
  const file = parseBicep(text);
  assert.deepEqual(file.problems, [], 'no problems');
  const found = file.statements.filter((s) => s.kind === kind);
  assert.equal(found.length, 1);
  return found[0] as Extract<Statement, { kind: K }>;
}

const varValue = (text: string): Expr => only(text, 'var').value;
const textAt = (text: string, span: { offset: number; length: number }) => text.slice(span.offset, span.offset + span.length);

test('params: type, default, decorators and nullable types', () => {
  const text =
    "@minValue(1)\n@maxValue(100)\n@description('How many')\nparam count int = 3\n@secure()\nparam pwd string\nparam zones string[]?\n";
  const file = parseBicep(text);
  assert.deepEqual(file.problems, []);
  const [count, pwd, zones] = file.statements as ParamDecl[];
  assert.equal(count!.name, 'count');
  assert.equal(count!.type, 'int');
  assert.deepEqual(
    count!.decorators.map((d) => d.name),
    ['minValue', 'maxValue', 'description'],
  );
  assert.equal(count!.defaultValue?.kind === 'number' && count!.defaultValue.value, 3);
  assert.equal(textAt(text, count!.nameSpan), 'count');
  assert.deepEqual(
    pwd!.decorators.map((d) => d.name),
    ['secure'],
  );
  assert.equal(pwd!.defaultValue, undefined);
  assert.equal(zones!.type, 'string[]?');
});

test('resources: type and API version, existing, nested children, conditions and loops', () => {
  const text = `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'a'
  resource health 'extensions' = {
    name: 'h'
  }
}
resource lb 'Microsoft.Network/loadBalancers@2024-05-01' existing = {
  name: 'lb'
}
resource c 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = if (deploy) {
  name: 'c'
}
resource l 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = [for (z, i) in zones: {
  name: 'vmss-\${z}'
}]
`;
  const file = parseBicep(text);
  assert.deepEqual(file.problems, []);
  const [vmss, lb, c, l] = file.statements as ResourceDecl[];
  assert.equal(vmss!.type, 'Microsoft.Compute/virtualMachineScaleSets');
  assert.equal(vmss!.apiVersion, '2024-07-01');
  assert.equal(textAt(text, vmss!.typeSpan), "'Microsoft.Compute/virtualMachineScaleSets@2024-07-01'");
  assert.equal(vmss!.body.kind === 'object' && vmss!.body.resources[0]!.type, 'extensions');
  assert.equal(lb!.existing, true);
  assert.equal(c!.body.kind, 'if');
  assert.equal(l!.body.kind === 'for' && `${l!.body.itemName},${l!.body.indexName}`, 'z,i');
});

test('objects and arrays: newline- and comma-separated, comments anywhere, keys with spans', () => {
  const text = "var o = {\n  a: 1 // one\n  'b-c': [\n    1\n    /* two */ 2\n  ]\n  d: [1, 2, 3]\n  e: {}\n}";
  const value = varValue(text);
  assert.equal(value.kind, 'object');
  if (value.kind !== 'object') return;
  assert.deepEqual(
    value.properties.map((p) => p.key),
    ['a', 'b-c', 'd', 'e'],
  );
  assert.equal(textAt(text, value.properties[1]!.keySpan), "'b-c'");
  const b = value.properties[1]!.value;
  assert.equal(b.kind === 'array' && b.items.length, 2);
  const d = value.properties[2]!.value;
  assert.equal(d.kind === 'array' && d.items.length, 3);
  assert.equal(textAt(text, value.span), text.slice(8));
});

test('strings: escapes, interpolation with nested strings, multi-line verbatim', () => {
  const plain = varValue("var s = 'it\\'s \\$5\\n\\u{41}'");
  assert.deepEqual(plain, { kind: 'string', span: plain.span, value: "it's $5\nA" });
  const interp = varValue("var s = 'a-${concat('b', '}')}-${x}'");
  assert.equal(interp.kind, 'interpolation');
  if (interp.kind !== 'interpolation') return;
  assert.equal(interp.parts.length, 4);
  assert.equal(interp.parts[0], 'a-');
  assert.equal(typeof interp.parts[1] !== 'string' && interp.parts[1]!.kind, 'call');
  const multi = varValue("var s = '''\nline ${not} interpolated\n'''");
  assert.deepEqual(multi.kind === 'string' && multi.value, 'line ${not} interpolated\n');
});

test('operators: precedence, unary, member, index, safe access, ternary across lines', () => {
  const e = varValue('var x = a || b && !c == d + 1 * 2');
  assert.equal(e.kind === 'binary' && e.op, '||');
  const and = e.kind === 'binary' ? e.right : e;
  assert.equal(and.kind === 'binary' && and.op, '&&');
  const t = varValue("var x = mode == 'Rolling'\n  ? {\n    a: 1\n  }\n  : null");
  assert.equal(t.kind, 'ternary');
  const m = varValue('var x = a.b[0].?c[?1]');
  assert.equal(m.kind, 'index');
  const n = varValue("var x = sys.concat('a', 'b')");
  assert.equal(n.kind === 'call' && `${n.namespace}.${n.name}`, 'sys.concat');
  const c = varValue('var x = a ?? b\n  ?? c');
  assert.equal(c.kind === 'binary' && c.op, '??');
});

test('for loops in values, with filters; lambdas and spreads are parsed', () => {
  const f = varValue('var xs = [for (x, i) in range(0, 3): if (i > 0) x]');
  assert.equal(f.kind === 'for' && f.body.kind, 'if');
  const l = varValue('var ys = map(xs, x => x * 2)');
  assert.equal(l.kind === 'call' && l.args[1]!.kind, 'lambda');
  const s = varValue('var o = {\n  ...base\n  a: 1\n}');
  assert.equal(s.kind === 'object' && s.properties[0]!.spread, true);
});

test('modules, using, outputs, types and other statements', () => {
  const text =
    "targetScope = 'resourceGroup'\nmodule m './vmss.bicep' = {\n  name: 'm'\n  params: { count: 2 }\n}\noutput id string = m.outputs.id\ntype t = {\n  a: string?\n}\nusing './main.bicep'\n#disable-next-line no-unused-vars\nmetadata info = 'x'\n";
  const file = parseBicep(text);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.statements.map((s) => s.kind),
    ['other', 'module', 'other', 'other', 'using', 'other'],
  );
  const module = file.statements[1]!;
  assert.equal(module.kind === 'module' && module.path, './vmss.bicep');
  const using = file.statements[4]!;
  assert.equal(using.kind === 'using' && using.path, './main.bicep');
});

test('half-typed text: problems at the right place, later declarations still parse', () => {
  const text =
    "param a int = \nvar b = {\n  x: 1\n  y:\n  z 3\n}\nresource r 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'r'\n";
  const file = parseBicep(text);
  assert.ok(file.problems.length >= 3, JSON.stringify(file.problems));
  assert.deepEqual(
    file.statements.map((s) => s.kind),
    ['param', 'var', 'resource'],
  );
  const b = (file.statements[1] as VarDecl).value;
  assert.deepEqual(b.kind === 'object' && b.properties.map((p) => p.key), ['x', 'y', 'z']);
  const r = file.statements[2] as ResourceDecl;
  assert.equal(r.body.kind === 'object' && r.body.properties[0]!.key, 'name');
  assert.ok(
    file.problems.some((p) => p.message.includes("'}'")),
    'missing closing brace reported',
  );
});

test('an unclosed object ends at the next top-level declaration', () => {
  const text = 'var a = {\n  x: 1\nparam b int = 2\n';
  const file = parseBicep(text);
  assert.deepEqual(
    file.statements.map((s) => s.kind),
    ['var', 'param'],
  );
  assert.equal(file.problems.length, 1);
});

test('deep nesting is reported, not recursed into', () => {
  const depth = 5000;
  const text = `var x = ${'['.repeat(depth)}${']'.repeat(depth)}\nparam after int`;
  const file = parseBicep(text);
  assert.ok(file.problems.some((p) => p.message.includes('nested')));
  assert.equal(file.statements.at(-1)?.kind, 'param');
});
