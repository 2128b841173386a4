// The hover on a flagged range tells each finding there in full: severity, rule id, message, the
// explanation, Azure's error text for this case, the assumption, and links (sources and the rule's page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor } from '../../../helpers/cursor';
import { internalIds } from '../../../helpers/internalIds';
import { liveMarkup } from '../../../helpers/liveMarkup';
import { bicepDocument, jsonDocument, ls } from '../../../helpers/languageService';
import { EMPTY_CONFIG, RULES, ruleDocsUrl } from '../../../../server/src/core/rules';
import { SOURCES } from '../../../../server/src/core/catalog/sources';

function hoverAt(marked: string): { value: string; plain: string; findings: number } | undefined {
  const { text, offset } = cursor(marked);
  const doc = jsonDocument(text);
  const findings = ls.findProblems(doc, EMPTY_CONFIG);
  const result = ls.doHover(doc, doc.lines.positionAt(offset), { findings });
  if (!result) return undefined;
  const value = (result.contents as { value: string }).value;
  return { value, plain: value.replace(/\\([!-/:-@[-`{-~])/g, '$1'), findings: findings.length };
}

const scaleSet = (name: string, policy: string, extra = '') => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-11-01",
      "name": ${JSON.stringify(name)},
      "sku": { "capacity": 10 },
      "properties": {
        ${extra}
        "upgradePolicy": ${policy}
      }
    }
  ]
}`;

const ALLOWED = new Set([
  ...Object.values(SOURCES).map((s) => s.url),
  ...RULES.map((r) => ruleDocsUrl(r.id)),
  // The property hover's own documentation link.
  'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-configure-rolling-upgrades',
]);

test('the hover on a flagged value tells the finding in full, with Azure\u2019s text and links', () => {
  const hover = hoverAt(scaleSet('web', '{ "mode": "Automatic", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": tr|ue } }'))!;
  assert.match(
    hover.plain,
    /^\*\*Error\*\* · aos-requires-health: The scale set has automatic OS image upgrade on but has no health probe/,
  );
  assert.match(hover.plain, /The upgrade waits up to 5 minutes per batch/);
  assert.match(
    hover.plain,
    /Azure's error: "Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because a health probe or health extension was not specified\."/,
  );
  assert.match(
    hover.plain,
    /\[Automatic OS image upgrades with Azure Virtual Machine Scale Sets\]\(https:\/\/learn\.microsoft\.com\/azure\/virtual-machine-scale-sets\/virtual-machine-scale-sets-automatic-upgrade\)/,
  );
  assert.match(
    hover.plain,
    /\[Rule documentation: aos-requires-health\]\(https:\/\/github\.com\/vmss-upgrade-policy\/vmss-upgrade-policy\/blob\/main\/docs\/rules\/aos-requires-health\.md\)/,
  );
  assert.deepEqual(internalIds(hover.value), []);
  assert.deepEqual(liveMarkup(hover.value, ALLOWED), []);
});

test('a property hover keeps its documentation above the findings; elsewhere no finding is shown', () => {
  const text = scaleSet(
    'web',
    '{ "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 15|0 } }',
    '"virtualMachineProfile": { "extensionProfile": { "extensions": [ { "name": "h", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux", "typeHandlerVersion": "2.0", "settings": { "protocol": "tcp", "port": 80 } } } ] } },',
  );
  const hover = hoverAt(text)!;
  assert.match(
    hover.plain,
    /value-out-of-range: maxBatchInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails\./,
  );
  assert.match(
    hover.plain,
    /^150 % of 10 = 10, but [^]*\n\n---\n\n\*\*Error\*\* · value-out-of-range/,
    'the findings follow the property hover',
  );
  const elsewhere = hoverAt(text.replace('15|0', '150').replace('"Roll', '"Ro|ll'));
  assert.doesNotMatch(elsewhere?.plain ?? '', /value-out-of-range/);
});

test('template text in a finding shows as text in the hover, never as markup', () => {
  const name = '<img src=x onerror=alert(1)> [x](command:evil) `code` $(zap)';
  const hover = hoverAt(scaleSet(name, '{ "mode": "Automatic", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": tr|ue } }'))!;
  assert.deepEqual(liveMarkup(hover.value, ALLOWED), []);
});

test('Bicep: the hover on a flagged value tells the finding in full too', () => {
  const marked = `resource web 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 10 }
  properties: {
    upgradePolicy: {
      mode: 'Manual'
      rollingUpgradePolicy: { maxBatchInstancePercent: 1|50 }
    }
  }
}
`;
  const { text, offset } = cursor(marked);
  const doc = bicepDocument(text);
  const findings = ls.findProblems(doc, EMPTY_CONFIG);
  const value = (ls.doHover(doc, doc.lines.positionAt(offset), { findings })?.contents as { value: string }).value;
  const plain = value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  assert.match(
    plain,
    /\*\*Error\*\* · value-out-of-range: maxBatchInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails\./,
  );
  assert.match(plain, /\[Rule documentation: value-out-of-range\]\(https:\/\/\S+\/value-out-of-range\.md\)/);
  assert.deepEqual(liveMarkup(value, ALLOWED), []);
});

test('a gate value out of range: the finding, and no count of instances as if it were a working limit', () => {
  // 150 % of 10 would read "up to 15 of 10 instances unhealthy at once".
  const hover = hoverAt(scaleSet('web', '{ "mode": "Rolling", "rollingUpgradePolicy": { "maxUnhealthyInstancePercent": 1|50 } }'))!;
  assert.match(hover.plain, /value-out-of-range: maxUnhealthyInstancePercent is 150/);
  assert.doesNotMatch(hover.plain, /up to \d+ of/);
  const inRange = hoverAt(scaleSet('web', '{ "mode": "Rolling", "rollingUpgradePolicy": { "maxUnhealthyInstancePercent": 5|0 } }'));
  assert.match(inRange?.plain ?? '', /50 % = up to 5 of 10 instances unhealthy at once/);
});
