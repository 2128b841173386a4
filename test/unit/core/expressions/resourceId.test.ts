import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatResourceId, parseResourceId } from '../../../../server/src/core/expressions/resourceIds';
import { assertUnknown, assertValue } from './assertions';
import { mapScope } from './mapScope';

test('resourceId() without subscription and group gives the provider path only', () => {
  assertValue("[resourceId('Microsoft.Network/loadBalancers', 'lb')]", '/providers/Microsoft.Network/loadBalancers/lb');
  assertValue(
    "[resourceId('Microsoft.Network/loadBalancers/probes', 'lb', 'p')]",
    '/providers/Microsoft.Network/loadBalancers/lb/probes/p',
  );
  assertValue("[resourceId('Microsoft.Network/loadBalancers/probes', 'lb/p')]", '/providers/Microsoft.Network/loadBalancers/lb/probes/p');
});

test('resourceId() tolerates a trailing slash on the type, as ARM does', () => {
  assertValue(
    "[resourceId('Microsoft.Network/virtualNetworks/subnets/', 'vnet', 's')]",
    '/providers/Microsoft.Network/virtualNetworks/vnet/subnets/s',
  );
  assertUnknown("[resourceId('Microsoft.Network/', 'x')]", /is not valid/);
});

test('resourceId() with a resource group, and with subscription and group', () => {
  assertValue(
    "[resourceId('rg', 'Microsoft.Network/loadBalancers', 'lb')]",
    '/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb',
  );
  assertValue(
    "[resourceId('0000-1111', 'rg', 'Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]",
    '/subscriptions/0000-1111/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default',
  );
});

test('resourceId() evaluates its arguments', () => {
  const scope = mapScope({ parameters: { lbName: 'myLb' }, variables: { probe: 'health' } });
  assertValue(
    "[resourceId('Microsoft.Network/loadBalancers/probes', parameters('lbName'), variables('probe'))]",
    '/providers/Microsoft.Network/loadBalancers/myLb/probes/health',
    scope,
  );
});

test('resourceId() argument errors are unknown', () => {
  assertUnknown("[resourceId('Microsoft.Network/loadBalancers/probes', 'lb')]", /needs 2 names, got 1/);
  assertUnknown("[resourceId('Microsoft.Network/loadBalancers', 'lb', 'extra')]", /needs 1 name, got 2/);
  assertUnknown("[resourceId('a', 'b', 'c', 'Microsoft.Network/loadBalancers', 'lb')]", /needs a resource type/);
  assertUnknown("[resourceId('lb', 'lb2')]", /needs a resource type/);
  assertUnknown("[resourceId('Microsoft.Network/loadBalancers', 1)]", /expects a string as argument 2/);
});

test('parseResourceId() reads canonical and full Azure ids', () => {
  assert.deepEqual(parseResourceId('/providers/Microsoft.Network/loadBalancers/lb/probes/p'), {
    namespace: 'Microsoft.Network',
    types: ['loadBalancers', 'probes'],
    names: ['lb', 'p'],
  });
  assert.deepEqual(parseResourceId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb'), {
    subscriptionId: 's',
    resourceGroup: 'rg',
    namespace: 'Microsoft.Network',
    types: ['loadBalancers'],
    names: ['lb'],
  });
  assert.equal(parseResourceId('/SUBSCRIPTIONS/s/RESOURCEGROUPS/rg/PROVIDERS/Microsoft.Network/loadBalancers/lb')?.resourceGroup, 'rg');
  assert.equal(parseResourceId('not an id'), undefined);
  assert.equal(parseResourceId('/providers/Microsoft.Network/loadBalancers'), undefined);
  assert.equal(parseResourceId('/subscriptions/s/resourceGroups/rg'), undefined);
});

test('formatResourceId() and parseResourceId() round-trip', () => {
  const id = formatResourceId(['s', 'rg', 'Microsoft.Compute/virtualMachineScaleSets/extensions', 'vmss', 'ext']);
  assert.equal(typeof id, 'string');
  assert.deepEqual(parseResourceId(id as string), {
    subscriptionId: 's',
    resourceGroup: 'rg',
    namespace: 'Microsoft.Compute',
    types: ['virtualMachineScaleSets', 'extensions'],
    names: ['vmss', 'ext'],
  });
});
