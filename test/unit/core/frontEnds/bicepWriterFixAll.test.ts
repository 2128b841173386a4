// "Fix all" of two-step fixes on Bicep is linear in the document: the second step of each fix (on lines
// its first step changed) reads that one object again, not the whole file (fuzz reproducer
// hang-codeAction-resolve-s7-d2368: 201 scale sets took seconds, each step parsing the whole text again).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import type { NeutralEdit } from '../../../../server/src/core/edits/neutralEdit';
import { applyTextEdits } from '../../../../server/src/core/edits/neutralEdit';
import { writeBicepSession } from '../../../../server/src/core/frontEnds/bicep/bicepWriter';
import { runRules } from '../../../../server/src/core/rules/runner';

/** `count` scale sets with the legacy automaticOSUpgrade flag and a stray rollingUpgradePolicy each. */
function scaleSets(count: number): string {
  const one = (i: number) => `// scale set ${i}
resource vmss${i} 'Microsoft.Compute/virtualMachineScaleSets@2017-12-01' = {
  name: 'vmss-${i}'
  location: 'westeurope'
  sku: {
    name: 'Standard_D2s_v5'
    capacity: 3
  }
  properties: {
    upgradePolicy: {
      mode: 'Rolling'
      automaticOSUpgrade: true // kept as the user wrote it
    }
    rollingUpgradePolicy: {
      maxBatchInstancePercent: 20
    }
    virtualMachineProfile: {
      storageProfile: {
        imageReference: {
          publisher: 'Canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts-gen2'
          version: 'latest'
        }
      }
    }
  }
}
`;
  return Array.from({ length: count }, (_, i) => one(i)).join('\n');
}

/** What "fix all" of a rule applies: the preferred (or only) fix of each of its findings. */
function fixAll(text: string, ruleId: string): { edits: NeutralEdit[]; findings: number } {
  const findings = runRules(analyzeBicep(text), text).filter((f) => f.ruleId === ruleId);
  const fixes = findings.map((f) => f.fixes.find((x) => x.isPreferred) ?? (f.fixes.length === 1 ? f.fixes[0] : undefined));
  return { edits: fixes.flatMap((f) => f?.edits ?? []), findings: findings.length };
}

for (const ruleId of ['legacy-upgrade-property', 'misplaced-policy']) {
  test(`fix all ${ruleId}: every fix written, and the work per character does not grow with the number of scale sets`, () => {
    const perChar: number[] = [];
    for (const count of [50, 200]) {
      const text = scaleSets(count);
      const { edits, findings } = fixAll(text, ruleId);
      assert.equal(findings, count, 'one finding per scale set');
      assert.ok(edits.length >= count);
      const session = writeBicepSession(text, edits);
      assert.ok(session, 'the fix all is written');
      const out = applyTextEdits(text, session.edits());
      assert.deepEqual(parseBicep(out).problems, []);
      assert.equal(runRules(analyzeBicep(out), out).filter((f) => f.ruleId === ruleId).length, 0, 'no finding left');
      assert.equal(out.split('// kept as the user wrote it').length - 1, count, 'comments stay');
      perChar.push(session.charsRead / text.length);
    }
    // Parsing the current text again per step read the whole text per finding: 50 and 200 times its length.
    assert.ok(perChar[1]! < 8, `characters read per character of the document: ${perChar.map((x) => x.toFixed(2)).join(', ')}`);
    assert.ok(perChar[1]! < perChar[0]! * 1.5, `linear: ${perChar.map((x) => x.toFixed(2)).join(', ')}`);
  });
}
