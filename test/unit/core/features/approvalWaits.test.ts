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

function hoverAt(doc: ReturnType<typeof jsonDocument>, text: string, needle: string): string {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in the template`);
  const hover = ls.doHover(doc, doc.lines.positionAt(offset + 1));
  // The markdown with its backslash escapes undone (the template's text is escaped punctuation by punctuation).
  return hover ? (hover.contents as { value: string }).value.replace(/\\(.)/g, '$1') : '';
}

test('hover on a lifecycle hook: the automatic OS upgrade with its waits, the numbers the CodeLens quotes', () => {
  const onWait = hoverAt(jsonDocument(JSON_TEXT), JSON_TEXT, '"waitDuration"');
  assert.match(onWait, /An automatic OS upgrade takes ≈10 h 25 min, 10 h 0 min of it waiting for approval:/);
  assert.match(onWait, /- 5 × UpgradeAutoOSRollingBatchStarting before a batch \(no answer in time, went ahead\): 10 h 0 min/);
  // The same numbers in Bicep, on the same property.
  const bicep = hoverAt(bicepDocument(BICEP_TEXT), BICEP_TEXT, 'waitDuration:');
  assert.match(bicep, /An automatic OS upgrade takes ≈10 h 25 min, 10 h 0 min of it waiting for approval:/);
});

test('hover on a hook duration written as an expression shows its value, not "not an ISO 8601 duration"', () => {
  const onValue = hoverAt(jsonDocument(JSON_TEXT), JSON_TEXT, "[parameters('batchWait')]");
  assert.match(onValue, /Effective value: `"PT2H"` — from a parameter's default value/);
  assert.match(onValue, /`PT2H` = 2 hours/);
  assert.doesNotMatch(onValue, /not an ISO 8601 duration/);
  const unknown = JSON_TEXT.replace("[parameters('batchWait')]", "[reference('x').wait]");
  assert.doesNotMatch(hoverAt(jsonDocument(unknown), unknown, "[reference('x')"), /not an ISO 8601 duration/);
});

test('hover on the hook type: what the value does, and a Reject hook ends "rejected"', () => {
  const onType = hoverAt(jsonDocument(JSON_TEXT), JSON_TEXT, 'UpgradeAutoOSRollingBatchStarting');
  assert.match(onType, /`UpgradeAutoOSRollingBatchStarting`: it waits before each batch of VMs\./);
  const reject = JSON_TEXT.replace('"defaultAction": "Approve"', '"defaultAction": "Reject"');
  assert.match(
    hoverAt(jsonDocument(reject), reject, '"defaultAction"'),
    /defaultAction Reject stops the upgrade unless someone approves within its waitDuration/,
  );
});

test('hover on a hook when automatic OS upgrades are off says nothing waits for it', () => {
  const off = JSON_TEXT.replace('"enableAutomaticOSUpgrade": true', '"enableAutomaticOSUpgrade": false');
  assert.match(hoverAt(jsonDocument(off), off, '"waitDuration"'), /Only automatic OS upgrades wait for approval/);
});
