import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { LspClient, SERVER } from '../helpers/lspClient';

test('--version prints the package version, --help the usage, and both exit 0', () => {
  const version = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
  const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--stdio/);
  assert.match(help.stdout, /--node-ipc/);
  const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
  assert.equal(none.status, 2, 'no transport is a usage error');
});

test('initialize announces the features; shutdown and exit end the process with code 0', async () => {
  const client = new LspClient({ pull: true });
  try {
    const result = await client.initialize();
    const caps = result.capabilities as Record<string, unknown>;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    for (const key of [
      'completionProvider',
      'hoverProvider',
      'codeActionProvider',
      'codeLensProvider',
      'inlayHintProvider',
      'documentSymbolProvider',
      'diagnosticProvider',
    ])
      assert.ok(caps[key], key);
    assert.equal(result.serverInfo?.name, 'vmss-upgrade');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('without pull support the server does not announce a diagnostic provider', async () => {
  const client = new LspClient({ pull: false });
  try {
    const result = await client.initialize();
    assert.equal(result.capabilities.diagnosticProvider, undefined);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('a request that throws gets an error response and the server lives on', async () => {
  const client = new LspClient({ pull: true });
  try {
    await client.initialize();
    const uri = 'file:///tmp/vmss-lsp-test/crash.json';
    await client.open(
      uri,
      '{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "properties": { "upgradePolicy": { "mode": "Rolling" } } } ] }',
    );
    // A position without a line makes the engine throw inside the handler.
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri }, position: null }), /error while computing hover/i);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1, 'the next request is answered');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('a cancelled request is answered with RequestCancelled', async () => {
  const client = new LspClient({ pull: true });
  try {
    await client.initialize();
    const uri = 'file:///tmp/vmss-lsp-test/cancel.json';
    await client.open(
      uri,
      '{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "properties": { "upgradePolicy": { "mode": "Rolling" } } } ] }',
    );
    const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
    const source = new CancellationTokenSource();
    // Cancelled before it is sent: the $/cancelRequest follows the request in the same write, so the
    // server reads it before answering.
    const pending = client.connection.sendRequest('vmssUpgrade/scaleSets', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(pending, (error: { code?: number }) => error.code === -32800);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('--node-ipc: the same server over Node IPC, as VS Code starts it', async () => {
  const { fork } = await import('node:child_process');
  const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-jsonrpc/node');
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  connection.listen();
  try {
    const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} })) as {
      capabilities: { hoverProvider?: boolean };
    };
    assert.equal(result.capabilities.hoverProvider, true);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill();
  }
});
