// The capacity reproducers of issue 17 through the built server over stdio, copied byte for byte into
// test/fixtures/robustness from the mutation campaign (R2: 7.7 s per CodeLens; R2b: 17 GB within a minute,
// in typed arrays outside the V8 heap; R2c: Bicep, no answer in 30 s at 9.4 GB; R7: "Invalid typed array
// length" as a JSON-RPC error for inlay hints and as the CodeLens title). Each request now answers within
// a second, the server stays under 300 MB of resident memory, and every surface shows the clamped plan.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspClient, positionOf, ROOT } from '../helpers/lspClient';
import { watchMemory, type MemoryWatch } from '../helpers/processLimits';

const FIXTURES = join(ROOT, 'test/fixtures/robustness');
const BUDGET = { ms: 1000, mb: 300 };
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

let client: LspClient;
let memory: MemoryWatch;

before(async () => {
  client = new LspClient({ pull: true });
  // Killed far past the budget, so a regression fails the test instead of exhausting the machine.
  memory = watchMemory(client.process, 1000);
  await client.initialize();
});

after(async () => {
  const peak = memory.peakMb();
  if (peak !== undefined) assert.ok(peak < BUDGET.mb, `peak RSS ${peak} MB`);
  assert.equal(await client.shutdown(), 0);
  client.kill();
});

/** One request, timed; a JSON-RPC error fails the test with its message. */
async function timed<R>(what: string, method: string, params: unknown): Promise<R> {
  const started = performance.now();
  const result = await client
    .request<R>(method, params)
    .catch((error: Error) => assert.fail(`${what}: ${error.message}${memory.killedAt() ? ` (killed at ${memory.killedAt()} MB)` : ''}`));
  const ms = performance.now() - started;
  assert.ok(ms < BUDGET.ms, `${what}: ${Math.round(ms)} ms`);
  return result;
}

type Lens = { command?: { title: string }; data?: unknown };
type Hint = { label: string | { value: string }[] };
const label = (h: Hint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

for (const [file, languageId, capacity] of [
  ['R2-capacity-100000.json', 'json', '100000'],
  ['R2b-capacity-2147483648.json', 'json', '2147483648'],
  ['R7-inlayhint-capacity-2pow53.json', 'json', '9007199254740992'],
  ['R2c-bicep-capacity-1e9.bicep', 'bicep', '1000000000'],
] as const) {
  test(`${file}: diagnostics, CodeLens, inlay hints, hover, symbols and completion within 1 s, the plan at 1,000 instances`, async () => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const uri = `file:///tmp/vmss-robustness/${file}`;
    await client.open(uri, text, 1, languageId);
    const doc = { textDocument: { uri } };

    const report = await timed<{ items: { code?: string | number; message: string }[] }>('diagnostics', 'textDocument/diagnostic', doc);
    const finding = report.items.find((d) => d.code === 'capacity-out-of-range' && d.message.startsWith(`sku.capacity ${capacity} `));
    assert.ok(finding, report.items.map((d) => `${d.code}: ${d.message}`).join('\n'));
    assert.ok(!report.items.some((d) => d.code === 'internal-rule-error'), 'no rule fails on it');

    const lenses = await timed<Lens[]>('codeLens', 'textDocument/codeLens', doc);
    assert.ok(lenses.length >= 1);
    for (const lens of lenses) {
      const title = (lens.command ?? (await timed<Lens>('codeLens/resolve', 'codeLens/resolve', lens)).command)!.title;
      assert.doesNotMatch(title, /unavailable|typed array|RangeError/i);
    }
    const titles = lenses.map((l) => l.command?.title ?? '').join('\n');
    assert.match(titles, new RegExp(`of 1000 serving .*\\| sku\\.capacity ${capacity} is more than Azure allows: 1000 simulated`));

    const hints = await timed<Hint[]>('inlayHint', 'textDocument/inlayHint', { ...doc, range: EVERYTHING });
    if (file.startsWith('R7') || file.startsWith('R2c'))
      assert.ok(
        hints.map(label).some((l) => / of 1000 max per batch$/.test(l)),
        hints.map(label).join(' | '),
      );

    const hover = await timed<{ contents: { value: string } } | null>('hover', 'textDocument/hover', {
      ...doc,
      position: positionOf(text, capacity, 1),
    });
    assert.match(
      hover!.contents.value,
      new RegExp(`^\\*\\*${capacity} instances\\*\\*.*more than Azure allows in this scale set \\(1000\\)`),
    );

    const symbols = await timed<unknown[]>('documentSymbol', 'textDocument/documentSymbol', doc);
    assert.ok(symbols.length >= 1);
    await timed('completion', 'textDocument/completion', {
      ...doc,
      position: positionOf(text, languageId === 'json' ? '"mode": "' : "mode: '", languageId === 'json' ? 9 : 7),
    });
    const peak = memory.peakMb();
    if (peak !== undefined) assert.ok(peak < BUDGET.mb, `peak RSS ${peak} MB`);
  });
}

test('the slowest plan at the limit (1,000 instances in 1,000 one-instance batches, both triggers by Monte Carlo) and a million zones', async () => {
  const resource = (zones: string) => `{
  "resources": [ {
    "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "vmss",
    "sku": { "name": "x", "capacity": 1000 }, "zones": ${zones},
    "properties": {
      "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 5, "maxUnhealthyInstancePercent": 100, "maxUnhealthyUpgradedInstancePercent": 100 },
        "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true } },
      "virtualMachineProfile": { "networkProfile": { "healthProbe": { "id": "x" } } }
    }
  } ]
}`;
  for (const [name, zones, title] of [
    [
      'split.json',
      JSON.stringify(Array.from({ length: 1000 }, (_, i) => String(i + 1))),
      /^(Blocked by [a-z, -]+ \| if run anyway: )?Rolling upgrade: 1000 batches × 1 · .* \| OS upgrades: /,
    ],
    ['zones.json', '"[range(1, 1000000)]"', /^(Blocked by [a-z, -]+ \| if run anyway: )?Rolling upgrade: 20 batches × 50 · /],
  ] as const) {
    const uri = `file:///tmp/vmss-robustness/${name}`;
    await client.open(uri, resource(zones));
    const lenses = await timed<Lens[]>(`codeLens ${name}`, 'textDocument/codeLens', { textDocument: { uri } });
    assert.match(lenses[0]!.command!.title, title);
    await timed(`diagnostics ${name}`, 'textDocument/diagnostic', { textDocument: { uri } });
  }
  const peak = memory.peakMb();
  if (peak !== undefined) assert.ok(peak < BUDGET.mb, `peak RSS ${peak} MB`);
});
