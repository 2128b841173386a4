import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf, ROOT } from '../helpers/lspClient';

const TEMPLATE = readFileSync(join(ROOT, 'test/fixtures/lsp/web.json'), 'utf8');
const PARAMETERS = readFileSync(join(ROOT, 'test/fixtures/lsp/web.parameters.json'), 'utf8');

/** A workspace folder with the template (and, optionally, its parameters file and config) on disk. */
function workspace(files: Record<string, string>): { dir: string; uri: (name: string) => string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-lsp-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, uri: (name) => pathToFileURL(join(dir, name)).toString(), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('pull: rule findings arrive with code, docs link, source and fixes; unchanged text answers "unchanged"', async () => {
  const ws = workspace({ 'web.json': TEMPLATE });
  const client = new LspClient({ pull: true, workspaceFolder: ws.dir });
  try {
    await client.initialize();
    await client.open(ws.uri('web.json'), TEMPLATE);
    const report = await client.pullDiagnostics(ws.uri('web.json'));
    assert.equal(report.kind, 'full');
    const range = report.items.find((d) => d.code === 'value-out-of-range') as
      { code: string; source: string; codeDescription: { href: string }; range: unknown; severity: number } | undefined;
    assert.ok(range, JSON.stringify(report.items));
    assert.equal(range.source, 'vmss-upgrade');
    assert.match(range.codeDescription.href, /value-out-of-range\.md$/);
    assert.deepEqual(range.range, { start: positionOf(TEMPLATE, '200'), end: positionOf(TEMPLATE, '200', 3) });
    assert.equal(client.pushedFor(ws.uri('web.json')).length, 0, 'nothing pushed when the client pulls');
    const again = await client.request<{ kind: string }>('textDocument/diagnostic', {
      textDocument: { uri: ws.uri('web.json') },
      previousResultId: report.resultId,
    });
    assert.equal(again.kind, 'unchanged');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    ws.done();
  }
});

test('push: diagnostics on open, fresh ones after an edit, versioned, and cleared on close', async () => {
  const ws = workspace({ 'web.json': TEMPLATE });
  const client = new LspClient({ pull: false, workspaceFolder: ws.dir });
  const uri = ws.uri('web.json');
  try {
    await client.initialize();
    await client.open(uri, TEMPLATE, 1);
    const first = await client.waitForDiagnostics(uri);
    assert.equal(first.version, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'value-out-of-range'));
    // Several quick edits: only the last text's diagnostics may be published.
    const at = positionOf(TEMPLATE, '200');
    const replace = (version: number, text: string, length: number) =>
      client.change(uri, version, { start: at, end: { line: at.line, character: at.character + length } }, text);
    await replace(2, '300', 3);
    await replace(3, '20', 3);
    const fresh = await client.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.ok(!fresh.diagnostics.some((d) => d.code === 'value-out-of-range'), 'fixed value: no finding');
    assert.ok(
      client.pushedFor(uri).every((p) => p.version !== 2),
      'stale version never published',
    );
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined);
    assert.equal(cleared.diagnostics.length, 0);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    ws.done();
  }
});

