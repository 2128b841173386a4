// A large template edited as a user does, in one server (each version analysed from the one before: only
// the changed scale set read again, the rest carried over), must show exactly the diagnostics a fresh
// server shows on the same text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fleet } from '../helpers/fleetTemplate';
import { LspClient, positionOf } from '../helpers/lspClient';

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
