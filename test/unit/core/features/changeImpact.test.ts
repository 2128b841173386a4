import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../helpers/lspClient';
import { ls } from '../../../helpers/languageService';
import type { TemplateDocument } from '../../../../server/src/core/languageService';

// Change impact in the editor, through the facade: the report is compareScaleSets' (the one `diff`
// prints), and a lens words it on each scale set the edit changes.

const BASE = readFileSync(join(ROOT, 'examples/rolling-zones.json'), 'utf8');
const lensesOf = (before: TemplateDocument, after: TemplateDocument, o: { uri: string; label: string }) =>
  ls.getChangeImpactLenses(after, ls.compareDocuments(before, after)!, o);
const doc = (text: string, uri = 'file:///t/rolling-zones.json') => ls.createDocument(uri, 'json', text);

test('a model update under Rolling: the lens quotes the plan the simulator makes (batches and duration)', () => {
  const before = doc(BASE);
  const after = doc(BASE.replace('"sku": "22_04-lts-gen2"', '"sku": "22_04-lts"'));
  const report = ls.compareDocuments(before, after)!;
  const impact = report.scaleSets[0]!;
  assert.equal(impact.status, 'changed');
  assert.ok(impact.rollout, 'a model change has a rollout');
  const lenses = ls.getChangeImpactLenses(after, ls.compareDocuments(before, after)!, {
    uri: 'u',
    label: 'HEAD',
    command: 'vmssUpgrade.showPreview',
  });
  assert.equal(lenses.length, 1);
  const batches = impact.rollout.plan.batches.length;
  assert.match(lenses[0]!.command!.title, new RegExp(`^Deploying this \\(vs HEAD\\): rolling model update, ${batches} batches, ≈\\d`));
  assert.equal(lenses[0]!.range.start.line, after.lines.positionAt(after.model.scaleSets[0]!.span.offset).line);
  assert.deepEqual(lenses[0]!.command!.arguments, [{ uri: 'u', path: ['resources', 0], name: 'web-vmss', section: 'changeImpact' }]);
  assert.match(lenses[0]!.command!.tooltip ?? '', /imageReference/);
});

test('a refused change and a new resource are counted in the lens; an unchanged document gets no lens', () => {
  const before = doc(BASE);
  assert.deepEqual(ls.getChangeImpactLenses(doc(BASE), ls.compareDocuments(before, doc(BASE))!, { uri: 'u', label: 'HEAD' }), []);
  assert.equal(ls.compareDocuments(before, doc(BASE))!.scaleSets[0]!.status, 'unchanged');
  const flexible = BASE.replace('"upgradePolicy"', '"orchestrationMode": "Flexible", "upgradePolicy"');
  const [lens] = ls.getChangeImpactLenses(doc(flexible), ls.compareDocuments(before, doc(flexible))!, { uri: 'u', label: 'main~1' });
  const report = ls.compareDocuments(before, doc(flexible))!;
  const classes = report.scaleSets[0]!.changes.map((c) => c.class);
  assert.ok(
    classes.some((c) => c === 'refused' || c === 'newResource'),
    classes.join(),
  );
  assert.match(lens!.command!.title, /^Deploying this \(vs main~1\): .*(refused|forces a new resource)/);
});

test('the same edit in the JSON template and its Bicep twin gets the same lens title', () => {
  const bicep = `resource web 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' = {
  name: 'web'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 10 }
  properties: {
    upgradePolicy: { mode: 'Manual' }
  }
}
`;
  const json = JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        {
          type: 'Microsoft.Compute/virtualMachineScaleSets',
          apiVersion: '2023-09-01',
          name: 'web',
          location: 'westeurope',
          sku: { name: 'Standard_D2s_v5', capacity: 10 },
          properties: { upgradePolicy: { mode: 'Manual' } },
        },
      ],
    },
    null,
    2,
  );
  const edit = (t: string) => t.replace(/Standard_D2s_v5/, 'Standard_D4s_v5');
  const b = ls.createDocument('file:///t/main.bicep', 'bicep', bicep);
  const j = ls.createDocument('file:///t/main.json', 'json', json);
  const bicepTitle = lensesOf(b, ls.createDocument('file:///t/main.bicep', 'bicep', edit(bicep)), {
    uri: 'u',
    label: 'HEAD',
  })[0]!.command!.title;
  const jsonTitle = lensesOf(j, ls.createDocument('file:///t/main.json', 'json', edit(json)), {
    uri: 'u',
    label: 'HEAD',
  })[0]!.command!.title;
  assert.equal(bicepTitle, jsonTitle);
  assert.match(jsonTitle, /model update: 0 of 10 instances change until a manual upgrade/);
});

test('on a template Azure refuses, the lens says which finding blocks it, as the simulation lens does', () => {
  const before = doc(BASE);
  const after = doc(
    BASE.replace(/"maxUnhealthyInstancePercent": \d+/, '"maxUnhealthyInstancePercent": 150').replace(
      '"sku": "22_04-lts-gen2"',
      '"sku": "22_04-lts"',
    ),
  );
  const [lens] = lensesOf(before, after, { uri: 'u', label: 'HEAD' });
  assert.match(lens!.command!.title, /^Deploying this \(vs HEAD\): rolling model update, .* · blocked by value-out-of-range$/);
  assert.doesNotMatch(
    lensesOf(before, doc(BASE.replace('"sku": "22_04-lts-gen2"', '"sku": "22_04-lts"')), { uri: 'u', label: 'HEAD' })[0]!.command!.title,
    /blocked/,
  );
});
