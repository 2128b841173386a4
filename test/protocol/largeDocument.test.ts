import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient, positionOf, ROOT } from '../helpers/lspClient';

/** The fixture template padded past 1 MB with tags, so the server treats it as a large document. */
const TEMPLATE = readFileSync(join(ROOT, 'test/fixtures/lsp/web.json'), 'utf8');
const FILLER = `"tags": { ${Array.from({ length: 9000 }, (_, i) => `"t${i}": "${'x'.repeat(110)}"`).join(', ')} },`;
const LARGE = TEMPLATE.replace('"location": "westeurope",', `"location": "westeurope", ${FILLER}`);

test('typing in a large template: completion answers while the diagnostics pull waits for a pause', async () => {
  assert.ok(LARGE.length > 1_000_000);
  const client = new LspClient({ pull: true });
  const uri = 'file:///tmp/vmss-lsp-large/web.json';
  try {
    await client.initialize();
    await client.open(uri, LARGE);
    await client.pullDiagnostics(uri);
    const at = positionOf(LARGE, '"pauseTimeBetweenBatches"');
    await client.change(uri, 2, { start: at, end: at }, '"m"\n            ');
    const order: string[] = [];
    const pull = client.pullDiagnostics(uri).then((r) => {
      order.push('diagnostics');
      return r;
    });
    const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: at.line, character: at.character + 2 },
    });
    order.push('completion');
    assert.ok(list.items.some((i) => i.label === 'maxUnhealthyUpgradedInstancePercent'));
    const report = await pull;
    assert.deepEqual(order, ['completion', 'diagnostics']);
    assert.ok(
      report.items.some((d) => d.code === 'value-out-of-range'),
      'the pull answers once typing pauses',
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('a request waiting for the typing pause can be cancelled', async () => {
  const client = new LspClient({ pull: true });
  const uri = 'file:///tmp/vmss-lsp-large/cancel.json';
  try {
    await client.initialize();
    await client.open(uri, LARGE);
    const at = positionOf(LARGE, '"mode"');
    await client.change(uri, 2, { start: at, end: at }, ' ');
    const source = new CancellationTokenSource();
    const hover = client.connection.sendRequest(
      'textDocument/hover',
      { textDocument: { uri }, position: { line: at.line, character: at.character + 3 } },
      source.token,
    );
    source.cancel();
    await assert.rejects(hover, (error: { code?: number }) => error.code === -32800);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});
