// The built language server (dist/server.js) over stdio with a Bicep document: diagnostics on Bicep
// ranges, completion with Bicep literals (property names left to the Bicep extension), a quick fix
// written as Bicep, the scale-set list, and a local module read from disk. Needs `npm run build`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, positionOf, ROOT, SERVER } from '../../helpers/lspClient';

const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/bicep/loop-stray-policies.bicep'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'vmss-bicep-lsp-'));
const URI = pathToFileURL(join(dir, 'main.bicep')).toString();
let client: LspClient;

before(async () => {
  assert.ok(existsSync(SERVER), 'dist/server.js is built (npm run build)');
  mkdirSync(join(dir, 'modules'));
  writeFileSync(join(dir, 'main.bicep'), FIXTURE);
  client = new LspClient({ pull: true });
  await client.initialize();
  await client.open(URI, FIXTURE, 1, 'bicep');
});

after(async () => {
  assert.equal(await client.shutdown(), 0);
  client.kill();
  rmSync(dir, { recursive: true, force: true });
});

test('diagnostics on Bicep ranges', async () => {
  const report = await client.pullDiagnostics(URI);
  const casing = report.items.find((d) => d.code === 'property-name-casing');
  assert.ok(casing, report.items.map((d) => d.code).join(', '));
  assert.deepEqual((casing.range as { start: unknown }).start, positionOf(FIXTURE, "'rolling'"));
});

test('completion: values as Bicep literals; in a bicep document property names are left to the Bicep extension', async () => {
  const at = positionOf(FIXTURE, "'rolling'");
  const list = await client.request<{ items: { label: string; kind?: number; textEdit?: { newText: string } }[] }>(
    'textDocument/completion',
    { textDocument: { uri: URI }, position: { line: at.line, character: at.character + 2 } },
  );
  assert.ok(
    list.items.some((i) => i.textEdit?.newText === "'Rolling'"),
    JSON.stringify(list.items.map((i) => i.label)),
  );
  const keyAt = positionOf(FIXTURE, 'maxBatchInstancePercent');
  const keys = await client.request<{ items: { kind?: number }[] }>('textDocument/completion', {
    textDocument: { uri: URI },
    position: keyAt,
  });
  assert.ok(!keys.items.some((i) => i.kind === 10), 'no property names with propertyNames=auto in a bicep document');
});

test('a quick fix is written as Bicep', async () => {
  const report = await client.pullDiagnostics(URI);
  const casing = report.items.find((d) => d.code === 'property-name-casing')!;
  const actions = await client.request<{ title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>(
    'textDocument/codeAction',
    { textDocument: { uri: URI }, range: casing.range, context: { diagnostics: [casing] } },
  );
  const fix = actions.find((a) => a.title.includes('Rolling') && a.edit);
  assert.deepEqual(
    fix?.edit?.changes[URI]?.map((e) => e.newText),
    ['R'],
  );
});

test('vmssUpgrade/scaleSets lists the Bicep scale set', async () => {
  const result = await client.request<{ version: number; scaleSets: unknown[] }>('vmssUpgrade/scaleSets', { textDocument: { uri: URI } });
  assert.equal(result.version, 1);
  assert.equal(result.scaleSets.length, 1);
});

test('a local module is read from disk, relative to the template', async () => {
  writeFileSync(
    join(dir, 'modules', 'vmss.bicep'),
    "resource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'inner'\n  properties: {\n    upgradePolicy: {\n      mode: 'manual'\n    }\n  }\n}\n",
  );
  const text = "module m './modules/vmss.bicep' = {\n  name: 'm'\n}\n";
  const uri = pathToFileURL(join(dir, 'uses-module.bicep')).toString();
  await client.open(uri, text, 1, 'bicep');
  const report = await client.pullDiagnostics(uri);
  const casing = report.items.find((d) => d.code === 'property-name-casing');
  assert.ok(casing, 'the finding inside the module shows on the module line');
  assert.deepEqual((casing.range as { start: unknown }).start, { line: 0, character: 7 });
});

test('the .bicepparam beside the template feeds it, and a change on disk is picked up', async () => {
  const template = join(dir, 'withparams.bicep');
  const params = join(dir, 'withparams.bicepparam');
  const text = readFileSync(join(ROOT, 'test/fixtures/bicep/rolling-lb-probe.bicep'), 'utf8');
  writeFileSync(template, text);
  writeFileSync(params, "using './withparams.bicep'\nparam instanceCount = 8\n");
  const uri = pathToFileURL(template).toString();
  await client.open(uri, text, 1, 'bicep');
  // The capacity the finding was computed with, from its related information.
  const message = async () => {
    const d = (await client.pullDiagnostics(uri)).items.find((x) => x.code === 'first-batch-failure-halts');
    const related = (d as { relatedInformation?: { message: string }[] } | undefined)?.relatedInformation ?? [];
    return related.map((r) => r.message).join(' ');
  };
  assert.match(await message(), /sku\.capacity: 8 instances/);
  writeFileSync(params, "using './withparams.bicep'\nparam instanceCount = 6\n");
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(params).toString(), type: 2 }],
  });
  let latest = '';
  for (let i = 0; i < 50 && !/sku\.capacity: 6 instances/.test(latest); i++) {
    latest = await message();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(latest, /sku\.capacity: 6 instances/);
});
