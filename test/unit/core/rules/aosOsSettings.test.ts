import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { aosPolicy, linuxProfile, scaleSetTemplate, UNKNOWN, windowsProfile } from './aosHarness';

const windows = (config: string, options: { apiVersion?: string; upgradePolicy?: string } = {}) =>
  scaleSetTemplate({
    apiVersion: options.apiVersion,
    upgradePolicy: options.upgradePolicy ?? aosPolicy(),
    vmProfile: windowsProfile(config),
  });

test('aos-windows-automatic-updates: an explicit true with AOS is an error quoting Azure; the fix sets false', () => {
  const text = windows('{ "enableAutomaticUpdates": true }');
  const [finding, ...rest] = findingsOf(text, 'aos-windows-automatic-updates');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'error');
  assert.equal(textAt(text, finding!), 'true');
  assert.match(
    fullText(finding!),
    /cannot be set to true if upgradePolicy\.automaticOSUpgradePolicy\.enableAutomaticOSUpgrade is already true, starting from APIversion 2019-03-01/,
  );
  const fixed = fixAndRecheck(text, 'aos-windows-automatic-updates');
  assert.ok(fixed.includes('"enableAutomaticUpdates": false'));
});

test('aos-windows-automatic-updates: a "true" string counts too', () => {
  assert.equal(findingsOf(windows('{ "enableAutomaticUpdates": "true" }'), 'aos-windows-automatic-updates').length, 1);
});

test('aos-windows-automatic-updates: silent when absent (Azure turns it off), false, before API 2019-03-01, AOS off, or unknown', () => {
  assert.deepEqual(findingsOf(windows('{ "provisionVMAgent": true }'), 'aos-windows-automatic-updates'), []);
  assert.deepEqual(findingsOf(windows('{ "enableAutomaticUpdates": false }'), 'aos-windows-automatic-updates'), []);
  assert.deepEqual(
    findingsOf(windows('{ "enableAutomaticUpdates": true }', { apiVersion: '2018-10-01' }), 'aos-windows-automatic-updates'),
    [],
  );
  assert.deepEqual(
    findingsOf(windows('{ "enableAutomaticUpdates": true }', { upgradePolicy: '{ "mode": "Rolling" }' }), 'aos-windows-automatic-updates'),
    [],
  );
  assert.deepEqual(findingsOf(windows(`{ "enableAutomaticUpdates": ${UNKNOWN} }`), 'aos-windows-automatic-updates'), []);
});

test('aos-patch-mode: Windows AutomaticByPlatform with AOS is a warning; the fix sets Manual', () => {
  const text = windows('{ "enableAutomaticUpdates": false, "patchSettings": { "patchMode": "AutomaticByPlatform" } }');
  const [finding] = findingsOf(text, 'aos-patch-mode');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '"AutomaticByPlatform"');
  assert.match(fullText(finding!), /windowsConfiguration\.patchSettings\.patchMode is "AutomaticByPlatform"[^]*sources disagree/);
  assert.ok(fixAndRecheck(text, 'aos-patch-mode').includes('"patchMode": "Manual"'));
});

test('aos-patch-mode: Linux AutomaticByPlatform (any case) is an error; the fix sets ImageDefault', () => {
  const text = scaleSetTemplate({
    upgradePolicy: aosPolicy(),
    vmProfile: linuxProfile(undefined, '"patchSettings": { "patchMode": "automaticByPlatform" }'),
  });
  const [finding] = findingsOf(text, 'aos-patch-mode');
  assert.match(fullText(finding!), /linuxConfiguration\.patchSettings\.patchMode/);
  assert.ok(fixAndRecheck(text, 'aos-patch-mode').includes('"patchMode": "ImageDefault"'));
});

test('aos-patch-mode: silent for other patch modes, AOS off, and unknown values', () => {
  assert.deepEqual(
    findingsOf(windows('{ "enableAutomaticUpdates": false, "patchSettings": { "patchMode": "AutomaticByOS" } }'), 'aos-patch-mode'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      windows('{ "patchSettings": { "patchMode": "AutomaticByPlatform" } }', { upgradePolicy: '{ "mode": "Manual" }' }),
      'aos-patch-mode',
    ),
    [],
  );
  assert.deepEqual(findingsOf(windows(`{ "patchSettings": { "patchMode": ${UNKNOWN} } }`), 'aos-patch-mode'), []);
  assert.deepEqual(findingsOf(windows(`{ "patchSettings": ${UNKNOWN} }`), 'aos-patch-mode'), []);
});
