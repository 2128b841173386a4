// The preview's what-ifs and the template's clamped capacity: the note about the clamp is the template's,
// so it goes once a what-if capacity replaces the template's count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulate } from '../../../server/src/core/sim/index';
import type { PreviewScaleSet } from '../../../webview/src/protocol';
import { isSimInput } from '../../../webview/src/protocol';
import { applyWhatIf, baseInput } from '../../../webview/src/state';
import { templateWith } from '../../helpers/armTemplates';
import { jsonDocument, ls } from '../../helpers/languageService';

test('a template capacity over the limit reaches the preview clamped, with its note, until a what-if capacity replaces it', () => {
  const doc = jsonDocument(
    templateWith(
      '{ "upgradePolicy": { "mode": "Rolling" }, "virtualMachineProfile": { "networkProfile": { "healthProbe": { "id": "x" } } } }',
      { capacity: 100000 },
    ),
  );
  const [info] = ls.describeScaleSets(doc);
  const scaleSet = info as unknown as PreviewScaleSet;
  const base = baseInput(scaleSet);
  assert.ok(isSimInput(JSON.parse(JSON.stringify(base))), 'the message check accepts it');
  assert.equal(base.fleet.capacity, 1000);
  const clampNote = (notes: readonly string[]) => notes.filter((n) => n.includes('more than Azure allows'));
  assert.deepEqual(clampNote(simulate(applyWhatIf(base, {})).notes), [
    'sku.capacity 100000 is more than Azure allows (1000 instances): simulated with 1000.',
  ]);
  assert.deepEqual(clampNote(simulate(applyWhatIf(base, { capacity: 500 })).notes), []);
  assert.equal(simulate(applyWhatIf(base, { capacity: 500 })).attempted, 500);
});
