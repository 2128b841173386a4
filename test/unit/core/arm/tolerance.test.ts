// Broken, odd or hostile text: the engine reports problems and builds what it can; it never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { asString } from '../../../../server/src/core/model/values';

const TEMPLATE = `{
  // a comment, which ARM accepts
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "name": "web", /* block comment */
      "properties": { "upgradePolicy": { "mode": "Rolling", }, },
    },
  ],
}`;

test('comments and trailing commas parse without errors', () => {
  const model = analyzeTemplate(TEMPLATE);
  assert.deepEqual(model.parseErrors, []);
  assert.equal(asString(model.scaleSets[0]!.mode?.value), 'Rolling');
});

test('a byte-order mark keeps offsets pointing into the original text', () => {
  const text = '\uFEFF' + TEMPLATE;
  const model = analyzeTemplate(text);
  assert.deepEqual(model.parseErrors, []);
  const mode = model.scaleSets[0]!.mode!;
  assert.equal(text.slice(mode.keySpan.offset, mode.keySpan.offset + mode.keySpan.length), '"mode"');
});

test('CRLF line endings', () => {
  const text = TEMPLATE.replace(/\n/g, '\r\n');
  const model = analyzeTemplate(text);
  assert.deepEqual(model.parseErrors, []);
  const span = model.scaleSets[0]!.mode!.value.span;
  assert.equal(text.slice(span.offset, span.offset + span.length), '"Rolling"');
});

test('half-typed text: the model is built from what parsed and the errors are reported', () => {
  const text = `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "web", "properties": { "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": `;
  const model = analyzeTemplate(text);
  assert.ok(model.parseErrors.length > 0);
  assert.equal(model.scaleSets.length, 1);
  assert.equal(asString(model.scaleSets[0]!.mode?.value), 'Rolling');
});

test('a missing comma still yields the scale set', () => {
  const model = analyzeTemplate(
    `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets" "name": "web" "properties": { "upgradePolicy": { "mode": "Manual" } } } ] }`,
  );
  assert.ok(model.parseErrors.some((e) => /comma/i.test(e.message)));
  assert.equal(model.scaleSets.length, 1);
});

test('very deep nesting is reported with a clear error, not a stack overflow, and the rest is still read', () => {
  const depth = 100_000;
  const model = analyzeTemplate('['.repeat(depth) + ']'.repeat(depth));
  assert.equal(model.scaleSets.length, 0);
  assert.match(model.parseErrors[0]!.message, /^Nested more than 256 levels deep/);
  const template = analyzeTemplate(
    `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "web", "tags": { "x": ${'['.repeat(depth)}${']'.repeat(depth)} }, "properties": { "upgradePolicy": { "mode": "Rolling" } } } ] }`,
  );
  assert.equal(template.parseErrors.length, 1);
  assert.equal(asString(template.scaleSets[0]!.mode?.value), 'Rolling');
});

test('strings full of markup stay data', () => {
  const name = '<img src=x onerror=alert(1)>';
  const model = analyzeTemplate(`{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "${name}" } ] }`);
  assert.equal(model.scaleSets[0]!.displayName, name);
});

test('cyclic variables end in an unknown naming the cycle', () => {
  const model = analyzeTemplate(
    `{ "variables": { "a": "[variables('b')]", "b": "[variables('a')]" }, "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "[variables('a')]" } ] }`,
  );
  const name = model.scaleSets[0]!.name!;
  assert.equal(name.kind, 'unknown');
});
