import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { loadBalancer, PROBE_ID, scaleSetTemplate, UNKNOWN } from './healthFixtures';

const ROLLING = '{ "mode": "Rolling" }';
const withProbe = (probe: string, o: { sku?: string; properties?: string[]; id?: string } = {}) =>
  scaleSetTemplate({
    upgradePolicy: ROLLING,
    healthProbe: o.id ?? PROBE_ID,
    resources: [loadBalancer(probe, o.sku)],
    properties: o.properties ?? [],
  });
const probe = (props: string) => `{
  "name": "http", // the app's health endpoint
  "properties": { "protocol": "Http", "port": 80, "requestPath": "/"${props ? `, ${props}` : ''} }
}`;

test('health-probe-rate: interval × numberOfProbes of two minutes or more', () => {
  const text = withProbe(probe('"intervalInSeconds": 60, "numberOfProbes": 2'));
  const [finding] = findingsOf(text, 'health-probe-rate');
  assert.equal(finding!.severity, 'warning');
  assert.equal(textAt(text, finding!), '60');
  assert.match(
    fullText(finding!),
    /Health probe "http" needs 120 s to notice a failed instance[^]*Load balancer "lb1": intervalInSeconds 60 × numberOfProbes 2 = 120 s\./,
  );
  assert.match(fullText(finding!), /less than two minutes:/);
  const fixed = fixAndRecheck(text, 'health-probe-rate');
  assert.match(fixed, /"intervalInSeconds": 30, "numberOfProbes": 2/);
});

