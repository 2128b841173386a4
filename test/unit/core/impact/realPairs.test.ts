// A real pair, pinned: Azure/vm-scale-sets preview/upgrade/manualrolling.json (f2366b4, 2017-09-22) and its
// zones variant zonesmanualrolling.json (3418f58, 2017-09-23), both byte for byte in test/fixtures/real-templates
// (SOURCES.md). Consecutive revisions of one public template are not available offline; this pair is the closest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getLanguageService } from '../../../../server/src/core/languageService';
import { compareScaleSets } from '../../../../server/src/core/impact';
import { planUpgrade, simInputFromScaleSet } from '../../../../server/src/core/sim';

const ls = getLanguageService();
const read = (name: string) => {
  const path = `test/fixtures/real-templates/${name}`;
  return ls.createDocument(path, undefined, readFileSync(path, 'utf8')).model;
};

test('manualrolling → zonesmanualrolling: policy values, a data disk dropped, zones refused at API 2017-03-30', () => {
  const before = read('vmss-preview-manualrolling.json');
  const after = read('vmss-preview-zonesmanualrolling.json');
  const report = compareScaleSets(before, after);
  assert.equal(report.scaleSets.length, 1);
  const s = report.scaleSets[0]!;
  assert.equal(s.name, "[parameters('vmssNamePrefix')]", 'matched by the same name expression');
  assert.equal(s.status, 'changed');
  const rollingPolicy = 'properties.upgradePolicy.rollingUpgradePolicy';
  const nic =
    "properties.virtualMachineProfile.networkProfile.networkInterfaceConfigurations[[concat('nic', parameters('vmssNamePrefix'))]]" +
    ".properties.ipConfigurations[[concat('ipconfig', parameters('vmssNamePrefix'))]].properties.loadBalancerBackendAddressPools";
  assert.deepEqual(
    s.changes.map((c) => [c.path, c.class, c.before, c.after === null ? null : typeof c.after === 'object' ? 'object' : c.after]),
    [
      [`${rollingPolicy}.maxUnhealthyInstancePercent`, 'none', 20, 25],
      [`${rollingPolicy}.maxUnhealthyUpgradedInstancePercent`, 'none', 20, 10],
      ['properties.virtualMachineProfile.storageProfile.dataDisks', 'model', [{ diskSizeGB: '1023', lun: 0, createOption: 'Empty' }], null],
      [nic, 'model', s.changes[3]!.before, 'object'],
      ['zones', 'refused', null, 'object'],
    ],
  );
  // The back-end pool id is built by concat(subscription(), …) on one side and resourceId() on the other: may change.
  assert.equal(s.changes[3]!.mayChange, true);
  assert.equal(s.changes[4]!.azureError, "Changing property 'zones' is not allowed.");
  assert.match(s.changes[2]!.effect, /detached from every instance/);
  // The rollout of the model part is the simulator's plan of the new template.
  const plan = planUpgrade(simInputFromScaleSet(after.scaleSets[0]!, { trigger: 'model' }).input, { explain: true });
  assert.deepEqual(s.rollout?.plan, plan);
  assert.equal(s.rollout?.mode, 'Rolling');
});
