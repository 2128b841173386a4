import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, ROOT } from '../helpers/lspClient';
import type { ChangeImpactRequest, SetBaselineNotification } from '../../server/src/protocol';

// Change impact over the protocol: the client sends the baseline (it reads git, files and `az vmss show`
// output itself), the server offers a lens on each changed scale set and answers vmssUpgrade/changeImpact.

const URI = 'file:///tmp/vmss-lsp-impact/rolling-zones.json';
const HEAD = readFileSync(join(ROOT, 'examples/rolling-zones.json'), 'utf8');
const EDITED = HEAD.replace('"sku": "22_04-lts-gen2"', '"sku": "22_04-lts"');
type Lens = { range: { start: { line: number } }; command?: { title: string; command: string; arguments?: unknown[] } };

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
  await client.open(URI, EDITED);
});
after(() => client.shutdown());

const setBaseline = (baseline: SetBaselineNotification.Params['baseline']) =>
  client.connection.sendNotification(
    'vmssUpgrade/setBaseline' satisfies typeof SetBaselineNotification.method,
    {
      templateUri: URI,
      baseline,
    } satisfies SetBaselineNotification.Params,
  );
const impact = () =>
  client.request<ChangeImpactRequest.Result>('vmssUpgrade/changeImpact' satisfies typeof ChangeImpactRequest.method, {
    textDocument: { uri: URI },
  });

test('without a baseline: no change-impact lens, and the report is null', async () => {
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
  assert.ok(lenses.every((l) => !l.command?.title.startsWith('Deploying this')));
  assert.deepEqual(await impact(), { version: 1, label: null, report: null });
});

test('with HEAD as the baseline: a lens on the changed scale set that quotes the rollout plan, and the report', async () => {
  const refreshes = client.viewRefreshes.length;
  await setBaseline({ label: 'HEAD', text: HEAD });
  const result = await impact();
  assert.equal(result.label, 'HEAD');
  const scaleSet = result.report!.scaleSets[0]!;
  assert.equal(scaleSet.status, 'changed');
  assert.deepEqual(
    scaleSet.changes.map((c) => [c.path.replace(/^.*\./, ''), c.class]),
    [['sku', 'model']],
  );
  const batches = scaleSet.rollout!.plan.batches.length;
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri: URI } });
  const lens = lenses.find((l) => l.command?.title.startsWith('Deploying this'));
  assert.ok(lens, JSON.stringify(lenses.map((l) => l.command?.title)));
  assert.match(lens.command!.title, new RegExp(`^Deploying this \\(vs HEAD\\): rolling model update, ${batches} batches, ≈`));
  assert.equal(lens.command!.command, 'vmssUpgrade.showPreview');
  assert.equal((lens.command!.arguments![0] as { section?: string }).section, 'changeImpact');
  assert.ok(client.viewRefreshes.length > refreshes, 'the client is asked to refresh its lenses');
});

test('an az vmss show baseline is read as the live scale set; null stops comparing', async () => {
  const live = JSON.stringify({
    name: 'web-vmss',
    sku: { name: 'Standard_D2s_v5', capacity: 10 },
    zones: ['1'],
    properties: { upgradePolicy: { mode: 'Rolling' }, provisioningState: 'Succeeded', uniqueId: 'x' },
  });
  await setBaseline({ label: 'live', text: live, uri: 'file:///tmp/vmss-lsp-impact/live.json', languageId: 'json' });
  const result = await impact();
  assert.equal(result.label, 'live');
  assert.ok(
    result.report!.scaleSets[0]!.changes.some((c) => c.path === 'zones'),
    JSON.stringify(result.report),
  );
  await setBaseline(null);
  assert.equal((await impact()).report, null);
});
