// Property tests: whatever the text, the engine returns a model and never throws or hangs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/real-templates');
const realTemplates = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

/** JSON values shaped like templates, with expressions, policy names and odd types mixed in. */
const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    "[parameters('p')]",
    "[variables('v')]",
    "[concat('a', variables('v'))]",
    '[if(true(), 1, 2)]',
    '[[escaped]',
    '[',
    '[]',
    "[reference('x').y]",
  ),
);
const key = fc.constantFrom(
  'type',
  'name',
  'properties',
  'upgradePolicy',
  'mode',
  'rollingUpgradePolicy',
  'automaticOSUpgradePolicy',
  'resources',
  'template',
  'parameters',
  'variables',
  'sku',
  'capacity',
  'copy',
  'zones',
  'virtualMachineProfile',
  'extensionProfile',
  'extensions',
  'value',
  'defaultValue',
  'Microsoft.Compute/virtualMachineScaleSets',
);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(key, fc.string()), tie('tree'), { maxKeys: 5 }),
  ),
}));

test('random template-like JSON never makes the engine throw', () => {
  fc.assert(
    fc.property(tree, tree, (resource, variables) => {
      const text = JSON.stringify({
        variables,
        resources: [resource, { type: 'Microsoft.Compute/virtualMachineScaleSets', properties: resource }],
      });
      const model = analyzeTemplate(text);
      assert.ok(Array.isArray(model.scaleSets));
    }),
    { numRuns: 300 },
  );
});

test('truncating or mutating a real template never makes the engine throw', () => {
  fc.assert(
    fc.property(
      fc.nat(realTemplates.length - 1),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.string({ maxLength: 3 }),
      (index, at, insert) => {
        const text = realTemplates[index]!;
        const cut = Math.floor(text.length * at);
        analyzeTemplate(text.slice(0, cut));
        const model = analyzeTemplate(text.slice(0, cut) + insert + text.slice(cut + 1));
        assert.ok(model.parseErrors.length >= 0);
      },
    ),
    { numRuns: 200 },
  );
});

test('random text never makes the engine throw', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '/', '*', '\n', 'a', '1', ' ', '\\', "'") }),
      (text) => {
        analyzeTemplate(text);
      },
    ),
    { numRuns: 500 },
  );
});
