// How the health probe is wired: health-probe-app-gateway, health-probe-not-load-balanced, health-probe-without-rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import type { TemplateModel } from '../../../../server/src/core/model/templateModel';
import { runRules } from '../../../../server/src/core/rules';
import { findingsOf, fullText, lint, textAt } from './harness';
import { PROBE_ID, scaleSetTemplate, UNKNOWN } from './healthFixtures';

const ROLLING = '{ "mode": "Rolling" }';
const POOL = (lb: string, pool: string) => `"[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', '${lb}', '${pool}')]"`;
const PROBE = (lb: string, probe: string) => `"[resourceId('Microsoft.Network/loadBalancers/probes', '${lb}', '${probe}')]"`;

/** One NIC with one IP configuration joining the pools given (JSON text of the ids). */
const nics = (pools: readonly string[] | string) => `[
  {
    "name": "nic",
    "properties": {
      "primary": true,
      "ipConfigurations": [
        {
          "name": "ipconfig",
          "properties": {
            "subnet": { "id": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]" },
            "loadBalancerBackendAddressPools": ${typeof pools === 'string' ? pools : `[${pools.map((id) => `{ "id": ${id} }`).join(', ')}]`}
          }
        }
      ]
    }
  }
]`;

/** Load balancer lb1 with probes http and tcp, pools web and admin, and the rules given (JSON text). */
const loadBalancer = (rules: readonly string[] | string) => `{
  "type": "Microsoft.Network/loadBalancers",
  "apiVersion": "2023-09-01",
  "name": "lb1",
  "location": "westeurope",
  "sku": { "name": "Standard" },
  "properties": {
    "backendAddressPools": [{ "name": "web" }, { "name": "admin" }],
    "probes": [
      { "name": "http", "properties": { "protocol": "Http", "port": 80, "requestPath": "/health", "intervalInSeconds": 5 } },
      { "name": "tcp", "properties": { "protocol": "Tcp", "port": 22, "intervalInSeconds": 5 } }
    ],
    "loadBalancingRules": ${typeof rules === 'string' ? rules : `[${rules.join(', ')}]`}
  }
}`;
const rule = (name: string, pool: string, probe: string) =>
  `{ "name": "${name}", "properties": { "protocol": "Tcp", "frontendPort": 80, "backendPort": 80, "backendAddressPool": { "id": ${POOL('lb1', pool)} }, "probe": { "id": ${PROBE('lb1', probe)} } } }`;

const template = (o: { probe?: string; pools?: readonly string[] | string; rules?: readonly string[] | string; properties?: string[] }) =>
  scaleSetTemplate({
    upgradePolicy: ROLLING,
    healthProbe: o.probe ?? PROBE_ID,
    networkInterfaceConfigurations: nics(o.pools ?? [POOL('lb1', 'web')]),
    resources: [loadBalancer(o.rules ?? [rule('http', 'web', 'http')])],
    properties: o.properties ?? [],
  });

test("health-probe-app-gateway: an Application Gateway probe as the health probe is an error with Azure's text", () => {
  const id = `"[resourceId('Microsoft.Network/applicationGateways/probes', 'agw', 'health')]"`;
  const text = template({ probe: id });
  const [finding] = findingsOf(text, 'health-probe-app-gateway');
  assert.equal(finding!.severity, 'error');
  assert.equal(textAt(text, finding!), id);
  assert.match(
    finding!.message,
    /healthProbe\.id names probe "health" of Application Gateway "agw"; only a load-balancer probe can be a health probe/,
  );
  assert.match(fullText(finding!), /The Id is expected to reference resources of type loadBalancers\/probes/);
  // Reported once: health-probe-unresolved leaves it to this rule.
  assert.deepEqual(findingsOf(text, 'health-probe-unresolved'), []);
  assert.deepEqual(findingsOf(template({}), 'health-probe-app-gateway'), [], 'a load-balancer probe');
  assert.deepEqual(findingsOf(template({ probe: UNKNOWN }), 'health-probe-app-gateway'), [], 'an id from an expression');
});

test("health-probe-not-load-balanced: the primary IP configuration joins no pool of the probe's load balancer", () => {
  const text = template({ pools: [POOL('otherLb', 'web')] });
  const [finding] = findingsOf(text, 'health-probe-not-load-balanced');
  assert.equal(finding!.severity, 'error');
  assert.equal(textAt(text, finding!), PROBE_ID);
  assert.match(
    finding!.message,
    /Health probe "http" is on load balancer "lb1", but IP configuration "ipconfig" joins none of its backend pools, so Azure rejects the deployment\./,
  );
  assert.match(
    fullText(finding!),
    /CannotUseHealthProbeWithoutLoadBalancing|does not use load balancing\. LoadBalancerBackendAddressPools property/,
  );
  assert.equal(finding!.related?.length, 2);
  assert.match(fullText(findingsOf(template({ pools: [] }), 'health-probe-not-load-balanced')[0]!), /must name a backend pool of "lb1"/);
});

test('health-probe-not-load-balanced: silent when joined, when unknown, on Flexible, and for a load balancer outside the template', () => {
  assert.deepEqual(findingsOf(template({}), 'health-probe-not-load-balanced'), []);
  assert.deepEqual(findingsOf(template({ pools: UNKNOWN }), 'health-probe-not-load-balanced'), [], 'the pools from an expression');
  assert.deepEqual(findingsOf(template({ pools: [UNKNOWN] }), 'health-probe-not-load-balanced'), [], 'one pool id from an expression');
  assert.deepEqual(findingsOf(template({ pools: [], probe: UNKNOWN }), 'health-probe-not-load-balanced'), []);
  assert.deepEqual(
    findingsOf(template({ pools: [], probe: PROBE('elsewhere', 'http') }), 'health-probe-not-load-balanced'),
    [],
    'the load balancer is not in this template',
  );
  assert.deepEqual(
    findingsOf(template({ pools: [], properties: ['"orchestrationMode": "Flexible"'] }), 'health-probe-not-load-balanced'),
    [],
  );
});

