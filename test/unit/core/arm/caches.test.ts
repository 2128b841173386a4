// The engine's speed-ups remember answers (parsed expressions, evaluations per scope, rule facts per scale
// set); remembering must never change an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { evaluateTemplateString } from '../../../../server/src/core/expressions';
import { FactMemo, perScaleSet } from '../../../../server/src/core/rules/facts/memo';
import { RULES, runRules } from '../../../../server/src/core/rules';
import { Unknown } from '../../../../server/src/core/expressions/values';

const scope = { parameter: () => undefined, variable: (name: string) => ({ value: name === 'n' ? 2 : 'x', source: 'variable' as const }) };

test('an expression gives the same value however often it is evaluated, and a syntax error stays one', () => {
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(evaluateTemplateString("[add(variables('n'), 1)]", scope), { value: 3, source: 'variable' });
    const broken = evaluateTemplateString("[concat('a',]", scope);
    assert.ok(broken.value instanceof Unknown);
    assert.match(broken.value.reason, /^syntax error at column/);
  }
});

test('a text repeated across resources resolves alike everywhere, also next to a cycle', () => {
  // Reading `ok` (spelled OK) computes `t`, whose text "[variables('ok')]" then meets `ok` in progress: a cycle,
  // so `t` is unknown. The same text in a resource is read outside any computation and gives "fine"; an
  // answer remembered from inside the cycle must not leak out to it.
  const text = `{
    "variables": { "ok": "[if(or(equals(variables('t'), 'x'), true()), 'fine', 'no')]", "t": "[variables('ok')]", "loopA": "[variables('loopB')]", "loopB": "[variables('loopA')]" },
    "resources": [
      { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "[variables('OK')]", "location": "[variables('loopA')]" },
      { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "[variables('ok')]", "location": "[variables('loopA')]" },
      { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "[variables('t')]", "location": "[variables('loopB')]" }
    ]
  }`;
  const [first, second, third] = analyzeTemplate(text).scaleSets;
  assert.equal(first!.displayName, 'fine');
  assert.equal(second!.displayName, 'fine');
  assert.equal(third!.name?.kind, 'unknown');
  assert.equal(first!.location?.kind, 'unknown');
  assert.deepEqual(second!.location, { ...first!.location, span: second!.location!.span });
  assert.equal(third!.location?.kind, 'unknown');
});

test('facts are recomputed, equal, when asked about many scale sets in turn', () => {
  let computed = 0;
  const fact = perScaleSet((scaleSet) => {
    computed++;
    return scaleSet.displayName;
  });
  const resources = Array.from({ length: 10 }, (_, i) => `{ "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "s${i}" }`);
  const { scaleSets } = analyzeTemplate(`{ "resources": [ ${resources.join(', ')} ] }`);
  const facts = new FactMemo();
  for (const scaleSet of scaleSets) assert.equal(fact(scaleSet, facts), scaleSet.displayName);
  assert.equal(computed, 10);
  // Asked again about the same scale set: remembered.
  assert.equal(fact(scaleSets[9]!, facts), 's9');
  assert.equal(computed, 10);
  // Asked about them all again: the answers are the same, whether remembered or not.
  assert.deepEqual(
    scaleSets.map((s) => fact(s, facts)),
    scaleSets.map((s) => s.displayName),
  );
  // Another run remembers nothing of this one.
  const before = computed;
  assert.equal(fact(scaleSets[9]!, new FactMemo()), 's9');
  assert.equal(computed, before + 1);
});

test('two runs on the same model give the same findings', () => {
  const text = `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2018-10-01", "name": "a", "sku": { "capacity": 3 },
    "properties": { "upgradePolicy": { "mode": "rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 50, "maxSurge": true, "MaxBatchInstancePercent": 60 } } } },
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "b", "properties": { "upgradePolicy": { "mode": "Automatic", "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } } } } ] }`;
  const model = analyzeTemplate(text);
  const once = runRules(model, text, { rules: RULES, now: 0 });
  assert.ok(once.length > 3);
  assert.deepEqual(runRules(model, text, { now: 0 }), once);
  assert.deepEqual(runRules(analyzeTemplate(text), text, { now: 0 }), once);
});
