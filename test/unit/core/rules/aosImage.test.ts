import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, lint, textAt, fullText } from './harness';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { runRules } from '../../../../server/src/core/rules';
import { aosPolicy, linuxProfile, scaleSetTemplate, UNKNOWN } from './aosHarness';

const GALLERY = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/galleries/gal/images/web';
const withImage = (imageReference?: string, upgradePolicy = aosPolicy()) =>
  scaleSetTemplate({ upgradePolicy, vmProfile: linuxProfile(imageReference) });

test('aos-image-version: a pinned platform version is an error with the platform text; the fix sets latest', () => {
  const text = withImage(
    '"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-LTS-Gen2", "version": "22.04.202401010"',
  );
  const [finding, ...rest] = findingsOf(text, 'aos-image-version');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(textAt(text, finding!), '"22.04.202401010"');
  assert.match(fullText(finding!), /must use Platform or Gallery Image with version set to 'latest'/);
  assert.equal(finding!.related.length, 1);
  const fixed = fixAndRecheck(text, 'aos-image-version');
  assert.ok(fixed.includes('"version": "latest"'));
});

test('aos-image-version: a gallery id with /versions/ is an error; the fix drops the segment', () => {
  const text = withImage(`"id": "${GALLERY}/versions/1.2.3"`);
  const [finding] = findingsOf(text, 'aos-image-version');
  assert.match(fullText(finding!), /pins image version "1\.2\.3"/);
  const fixed = fixAndRecheck(text, 'aos-image-version');
  assert.ok(fixed.includes(`"id": "${GALLERY}"`));
});

test('aos-image-version: silent for latest (any case), an unpinned gallery id, AOS off, and unknown values', () => {
  assert.deepEqual(
    findingsOf(
      withImage('"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-LTS-Gen2", "version": "Latest"'),
      'aos-image-version',
    ),
    [],
  );
  assert.deepEqual(findingsOf(withImage(`"id": "${GALLERY}"`), 'aos-image-version'), []);
  const off = aosPolicy().replace('"enableAutomaticOSUpgrade": true', '"enableAutomaticOSUpgrade": false');
  assert.deepEqual(
    findingsOf(withImage('"publisher": "Canonical", "offer": "x", "sku": "y", "version": "1.0.0"', off), 'aos-image-version'),
    [],
  );
  assert.deepEqual(
    findingsOf(withImage(`"publisher": "Canonical", "offer": "x", "sku": "y", "version": ${UNKNOWN}`), 'aos-image-version'),
    [],
  );
  const unknownAos = aosPolicy().replace('"enableAutomaticOSUpgrade": true', `"enableAutomaticOSUpgrade": ${UNKNOWN}`);
  assert.deepEqual(
    findingsOf(withImage('"publisher": "Canonical", "offer": "x", "sku": "y", "version": "1.0.0"', unknownAos), 'aos-image-version'),
    [],
  );
});

test('aos-image-version: a version from a parameter says so and offers no fix', () => {
  const text = scaleSetTemplate({
    parameters: '"imageVersion": { "type": "string", "defaultValue": "1.0.0" }',
    upgradePolicy: aosPolicy(),
    vmProfile: linuxProfile(
      `"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-LTS-Gen2", "version": "[parameters('imageVersion')]"`,
    ),
  });
  const [finding] = findingsOf(text, 'aos-image-version');
  assert.match(fullText(finding!), /parameter 'imageVersion'/);
  assert.deepEqual(finding!.fixes, []);
});

test('aos-image-version: the legacy automaticOSUpgrade boolean counts as AOS on', () => {
  const text = scaleSetTemplate({
    apiVersion: '2017-12-01',
    upgradePolicy: '{ "mode": "Rolling", "automaticOSUpgrade": true }',
    vmProfile: linuxProfile('"publisher": "Canonical", "offer": "UbuntuServer", "sku": "16.04-LTS", "version": "16.04.201801050"'),
  });
  assert.equal(findingsOf(text, 'aos-image-version').length, 1);
});

test('aos-custom-image: a Microsoft.Compute/images id is an error without a fix', () => {
  const text = withImage(`"id": "[resourceId('Microsoft.Compute/images', 'golden')]"`);
  const [finding, ...rest] = findingsOf(text, 'aos-custom-image');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.match(fullText(finding!), /managed image "golden".*Azure Compute Gallery/);
  assert.deepEqual(finding!.fixes, []);
});

