// CodeLens quotes the waits for approval of the simulator's plan: a PT2H UpgradeAutoOSRollingBatchStarting
// hook before each of 5 batches turns 25 minutes into 10 h 25 min, the same in JSON and Bicep.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bicepDocument, jsonDocument, ls } from '../../../helpers/languageService';

const DIR = join(import.meta.dirname, '../../../fixtures/sim');
const JSON_TEXT = readFileSync(join(DIR, 'template-aos-hooks.json'), 'utf8');
const BICEP_TEXT = readFileSync(join(DIR, 'template-aos-hooks.bicep'), 'utf8');

function lensTitle(doc: ReturnType<typeof jsonDocument>): string {
  const lens = ls.getCodeLenses(doc, { uri: 'u', failureRate: 0 })[0]!;
  return (lens.command ?? ls.resolveCodeLens(doc, lens, { uri: 'u', failureRate: 0 }).command)!.title;
}

test('CodeLens: the duration includes the hook waits, in JSON and Bicep alike', () => {
  const json = lensTitle(jsonDocument(JSON_TEXT));
  assert.match(json, /5 batches × 2 · ≈10 h 25 min \(10 h 0 min waiting for approval\) · ≥8 of 10 serving/);
  assert.equal(lensTitle(bicepDocument(BICEP_TEXT)), json);
});

test('CodeLens: a Reject hook says it stops the upgrade unless approved', () => {
  const text = JSON_TEXT.replace('"defaultAction": "Approve"', '"defaultAction": "Reject"');
  assert.match(lensTitle(jsonDocument(text)), /· the UpgradeAutoOSRollingBatchStarting hook rejects unless approved/);
});