test('health-probe-rate: probeThreshold is used when set, and the message says so; ARM defaults fill the gaps', () => {
  const text = withProbe(probe('"probeThreshold": 8, "numberOfProbes": 2'));
  const [finding] = findingsOf(text, 'health-probe-rate');
  assert.match(
    fullText(finding!),
    /needs 120 s [^]*intervalInSeconds 15 \(ARM default\) × probeThreshold 8 = 120 s \(probeThreshold is used because it is set/,
  );
  assert.equal(textAt(text, finding!).startsWith('{'), true, 'points at the probe when the interval is absent');
  const fixed = fixAndRecheck(text, 'health-probe-rate');
  assert.match(fixed, /"probeThreshold": 8, "numberOfProbes": 2, "intervalInSeconds": 10/);
});

test('health-probe-rate: silent under two minutes, with defaults only, for unknown values and unresolved probes', () => {
  assert.deepEqual(findingsOf(withProbe(probe('"intervalInSeconds": 59, "numberOfProbes": 2')), 'health-probe-rate'), []);
  assert.deepEqual(findingsOf(withProbe(probe('')), 'health-probe-rate'), [], '15 × 2 = 30 s');
  assert.deepEqual(findingsOf(withProbe(probe(`"intervalInSeconds": ${UNKNOWN}, "numberOfProbes": 9`)), 'health-probe-rate'), []);
  assert.deepEqual(findingsOf(withProbe(probe('"intervalInSeconds": 60'), { id: UNKNOWN }), 'health-probe-rate'), []);
  assert.deepEqual(findingsOf(withProbe(probe('"intervalInSeconds": 60, "probeThreshold": ' + UNKNOWN)), 'health-probe-rate'), []);
});

test('health-probe-rate: no fix when even 5 s is too slow, or the interval comes from a parameter', () => {
  const [slow] = findingsOf(withProbe(probe('"intervalInSeconds": 5, "numberOfProbes": 24')), 'health-probe-rate');
  assert.deepEqual(slow!.fixes, []);
  const text = scaleSetTemplate({
    upgradePolicy: ROLLING,
    healthProbe: PROBE_ID,
    parameters: '"interval": { "type": "int", "defaultValue": 90 }',
    resources: [loadBalancer(probe(`"intervalInSeconds": "[parameters('interval')]"`))],
  });
  const [param] = findingsOf(text, 'health-probe-rate');
  assert.match(fullText(param!), /intervalInSeconds 90 \(the value comes from the default value of parameter 'interval'\)/);
  assert.deepEqual(param!.fixes, []);
});

test('health-probe-basic-lb: singlePlacementGroup false with a Basic or sku-less load balancer', () => {
  const text = withProbe(probe(''), { sku: '{ "name": "Basic" }', properties: ['"singlePlacementGroup": false'] });
  const [finding] = findingsOf(text, 'health-probe-basic-lb');
  assert.equal(textAt(text, finding!), 'false');
  assert.match(
    fullText(finding!),
    /load balancer "lb1" \(sku "Basic"\); it must be Standard\.[^]*Without a single placement group the health probe must be on a Standard load balancer/,
  );
  const noSku = withProbe(probe(''), { sku: '', properties: ['"singlePlacementGroup": "false"'] });
  assert.match(fullText(findingsOf(noSku, 'health-probe-basic-lb')[0]!), /no sku, so it is Basic/);
});

test('health-probe-basic-lb: silent for Standard, single placement group, unknown sku or flag', () => {
  assert.deepEqual(findingsOf(withProbe(probe(''), { properties: ['"singlePlacementGroup": false'] }), 'health-probe-basic-lb'), []);
  assert.deepEqual(findingsOf(withProbe(probe(''), { sku: '{ "name": "Basic" }' }), 'health-probe-basic-lb'), []);
  assert.deepEqual(
    findingsOf(
      withProbe(probe(''), { sku: `{ "name": ${UNKNOWN} }`, properties: ['"singlePlacementGroup": false'] }),
      'health-probe-basic-lb',
    ),
    [],
  );
  assert.deepEqual(
    findingsOf(
      withProbe(probe(''), { sku: '{ "name": "Basic" }', properties: [`"singlePlacementGroup": ${UNKNOWN}`] }),
      'health-probe-basic-lb',
    ),
    [],
  );
});

test('health-probe-unresolved: an id that is not a load-balancer probe (a disk)', () => {
  const disk = '"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/disks/disk123"';
  const text = withProbe(probe(''), { id: disk });
  const [finding] = findingsOf(text, 'health-probe-unresolved');
  assert.equal(textAt(text, finding!), disk);
  assert.match(fullText(finding!), /is a Microsoft\.Compute\/disks resource \("disk123"\), not a load-balancer probe/);
  assert.match(fullText(findingsOf(withProbe(probe(''), { id: '"http"' }), 'health-probe-unresolved')[0]!), /not a resource id at all/);
});

test('health-probe-unresolved: a probe name the load balancer does not have, with a fix for a literal id', () => {
  const text = withProbe(probe(''), {
    id: '"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb1/probes/htp"',
  });
  const [finding] = findingsOf(text, 'health-probe-unresolved');
  assert.match(
    fullText(finding!),
    /names probe "htp", which load balancer "lb1" does not have, so the deployment fails\. Did you mean "http"\?[^]*has only "http"/,
  );
  assert.match(fixAndRecheck(text, 'health-probe-unresolved'), /loadBalancers\/lb1\/probes\/http"/);
  const expr = withProbe(probe(''), { id: `"[resourceId('Microsoft.Network/loadBalancers/probes', 'lb1', 'tcp')]"` });
  assert.deepEqual(findingsOf(expr, 'health-probe-unresolved')[0]!.fixes, [], 'no fix inside an expression');
});

test("health-probe-unresolved: silent for a found probe, another template's load balancer, and unknown ids", () => {
  assert.deepEqual(findingsOf(withProbe(probe('')), 'health-probe-unresolved'), []);
  assert.deepEqual(
    findingsOf(
      withProbe(probe(''), { id: `"[resourceId('Microsoft.Network/loadBalancers/probes', 'other', 'p')]"` }),
      'health-probe-unresolved',
    ),
    [],
  );
  assert.deepEqual(findingsOf(withProbe(probe(''), { id: UNKNOWN }), 'health-probe-unresolved'), []);
});
