import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPLICATION_HEALTH_EXTENSION,
  isApplicationHealthType,
  isDocumentedAosImage,
  isServiceFabricType,
  ORCHESTRATION_MODES,
  PATCH_MODES,
  SERVICE_FABRIC_EXTENSION,
} from '../../../../server/src/core/catalog';

test('Application Health extension facts (reference §2, S9)', () => {
  assert.equal(APPLICATION_HEALTH_EXTENSION.publisher, 'Microsoft.ManagedServices');
  assert.deepEqual(APPLICATION_HEALTH_EXTENSION.settings.intervalInSeconds, { default: 5, minimum: 5, maximum: 60 });
  assert.deepEqual(APPLICATION_HEALTH_EXTENSION.settings.numberOfProbes, { default: 1, minimum: 1, maximum: 24 });
  assert.equal(APPLICATION_HEALTH_EXTENSION.settings.gracePeriod.maximum, 14400);
  assert.ok(isApplicationHealthType('applicationhealthlinux'));
  assert.ok(isApplicationHealthType('ApplicationHealthWindows'));
  assert.ok(!isApplicationHealthType('ServiceFabricNode'));
});

test('Service Fabric extension facts (reference §2, §3.5)', () => {
  assert.deepEqual(SERVICE_FABRIC_EXTENSION.durabilityLevels, ['Bronze', 'Silver', 'Gold']);
  assert.ok(isServiceFabricType('ServiceFabricLinuxNode'));
  assert.ok(!isServiceFabricType('ApplicationHealthLinux'));
});

test('the documented AOS image list is matched case-insensitively', () => {
  assert.ok(isDocumentedAosImage('Canonical', '0001-com-ubuntu-server-jammy', '22_04-LTS-Gen2'));
  assert.ok(isDocumentedAosImage('microsoftwindowsserver', 'windowsserver', '2019-DATACENTER-gensecond'));
  assert.ok(isDocumentedAosImage('MicrosoftSqlServer', 'SQL2022-ws2022', 'enterprise-Gen2'));
  assert.ok(!isDocumentedAosImage('Canonical', 'UbuntuServer', '18.04-LTS'));
  assert.ok(!isDocumentedAosImage('MicrosoftWindowsServer', 'WindowsServer', '2025-Datacenter'));
});

test('patch and orchestration modes', () => {
  assert.deepEqual(PATCH_MODES.windows.values, ['Manual', 'AutomaticByOS', 'AutomaticByPlatform']);
  assert.deepEqual(PATCH_MODES.linux.values, ['ImageDefault', 'AutomaticByPlatform']);
  assert.equal(ORCHESTRATION_MODES.flexibleMinimumApiVersion, '2021-03-01');
});