test('aos-custom-image: silent for gallery images, platform images, AOS off and unknown ids', () => {
  assert.deepEqual(findingsOf(withImage(`"id": "${GALLERY}"`), 'aos-custom-image'), []);
  assert.deepEqual(findingsOf(withImage(), 'aos-custom-image'), []);
  const off = '{ "mode": "Manual" }';
  assert.deepEqual(findingsOf(withImage(`"id": "[resourceId('Microsoft.Compute/images', 'golden')]"`, off), 'aos-custom-image'), []);
  assert.deepEqual(findingsOf(withImage(`"id": ${UNKNOWN}`), 'aos-custom-image'), []);
});

test('aos-unlisted-platform-image: an undocumented SKU is a warning that names the documented ones', () => {
  const text = withImage(
    '"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-minimal", "version": "latest"',
  );
  const [finding] = findingsOf(text, 'aos-unlisted-platform-image');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '"22_04-lts-minimal"');
  assert.match(fullText(finding!), /Automatic OS Upgrade cannot be enabled on virtualMachineScaleSets configured with a Platform Image\./);
  assert.match(fullText(finding!), /22_04-LTS, 22_04-LTS-arm64, 22_04-LTS-Gen2/);
  assert.match(fullText(finding!), /added to the list periodically|adds images to the list periodically/);
  assert.equal(finding!.related.length, 3);
});

test('aos-unlisted-platform-image: listed images match case-insensitively; silent for gallery ids, AOS off, unknown SKUs', () => {
  assert.deepEqual(
    findingsOf(
      withImage('"publisher": "canonical", "offer": "0001-COM-UBUNTU-SERVER-JAMMY", "sku": "22_04-lts-gen2", "version": "latest"'),
      'aos-unlisted-platform-image',
    ),
    [],
  );
  assert.deepEqual(findingsOf(withImage(`"id": "${GALLERY}"`), 'aos-unlisted-platform-image'), []);
  assert.deepEqual(
    findingsOf(
      withImage('"publisher": "Contoso", "offer": "x", "sku": "y", "version": "latest"', '{ "mode": "Rolling" }'),
      'aos-unlisted-platform-image',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(withImage(`"publisher": "Contoso", "offer": "x", "sku": ${UNKNOWN}, "version": "latest"`), 'aos-unlisted-platform-image'),
    [],
  );
});

test('aos-unlisted-platform-image: Ubuntu 24.04 (ubuntu-24_04-lts/server and server-arm64) counts as supported, in JSON and Bicep', () => {
  for (const sku of ['server', 'Server', 'server-arm64'])
    assert.deepEqual(
      findingsOf(
        withImage(`"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "${sku}", "version": "latest"`),
        'aos-unlisted-platform-image',
      ),
      [],
      sku,
    );
  const bicep = `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2025-11-01' = {
  name: 'web'
  location: 'westeurope'
  properties: {
    upgradePolicy: {
      mode: 'Rolling'
      automaticOSUpgradePolicy: { enableAutomaticOSUpgrade: true }
    }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: SKU, version: 'latest' }
      }
    }
  }
}
`;
  const unlisted = (sku: string) => {
    const text = bicep.replace('SKU', `'${sku}'`);
    return runRules(analyzeBicep(text), text).filter((f) => f.ruleId === 'aos-unlisted-platform-image');
  };
  assert.deepEqual(unlisted('server'), []);
  const [gen1] = unlisted('server-gen1');
  assert.match(gen1!.message, /Canonical\/ubuntu-24_04-lts\/server-gen1 is not on the 2026-05-19 list of images with automatic OS upgrade/);
});

test('aos-unlisted-platform-image: the finding says how old the list is, and with a clock how long ago it was read', () => {
  const text = withImage('"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server-gen1", "version": "latest"');
  const [finding] = findingsOf(text, 'aos-unlisted-platform-image');
  assert.ok(finding!.message.length <= 160);
  assert.match(
    fullText(finding!),
    /Microsoft's page as updated on 2026-05-19, read on 2026-12-02; images added to the page since then are missing/,
  );
  assert.match(fullText(finding!), /Documented SKUs of Canonical\/ubuntu-24_04-lts: server-arm64\./);
  const [dated] = lint(text, undefined, undefined, '2027-01-01T12:00:00Z').filter((f) => f.ruleId === 'aos-unlisted-platform-image');
  assert.match(fullText(dated!), /read on 2026-12-02 \(30 days ago\)/);
});
