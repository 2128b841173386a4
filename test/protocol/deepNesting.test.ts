// Templates nested 50,000 and 200,000 levels deep, JSON and Bicep, through the built server over stdio:
// every feature answers within a second without a JSON-RPC error, and the template around the deep value
// is still analysed. (Before, a long-running server could answer completion with "Maximum call stack size
// exceeded" from jsonc-parser's recursive findNodeAtOffset, and a fresh one dropped the deep JSON
// template as a whole: no diagnostics, lens or symbols.) Completion is asked many times first so the
// server's code is as optimised as in a long session, where frames are smallest and recursion gets deepest.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, positionOf } from '../helpers/lspClient';
import { watchMemory, type MemoryWatch } from '../helpers/processLimits';

const BUDGET = { ms: 1000, mb: 300 };
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

function json(deep: string): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "vmss",
      "sku": { "name": "Standard_D2s_v5", "capacity": 100000 },
      "properties": {
        "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "maxBatchInstancePercent": 20 } },
        "virtualMachineProfile": { "networkProfile": { "healthProbe": { "id": "x" } } },
        "deep": ${deep}
      }
    }
  ]
}
`;
}

function bicep(deep: string): string {
  return `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'vmss'
  location: 'westeurope'
  sku: { name: 'Standard_D2s_v5', capacity: 100000 }
  properties: {
    upgradePolicy: { mode: 'Rolling', rollingUpgradePolicy: { maxBatchInstancePercent: 20 } }
    deep: ${deep}
  }
}
`;
}

const DOCUMENTS: readonly { name: string; languageId: string; text: string; tooDeep: RegExp }[] = [50_000, 200_000].flatMap((n) => [
  { name: `JSON arrays ${n}`, languageId: 'json', text: json('['.repeat(n) + ']'.repeat(n)), tooDeep: /^Nested more than 256 levels deep/ },
  {
    name: `JSON objects ${n}`,
    languageId: 'json',
    text: json('{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    tooDeep: /^Nested more than 256 levels deep/,
  },
  { name: `JSON never closed ${n}`, languageId: 'json', text: json('['.repeat(n)), tooDeep: /^Nested more than 256 levels deep/ },
  {
    name: `Bicep arrays ${n}`,
    languageId: 'bicep',
    text: bicep('['.repeat(n) + ']'.repeat(n)),
    tooDeep: /nested more than \d+ levels deep/,
  },
  {
    name: `Bicep objects ${n}`,
    languageId: 'bicep',
    text: bicep('{a: '.repeat(n) + '1' + '}'.repeat(n)),
    tooDeep: /nested more than \d+ levels deep/,
  },
  {
    name: `Bicep parentheses ${n}`,
    languageId: 'bicep',
    text: bicep('('.repeat(n) + '1' + ')'.repeat(n)),
    tooDeep: /nested more than \d+ levels deep/,
  },
  {
    name: `Bicep operator chain ${n}`,
    languageId: 'bicep',
    text: bicep(Array(n).fill('1').join(' + ')),
    tooDeep: /nested more than \d+ levels deep/,
  },
  {
    name: `Bicep accessor chain ${n}`,
    languageId: 'bicep',
    text: bicep('{a: 1}' + '.a'.repeat(n)),
    tooDeep: /nested more than \d+ levels deep/,
  },
]);

let client: LspClient;
let memory: MemoryWatch;

before(async () => {
  client = new LspClient({ pull: true });
  memory = watchMemory(client.process, 1000);
  await client.initialize();
});

after(async () => {
  assert.equal(await client.shutdown(), 0);
  client.kill();
});

async function timed<R>(what: string, method: string, params: unknown): Promise<R> {
  const started = performance.now();
  const result = await client.request<R>(method, params).catch((error: Error) => assert.fail(`${what}: ${error.message}`));
  const ms = performance.now() - started;
  assert.ok(ms < BUDGET.ms, `${what}: ${Math.round(ms)} ms`);
  return result;
}

type Diagnostic = { code?: string | number; message: string; range: unknown };

for (const [index, document] of DOCUMENTS.entries()) {
  test(`${document.name} levels deep: every feature answers within 1 s, and the scale set around it is still analysed`, async () => {
    const { text, languageId } = document;
    const uri = `file:///tmp/vmss-deep/${index}.${languageId === 'json' ? 'json' : 'bicep'}`;
    await client.open(uri, text, 1, languageId);
    const doc = { textDocument: { uri } };
    const deepAt = positionOf(text, 'deep', 20_000);
    const modeAt = positionOf(text, languageId === 'json' ? '"mode": "' : "mode: '", languageId === 'json' ? 9 : 7);

    // Warm up: completion deep inside the nesting and in the policy, over and over.
    for (let i = 0; i < 20; i++) await timed('completion (deep)', 'textDocument/completion', { ...doc, position: i % 2 ? deepAt : modeAt });

    const report = await timed<{ items: Diagnostic[] }>('diagnostics', 'textDocument/diagnostic', doc);
    assert.equal(report.items.filter((d) => document.tooDeep.test(d.message)).length, 1, report.items.map((d) => d.message).join('\n'));
    const finding = report.items.find((d) => d.code === 'capacity-out-of-range');
    assert.ok(finding, 'the rules still ran on the scale set');

    const values = await timed<{ items: { label: string }[] }>('completion', 'textDocument/completion', { ...doc, position: modeAt });
    assert.deepEqual(values.items.map((i) => i.label).sort(), ['Automatic', 'Manual', 'Rolling']);
    await timed('completion inside the nesting', 'textDocument/completion', { ...doc, position: deepAt });

    const hover = await timed<{ contents: { value: string } } | null>('hover', 'textDocument/hover', {
      ...doc,
      position: positionOf(text, 'maxBatchInstancePercent', 3),
    });
    assert.match(hover!.contents.value, /maxBatchInstancePercent/);
    await timed('hover inside the nesting', 'textDocument/hover', { ...doc, position: deepAt });

    const lenses = await timed<{ command?: { title: string } }[]>('codeLens', 'textDocument/codeLens', doc);
    assert.match(
      lenses[0]!.command!.title,
      /^Blocked by capacity-out-of-range(, [a-z-]+)* \| if run anyway: Rolling upgrade: 5 batches × 200 · .* of 1000 serving/,
    );
    const hints = await timed<unknown[]>('inlayHint', 'textDocument/inlayHint', { ...doc, range: EVERYTHING });
    assert.ok(hints.length > 0);
    const symbols = await timed<{ name: string }[]>('documentSymbol', 'textDocument/documentSymbol', doc);
    assert.equal(symbols.length, 1);
    const actions = await timed<{ title: string }[]>('codeAction', 'textDocument/codeAction', {
      ...doc,
      range: finding.range,
      context: { diagnostics: [finding] },
    });
    assert.ok(
      actions.some((a) => a.title.startsWith('Suppress capacity-out-of-range')),
      actions.map((a) => a.title).join(', '),
    );
    await timed('codeAction inside the nesting', 'textDocument/codeAction', {
      ...doc,
      range: { start: deepAt, end: deepAt },
      context: { diagnostics: [] },
    });

    const peak = memory.peakMb();
    if (peak !== undefined) assert.ok(peak < BUDGET.mb, `peak RSS ${peak} MB`);
    await client.connection.sendNotification('textDocument/didClose', doc);
  });
}
