// Lens, hover, hints and the preview's input agree on the clamped capacity and each says it was clamped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { templateWith } from '../../../helpers/armTemplates';
import { jsonDocument, ls } from '../../../helpers/languageService';

const ROLLING =
  '{ "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 20, "maxUnhealthyInstancePercent": 25, "pauseTimeBetweenBatches": "PT5M" } }, "virtualMachineProfile": { "networkProfile": { "healthProbe": { "id": "x" } } } }';
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

for (const capacity of ['100000', '2147483648', '9007199254740992']) {
  test(`sku.capacity ${capacity}: every surface shows the 1000 simulated instances and names the clamp`, () => {
    const text = templateWith(ROLLING, { capacity });
    const doc = jsonDocument(text);
    const title = ls.getCodeLenses(doc, { uri: 'u', failureRate: 0.02 })[0]!.command!.title;
    assert.match(
      title,
      /^Blocked by capacity-out-of-range \| if run anyway: Rolling upgrade: 5 batches × 200 · .* ≥800 of 1000 serving · halts .* \| sku\.capacity \d+ is more than Azure allows: 1000 simulated$/,
    );
    assert.doesNotMatch(title, /unavailable|RangeError|typed array/i);

    const hints = ls.getInlayHints(doc, EVERYTHING).map((h) => ({ label: String(h.label), tooltip: String(h.tooltip) }));
    const batch = hints.find((h) => h.label.includes('per batch'))!;
    assert.equal(batch.label, '200 of 1000 max per batch');
    assert.match(batch.tooltip, /is more than Azure allows: 1000 simulated/);
    assert.ok(
      hints.some((h) => /^4 pauses = /.test(h.label)),
      hints.map((h) => h.label).join(' | '),
    );

    const at = text.indexOf(capacity) + 1;
    const hover = ls.doHover(doc, doc.lines.positionAt(at));
    assert.match(
      (hover!.contents as { value: string }).value,
      new RegExp(
        `^\\*\\*${capacity} instances\\*\\*: more than Azure allows in this scale set \\(1000\\), so the deployment fails\\. The simulator uses 1000`,
      ),
    );
    const percent = ls.doHover(doc, doc.lines.positionAt(text.indexOf(': 20,') + 2));
    assert.match(
      (percent!.contents as { value: string }).value.replace(/\\(.)/g, '$1'),
      /20 % of 1000 = 200: 5 batches of 200 \(sku\.capacity \d+ is more than Azure allows\)/,
    );

    const [info] = ls.describeScaleSets(doc);
    assert.deepEqual(info!.capacity, { count: 1000, known: true, clampedFrom: Number(capacity) });
    assert.equal(info!.simulatorInput.fleet.capacity, 1000, 'the preview is sent what its input check accepts');
  });
}
