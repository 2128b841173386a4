// A large template edited as a user does, in one server (each version analysed from the one before: only
// the changed scale set read again, the rest carried over), must show exactly the diagnostics a fresh
// server shows on the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, positionOf, ROOT } from '../helpers/lspClient';

/** The real template's scale set copied 30 times (renamed, rolling), and a long variable that takes it past 1 MB. */
function fleet(): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real-templates/qs-multi-vmss-linux-lb-zones.json'), 'utf8')) as {
    variables: Record<string, unknown>;
    resources: { type: string; name: string; properties: Record<string, unknown> }[];
  };
  const vmss = base.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachineScaleSets')!;
  const copies = Array.from({ length: 30 }, (_, i) => ({
    ...vmss,
    name: `fleet-${i}`,
    properties: {
      ...vmss.properties,
      upgradePolicy: {
        mode: 'Rolling',
        rollingUpgradePolicy: { maxBatchInstancePercent: 20 + i, maxUnhealthyInstancePercent: 40, pauseTimeBetweenBatches: 'PT0S' },
      },
    },
  }));
  return JSON.stringify(
    { ...base, variables: { ...base.variables, filler: 'x'.repeat(1_050_000) }, resources: [...base.resources, ...copies] },
    null,
    2,
  );
}

test('a large template edited in one server shows the diagnostics a fresh server shows', async () => {
  let text = fleet();
  assert.ok(text.length > 1_000_000);
  const uri = 'file:///tmp/vmss-lsp-reuse/fleet.json';
  const editing = new LspClient({ pull: true });
  const fresh = new LspClient({ pull: true });
  try {
    await editing.initialize();
    await fresh.initialize();
    await editing.open(uri, text);
    await editing.pullDiagnostics(uri);
    let version = 1;
    const edits: [string, string][] = [
      ['"maxBatchInstancePercent": 25', '"maxBatchInstancePercent": 250'], // inside one scale set: a finding appears
      ['"maxBatchInstancePercent": 27', '"maxBatchInstancePercent": 27, "prioritizeUnhealthyInstances": true'], // inserted: later spans move
      ['"maxBatchInstancePercent": 250', '"maxBatchInstancePercent": 25'], // the finding goes again
      ['"name": "fleet-3"', '"name": "fleet-3b"'],
      ['"filler": "x', '"filler": "yx'], // outside the resources: analysed in full
      ['"maxUnhealthyInstancePercent": 40', '"maxUnhealthyInstancePercent": 140'],
    ];
    let shown = 0;
    for (const [from, to] of edits) {
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      const start = positionOf(text, from);
      const end = positionOf(text, from, from.length);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      await editing.change(uri, ++version, { start, end }, to);
      const report = await editing.pullDiagnostics(uri);
      await fresh.open(uri, text, version);
      const expected = await fresh.pullDiagnostics(uri);
      await fresh.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      assert.deepEqual(report.items, expected.items, `after "${to}"`);
      shown += report.items.length;
    }
    assert.ok(shown > 0, 'the edits make findings to compare');
    assert.equal(await editing.shutdown(), 0);
    assert.equal(await fresh.shutdown(), 0);
  } finally {
    editing.kill();
    fresh.kill();
  }
});
