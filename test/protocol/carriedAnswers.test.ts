// Right after an edit in a large template, hover, inlay hints and CodeLens outside the edited scale set are
// answered from the last analysis with their ranges moved to where the text now is (no wait for the new
// analysis); they must equal what a fresh server answers on the new text, and the server must ask the
// client for hints and lenses again once the new version is analysed (the edited scale set's were left out).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { fleet } from '../helpers/fleetTemplate';
import { LspClient, positionOf } from '../helpers/lspClient';

const uri = 'file:///tmp/vmss-lsp-carried/fleet.json';

function hoverAt(client: LspClient, text: string, needle: string, delta: number) {
  return client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) });
}

/** What the three requests answer about fleet-20 and its neighbours in `text`, asked at once. */
async function answers(client: LspClient, text: string) {
  const textDocument = { uri };
  const [hover, valueHover, hints, lenses] = await Promise.all([
    hoverAt(client, text, '"maxBatchInstancePercent": 40', 3),
    hoverAt(client, text, '"maxBatchInstancePercent": 40', 28),
    client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument,
      range: { start: positionOf(text, '"name": "fleet-19"'), end: positionOf(text, '"name": "fleet-22"') },
    }),
    client.request<CodeLens[]>('textDocument/codeLens', { textDocument }),
  ]);
  return { hover, valueHover, hints, lenses };
}

test('hover, inlay hints and CodeLens right after an edit equal a fresh server, ranges moved; views refreshed after', async () => {
  const before = fleet();
  // Inside fleet-3's rolling policy, on a line of its own: every line below moves down by two.
  const from = '"maxBatchInstancePercent": 23';
  const to = '"maxBatchInstancePercent": 23,\n"prioritizeUnhealthyInstances": true,\n"maxSurge": false';
  const at = before.indexOf(from);
  const after = before.slice(0, at) + to + before.slice(at + from.length);
  const editing = new LspClient({ pull: true });
  const fresh = new LspClient({ pull: true });
  try {
    await editing.initialize();
    await fresh.initialize();
    await editing.open(uri, before);
    await editing.pullDiagnostics(uri);
    await editing.change(uri, 2, { start: positionOf(before, from), end: positionOf(before, from, from.length) }, to);
    // Sent at once after the change, as an editor does while the user types: the new version is not analysed yet.
    const carried = await answers(editing, after);
    // The pull VS Code sends after each change: the new version is analysed, and the views are asked for again.
    await editing.pullDiagnostics(uri);
    await editing.until(() => editing.viewRefreshes.length >= 2, 'inlay-hint and CodeLens refresh after the new analysis');
    assert.deepEqual([...editing.viewRefreshes].sort(), ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']);
    // A hover in the edited scale set is never answered from the last analysis (it is analysed again first).
    await editing.change(
      uri,
      3,
      { start: positionOf(after, '"maxSurge": false', 12), end: positionOf(after, '"maxSurge": false', 17) },
      'true',
    );
    const edited = await hoverAt(editing, after.replace('"maxSurge": false', '"maxSurge": true'), '"maxSurge": true', 14);

    await fresh.open(uri, after, 2);
    await fresh.pullDiagnostics(uri);
    const expected = await answers(fresh, after);
    assert.ok(expected.hover && expected.valueHover, 'the places hovered have hovers');
    assert.ok(expected.hints.length > 0, 'the range has inlay hints');
    assert.ok(expected.lenses.length >= 30, 'a lens per scale set');
    assert.deepEqual(carried.hover, expected.hover);
    assert.deepEqual(carried.valueHover, expected.valueHover);
    assert.deepEqual(carried.hints, expected.hints);
    assert.deepEqual(carried.lenses, expected.lenses);
    // And the moved ranges did move: fleet-20's hover is two lines lower than it was.
    const wasAt = positionOf(before, '"maxBatchInstancePercent": 40').line;
    assert.equal((carried.hover as Hover).range?.start.line, wasAt + 2);

    const last = after.replace('"maxSurge": false', '"maxSurge": true');
    await fresh.change(
      uri,
      3,
      { start: positionOf(after, '"maxSurge": false', 12), end: positionOf(after, '"maxSurge": false', 17) },
      'true',
    );
    const expectedEdited = await hoverAt(fresh, last, '"maxSurge": true', 14);
    assert.ok(expectedEdited, 'the edited value has a hover');
    assert.deepEqual(edited, expectedEdited);

    assert.equal(await editing.shutdown(), 0);
    assert.equal(await fresh.shutdown(), 0);
  } finally {
    editing.kill();
    fresh.kill();
  }
});
