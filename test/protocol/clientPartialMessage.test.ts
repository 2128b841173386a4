// The test client (test/helpers/lspClient.ts) of a server that died half-way through a message must not keep
// the test process alive: vscode-jsonrpc's reader re-arms a partial-message timer every 10 s for as long as
// the rest of the message has not come, which is for ever once the server is gone. The fuzz driver's test,
// which kills servers mid-answer on purpose, held `npm test` open so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { LspClient, ROOT } from '../helpers/lspClient';

test('a server that dies half-way through a message leaves no timer running in the client', async () => {
  const client = new LspClient({ server: join(ROOT, 'test/fixtures/lsp/partial-message-server.cjs') });
  const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  assert.equal(await new Promise((resolve) => client.process.once('exit', resolve)), 0);
  // Let the last of its output reach the reader (it arms the timer when a message is partial).
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  client.connection.dispose();
  assert.equal(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length, before);
});
