import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
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