test('JSON syntax errors are reported, and half-typed text never breaks the server', async () => {
  const client = new LspClient({ pull: true });
  const uri = 'file:///tmp/vmss-lsp-test/broken.json';
  try {
    await client.initialize();
    const broken = TEMPLATE.replace('"maxUnhealthyInstancePercent": 20,', '"maxUnhealthyInstancePercent": 20').slice(
      0,
      TEMPLATE.indexOf('"virtualMachineProfile"'),
    );
    await client.open(uri, broken);
    const report = await client.pullDiagnostics(uri);
    const syntax = report.items.find((d) => d.code === 'json-syntax') as
      { codeDescription?: { href: string }; source?: string } | undefined;
    assert.ok(syntax, JSON.stringify(report.items.map((d) => d.code)));
    assert.equal(syntax.source, 'vmss-upgrade');
    assert.match(syntax.codeDescription!.href, /^https:\/\/learn\.microsoft\.com\//);
    assert.ok(
      report.items.some((d) => d.code === 'value-out-of-range'),
      'rules still run on what parsed',
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('other JSON gets no diagnostics', async () => {
  const client = new LspClient({ pull: true });
  try {
    await client.initialize();
    await client.open('file:///tmp/vmss-lsp-test/package.json', '{ "name": "x", "version": 1, ');
    assert.deepEqual((await client.pullDiagnostics('file:///tmp/vmss-lsp-test/package.json')).items, []);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('settings: severities are pulled per document; a configuration change asks the client to pull again', async () => {
  const client = new LspClient({ pull: true, settings: { rules: { 'value-out-of-range': 'info' } } });
  const uri = 'file:///tmp/vmss-lsp-test/settings.json';
  try {
    await client.initialize();
    await client.open(uri, TEMPLATE);
    const before = await client.pullDiagnostics(uri);
    assert.equal((before.items.find((d) => d.code === 'value-out-of-range') as { severity?: number }).severity, 3);
    assert.ok(client.configurationRequests.length > 0, 'settings pulled with workspace/configuration');
    client.settings = { rules: { 'value-out-of-range': 'off' } };
    const refreshes = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.refreshes > refreshes, 'workspace/diagnostic/refresh');
    const after = await client.pullDiagnostics(uri);
    assert.ok(!after.items.some((d) => d.code === 'value-out-of-range'));
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
});

test('.vmss-upgrade.json in the workspace sets severities, and a change to it is picked up', async () => {
  const ws = workspace({ 'web.json': TEMPLATE, '.vmss-upgrade.json': '{ "rules": { "value-out-of-range": "hint" } }' });
  const client = new LspClient({ pull: true, workspaceFolder: ws.dir });
  const uri = ws.uri('web.json');
  try {
    await client.initialize();
    await client.open(uri, TEMPLATE);
    assert.equal(
      ((await client.pullDiagnostics(uri)).items.find((d) => d.code === 'value-out-of-range') as { severity?: number }).severity,
      4,
    );
    writeFileSync(join(ws.dir, '.vmss-upgrade.json'), '{ "rules": { "value-out-of-range": "off" } }');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri('.vmss-upgrade.json'), type: 2 }],
    });
    const after = await client.pullDiagnostics(uri);
    assert.ok(!after.items.some((d) => d.code === 'value-out-of-range'));
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    ws.done();
  }
});

test('the parameters file beside a template feeds it; editing the parameters file re-checks the template', async () => {
  const ws = workspace({ 'web.json': TEMPLATE, 'web.parameters.json': PARAMETERS });
  const client = new LspClient({ pull: false, workspaceFolder: ws.dir });
  const uri = ws.uri('web.json');
  // Spelled as another client might (percent-encoded): still the same file as the one found on disk.
  const paramsUri = ws.uri('web.parameters.json').replace('/web.parameters.json', '/%77eb.parameters.json');
  try {
    await client.initialize();
    await client.open(uri, TEMPLATE);
    await client.waitForDiagnostics(uri);
    type Info = { scaleSets: { capacity: { count: number; known: boolean } }[]; parametersUri?: string | null };
    const first = await client.request<Info>('vmssUpgrade/scaleSets', { textDocument: { uri } });
    assert.equal(first.scaleSets[0]!.capacity.count, 12, 'from the parameters file on disk');
    assert.match(first.parametersUri ?? '', /\/web\.parameters\.json$/, 'the answer names the parameters file it used');
    await client.open(paramsUri, PARAMETERS);
    const published = client.pushedFor(uri).length;
    const at = positionOf(PARAMETERS, '12');
    await client.change(paramsUri, 2, { start: at, end: { line: at.line, character: at.character + 2 } }, '30');
    await client.until(() => client.pushedFor(uri).length > published, 'the template to be re-checked');
    assert.equal(
      (await client.request<Info>('vmssUpgrade/scaleSets', { textDocument: { uri } })).scaleSets[0]!.capacity.count,
      30,
      'from the edited parameters file',
    );
    // The client may choose another parameters file, or none.
    const refreshed = client.viewRefreshes.length;
    await client.connection.sendNotification('vmssUpgrade/setParametersFile', {
      templateUri: uri,
      parametersUri: 'file:///nonexistent/p.json',
    });
    // Inlay hints and CodeLenses are pulled by the client: the server asks it to pull them again.
    await client.until(() => client.viewRefreshes.length >= refreshed + 2, 'inlay hint and CodeLens refresh requests');
    assert.deepEqual(
      new Set(client.viewRefreshes.slice(refreshed)),
      new Set(['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']),
    );
    const none = await client.request<Info>('vmssUpgrade/scaleSets', { textDocument: { uri } });
    assert.deepEqual(none.scaleSets[0]!.capacity, { count: 10, known: true }, 'the template default');
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
    ws.done();
  }
});