test('health-probe-not-load-balanced: with two NICs, the one flagged primary counts; none flagged is unknown', () => {
  const twoNics = (firstPrimary: string, secondPrimary: string) =>
    template({})
      .replace('"primary": true,', `"primary": ${secondPrimary},`)
      .replace(
        '"networkInterfaceConfigurations": [',
        `"networkInterfaceConfigurations": [
              { "name": "mgmt", "properties": { "primary": ${firstPrimary}, "ipConfigurations": [{ "name": "mgmt-ip", "properties": {} }] } },`,
      );
  const text = twoNics('true', 'false');
  const [finding] = findingsOf(text, 'health-probe-not-load-balanced');
  assert.match(finding!.message, /IP configuration "mgmt-ip" joins none of its backend pools/);
  assert.deepEqual(findingsOf(twoNics('false', 'true'), 'health-probe-not-load-balanced'), [], 'the primary NIC joins the pool');
  assert.deepEqual(findingsOf(twoNics('false', 'false'), 'health-probe-not-load-balanced'), [], 'no primary: cannot tell');
  assert.deepEqual(findingsOf(twoNics(UNKNOWN, 'false'), 'health-probe-not-load-balanced'), [], 'primary from an expression');
});

test('health-probe-without-rule: no load-balancing rule uses the probe, or only for other pools (a warning: not confirmed)', () => {
  const none = template({ rules: [] });
  const [finding] = findingsOf(none, 'health-probe-without-rule');
  assert.equal(finding!.severity, 'warning');
  assert.match(
    finding!.message,
    /Health probe "http" is used by no load-balancing rule of load balancer "lb1", so it may not watch the instances\./,
  );
  assert.match(
    fullText(finding!),
    /Whether Azure refuses a health probe that no load-balancing rule of the scale set's pool uses is not documented/,
  );
  const other = template({ rules: [rule('admin', 'admin', 'http'), rule('web', 'web', 'tcp')] });
  const [otherPool] = findingsOf(other, 'health-probe-without-rule');
  assert.match(otherPool!.message, /serves only rules of other backend pools than the scale set's/);
  assert.match(fullText(otherPool!), /joins "web"; the probe's rule sends traffic to other pools/);
  assert.ok(otherPool!.related?.some((r) => r.message === 'Rule "admin" uses the probe, for another backend pool.'));
});

test('health-probe-without-rule: silent with a matching rule, with unknown rules, and when the pool is missing (the error says it)', () => {
  assert.deepEqual(findingsOf(template({}), 'health-probe-without-rule'), []);
  assert.deepEqual(findingsOf(template({ rules: [rule('a', 'admin', 'tcp'), rule('b', 'web', 'http')] }), 'health-probe-without-rule'), []);
  assert.deepEqual(findingsOf(template({ rules: UNKNOWN }), 'health-probe-without-rule'), [], 'the rules from an expression');
  const unknownProbe = `{ "name": "x", "properties": { "backendAddressPool": { "id": ${POOL('lb1', 'web')} }, "probe": { "id": ${UNKNOWN} } } }`;
  assert.deepEqual(findingsOf(template({ rules: [unknownProbe] }), 'health-probe-without-rule'), [], 'a rule whose probe is unknown');
  assert.deepEqual(findingsOf(template({ rules: [], pools: [] }), 'health-probe-without-rule'), []);
  assert.deepEqual(findingsOf(template({ rules: [], pools: UNKNOWN }), 'health-probe-without-rule'), []);
  // backendAddressPools (the list form of newer Network API versions) counts too.
  const list = `{ "name": "l", "properties": { "backendAddressPools": [{ "id": ${POOL('lb1', 'web')} }], "probe": { "id": ${PROBE('lb1', 'http')} } } }`;
  assert.deepEqual(findingsOf(template({ rules: [list] }), 'health-probe-without-rule'), []);
});

test('the wiring rules stay silent on a well-wired template as a whole', () => {
  const ids = lint(template({})).map((f) => f.ruleId);
  for (const id of ['health-probe-app-gateway', 'health-probe-not-load-balanced', 'health-probe-without-rule', 'health-probe-unresolved'])
    assert.ok(!ids.includes(id), id);
});

test('the JSON/Bicep mirror pair lb-probe-wiring: each scale set gets its one wiring finding, in both formats', () => {
  const dir = join(import.meta.dirname, '../../../fixtures/bicep');
  const wiring = ['health-probe-app-gateway', 'health-probe-not-load-balanced', 'health-probe-without-rule'];
  const found = (model: TemplateModel, text: string) =>
    runRules(model, text)
      .filter((f) => wiring.includes(f.ruleId))
      .map((f) => `${f.scaleSet} ${f.ruleId}`);
  const json = readFileSync(join(dir, 'lb-probe-wiring.json'), 'utf8');
  const bicep = readFileSync(join(dir, 'lb-probe-wiring.bicep'), 'utf8');
  const expected = ['unused health-probe-without-rule', 'outside health-probe-not-load-balanced', 'gateway health-probe-app-gateway'];
  assert.deepEqual(found(analyzeTemplate(json), json), expected);
  assert.deepEqual(found(analyzeBicep(bicep), bicep), expected);
});
