import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { UNKNOWN } from './healthFixtures';
import { AOS_ON, sfCluster, sfExtension, sfTemplate } from './serviceFabricFixtures';

const bronzeCluster = (stateless: string) =>
  sfCluster(`{ "name": "nt1", "durabilityLevel": "Bronze", "isStateless": ${stateless}, "vmInstanceCount": 5 }`);

test('the baseline Service Fabric template is clean for every SF rule', () => {
  const text = sfTemplate({ upgradePolicy: AOS_ON });
  for (const id of [
    'sf-durability',
    'sf-extension-version',
    'sf-durability-mismatch',
    'sf-health-probe',
    'sf-automatic-updates',
    'sf-min-capacity',
    'sf-overprovision',
  ]) {
    assert.deepEqual(findingsOf(text, id), [], id);
  }
});

test('sf-durability: Bronze with automatic OS upgrade on a node type that is not stateless-only', () => {
  const text = sfTemplate({
    upgradePolicy: AOS_ON,
    extension: sfExtension({ durability: '"Bronze"' }),
    resources: [bronzeCluster('false')],
  });
  const [finding] = findingsOf(text, 'sf-durability');
  assert.equal(textAt(text, finding!), '"Bronze"');
  assert.match(
    fullText(finding!),
    /node type "nt1" has durability Bronze, but automatic OS upgrade needs Silver or Gold.*\(isStateless is false\)/,
  );
  assert.deepEqual(
    finding!.related.map((r) => r.message),
    ['Automatic OS upgrade is turned on here.', 'The cluster\'s node type "nt1" (isStateless).'],
  );
  const noCluster = sfTemplate({ upgradePolicy: AOS_ON, extension: sfExtension({ durability: '"Bronze"' }), resources: [] });
  assert.match(
    fullText(findingsOf(noCluster, 'sf-durability')[0]!),
    /The cluster is not in this template; unless node type "nt1" is stateless-only/,
  );
});

test('sf-durability: silent for stateless node types, Silver, AOS off, and unknown values', () => {
  const bronze = sfExtension({ durability: '"Bronze"' });
  assert.deepEqual(
    findingsOf(sfTemplate({ upgradePolicy: AOS_ON, extension: bronze, resources: [bronzeCluster('true')] }), 'sf-durability'),
    [],
  );
  assert.deepEqual(findingsOf(sfTemplate({ upgradePolicy: AOS_ON }), 'sf-durability'), []);
  assert.deepEqual(findingsOf(sfTemplate({ extension: bronze, resources: [bronzeCluster('false')] }), 'sf-durability'), []);
  assert.deepEqual(
    findingsOf(sfTemplate({ upgradePolicy: AOS_ON, extension: bronze, resources: [bronzeCluster(UNKNOWN)] }), 'sf-durability'),
    [],
  );
  assert.deepEqual(findingsOf(sfTemplate({ upgradePolicy: AOS_ON, extension: sfExtension({ durability: UNKNOWN }) }), 'sf-durability'), []);
});

test('sf-extension-version: typeHandlerVersion below 1.1 with automatic OS upgrade; fix to 1.1', () => {
  const text = sfTemplate({ upgradePolicy: AOS_ON, extension: sfExtension({ version: '"1.0"' }) });
  const [finding] = findingsOf(text, 'sf-extension-version');
  assert.equal(textAt(text, finding!), '"1.0"');
  assert.match(fullText(finding!), /typeHandlerVersion "1.0", but automatic OS upgrade on Service Fabric needs 1.1 or newer/);
  assert.match(fixAndRecheck(text, 'sf-extension-version'), /"typeHandlerVersion": "1.1"/);
});

test('sf-extension-version: silent for 1.1 and 2.0, without AOS, and for unknown versions', () => {
  assert.deepEqual(
    findingsOf(
      sfTemplate({ upgradePolicy: AOS_ON, extension: sfExtension({ version: '"2.0"', type: 'ServiceFabricLinuxNode' }) }),
      'sf-extension-version',
    ),
    [],
  );
  assert.deepEqual(findingsOf(sfTemplate({ extension: sfExtension({ version: '"1.0"' }) }), 'sf-extension-version'), []);
  assert.deepEqual(
    findingsOf(sfTemplate({ upgradePolicy: AOS_ON, extension: sfExtension({ version: UNKNOWN }) }), 'sf-extension-version'),
    [],
  );
  assert.deepEqual(
    findingsOf(
      sfTemplate({
        upgradePolicy: `{ "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": ${UNKNOWN} } }`,
        extension: sfExtension({ version: '"1.0"' }),
      }),
      'sf-extension-version',
    ),
    [],
  );
});

test('sf-durability-mismatch: the extension says Silver, the cluster Bronze; quotes SFRP and offers both fixes', () => {
  const text = sfTemplate({ resources: [bronzeCluster('false')] });
  const [finding] = findingsOf(text, 'sf-durability-mismatch');
  assert.equal(textAt(text, finding!), '"Silver"');
  assert.match(
    fullText(finding!),
    /"Durability Mismatch Detected for NodeType nt1\. VMSS Durability Silver does not match the current SFRP NodeType durability level Bronze"/,
  );
  assert.equal(textAt(text, { ...finding!, span: finding!.related[0]!.span }), '"Bronze"');
  assert.deepEqual(
    finding!.fixes.map((f) => f.title),
    ['Use the cluster\'s durability "Bronze" in the extension', 'Change the cluster\'s node type to "Silver"'],
  );
  assert.match(fixAndRecheck(text, 'sf-durability-mismatch'), /"durabilityLevel": "Bronze" \}/);
  assert.match(fixAndRecheck(text, 'sf-durability-mismatch', /cluster's node type/), /"durabilityLevel": "Silver", "isStateless"/);
});

test('sf-durability-mismatch: silent when equal (any case), when the node type is elsewhere, or unknown', () => {
  assert.deepEqual(findingsOf(sfTemplate({ extension: sfExtension({ durability: '"silver"' }) }), 'sf-durability-mismatch'), []);
  assert.deepEqual(
    findingsOf(
      sfTemplate({ extension: sfExtension({ nodeTypeRef: '"nt9"' }), resources: [bronzeCluster('false')] }),
      'sf-durability-mismatch',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(
      sfTemplate({ extension: sfExtension({ nodeTypeRef: UNKNOWN }), resources: [bronzeCluster('false')] }),
      'sf-durability-mismatch',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(sfTemplate({ resources: [sfCluster(`{ "name": "nt1", "durabilityLevel": ${UNKNOWN} }`)] }), 'sf-durability-mismatch'),
    [],
  );
});
