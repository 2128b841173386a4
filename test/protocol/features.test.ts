import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, positionOf, ROOT } from '../helpers/lspClient';

/** One server for the feature requests on the fixture template (opened without its parameters file). */
const TEMPLATE = readFileSync(join(ROOT, 'test/fixtures/lsp/web.json'), 'utf8');
const URI = 'file:///tmp/vmss-lsp-features/web.json';
let client: LspClient;

before(async () => {
  client = new LspClient({ pull: true, settings: { whatIf: { capacity: 10, failureRate: 0.02 } } });
  await client.initialize();
  await client.open(URI, TEMPLATE);
});

after(async () => {
  assert.equal(await client.shutdown(), 0);
  client.kill();
});

test('completion: rolling policy keys not yet present, with details', async () => {
  const position = positionOf(TEMPLATE, '"maxBatchInstancePercent"');
  const list = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', {
    textDocument: { uri: URI },
    position,
  });
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes('maxUnhealthyUpgradedInstancePercent'));
  assert.ok(!labels.includes('maxUnhealthyInstancePercent'), 'already present');
});

test('completion after an edit that left the text broken (a key typed without a comma)', async () => {
  const uri = 'file:///tmp/vmss-lsp-features/typing.json';
  await client.open(uri, TEMPLATE);
  const at = positionOf(TEMPLATE, '"pauseTimeBetweenBatches"');
  await client.change(uri, 2, { start: at, end: at }, '"ma"\n            ');
  const list = await client.request<{ items: { label: string; textEdit: { newText: string } }[] }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: at.line, character: at.character + 3 },
  });
  const item = list.items.find((i) => i.label === 'maxUnhealthyUpgradedInstancePercent');
  assert.ok(item, list.items.map((i) => i.label).join(', '));
  assert.match(item.textEdit.newText, /^"maxUnhealthyUpgradedInstancePercent": \$\{1:20\},$/);
});

test('completion leaves property names to ARM Tools in arm-template documents, unless told otherwise', async () => {
  const uri = 'file:///tmp/vmss-lsp-features/arm-tools.json';
  await client.open(uri, TEMPLATE, 1, 'arm-template');
  const keys = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
    textDocument: { uri },
    position: positionOf(TEMPLATE, '"maxBatchInstancePercent"'),
  });
  assert.ok(!keys.items.some((i) => i.label === 'maxUnhealthyUpgradedInstancePercent'));
  const values = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
    textDocument: { uri },
    position: positionOf(TEMPLATE, '"Rolling"', 1),
  });
  assert.deepEqual(
    values.items.map((i) => i.label),
    ['Automatic', 'Manual', 'Rolling'],
    'values stay',
  );
  client.settings = { completion: { propertyNames: 'always' } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const always = await client.request<{ items: { label: string }[] }>('textDocument/completion', {
    textDocument: { uri },
    position: positionOf(TEMPLATE, '"maxBatchInstancePercent"'),
  });
  assert.ok(always.items.some((i) => i.label === 'maxUnhealthyUpgradedInstancePercent'));
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('hover: a property name and an expression value', async () => {
  type H = { contents: { kind: string; value: string } } | null;
  const name = await client.request<H>('textDocument/hover', {
    textDocument: { uri: URI },
    position: positionOf(TEMPLATE, 'maxUnhealthyInstancePercent', 3),
  });
  assert.equal(name?.contents.kind, 'markdown');
  assert.match(name!.contents.value, /integer · 5–100 · default 20/);
  const expr = await client.request<H>('textDocument/hover', {
    textDocument: { uri: URI },
    position: positionOf(TEMPLATE, "parameters('pause')", 3),
  });
  assert.match(expr!.contents.value, /Effective value: `"PT5M"` — from a parameter's default value/);
});

test('hover on a flagged value: the property, then the finding in full with its links', async () => {
  type H = { contents: { kind: string; value: string } } | null;
  const hover = await client.request<H>('textDocument/hover', {
    textDocument: { uri: URI },
    position: positionOf(TEMPLATE, '200', 1),
  });
  const text = hover!.contents.value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  assert.match(text, /^200 % of 10 = 10, but /, 'the property hover first');
  assert.match(
    text,
    /\*\*Error\*\* · value-out-of-range: maxBatchInstancePercent is 200; the Compute API accepts 5 to 100, so the deployment fails\./,
  );
  assert.match(text, /Use a value from 5 to 100 %; without a value it is 20 %\./);
  // The server links the rule's page shipped beside it.
  assert.match(text, /\[Rule documentation: value-out-of-range\]\(file:\/\/\S+\/docs\/rules\/value-out-of-range\.md\)/);
});

test('code actions: the quick fixes of the finding, with its diagnostic', async () => {
  const report = await client.pullDiagnostics(URI);
  const diagnostic = report.items.find((d) => d.code === 'value-out-of-range')!;
  const actions = await client.request<
    { title: string; kind: string; diagnostics?: unknown[]; edit: { changes: Record<string, { newText: string }[]> } }[]
  >('textDocument/codeAction', {
    textDocument: { uri: URI },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const change = actions.find((a) => a.title === 'Change to 100')!;
  assert.equal(change.kind, 'quickfix');
  assert.deepEqual(change.diagnostics, [diagnostic]);
  const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'json', 1, TEMPLATE), change.edit.changes[URI] as never);
  assert.match(fixed, /"maxBatchInstancePercent": 100,/);
  assert.ok(actions.some((a) => a.title.startsWith('Suppress value-out-of-range')));
});

test('code actions on a large template come without edits and are resolved when chosen', async () => {
  const uri = 'file:///tmp/vmss-lsp-features/large.json';
  const filler = `"tags": { ${Array.from({ length: 2000 }, (_, i) => `"t${i}": "${'x'.repeat(100)}"`).join(', ')} },`;
  const large = TEMPLATE.replace('"location": "westeurope",', `"location": "westeurope", ${filler}`);
  assert.ok(large.length > 200_000);
  await client.open(uri, large);
  const diagnostic = (await client.pullDiagnostics(uri)).items.find((d) => d.code === 'value-out-of-range')!;
  type Action = { title: string; edit?: { changes: Record<string, never[]> }; data?: unknown };
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const change = actions.find((a) => a.title === 'Change to 100')!;
  assert.equal(change.edit, undefined);
  const resolved = await client.request<Action>('codeAction/resolve', change);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, large), resolved.edit!.changes[uri]!);
  assert.match(fixed, /"maxBatchInstancePercent": 100,/);
});

test('completion on a large template right after edits (carried spans) answers as on the analysed text', async () => {
  const uri = 'file:///tmp/vmss-lsp-features/typing-large.json';
  const filler = `"tags": { ${Array.from({ length: 2000 }, (_, i) => `"t${i}": "${'x'.repeat(100)}"`).join(', ')} },`;
  const large = TEMPLATE.replace('"location": "westeurope",', `"location": "westeurope", ${filler}`);
  await client.open(uri, large);
  await client.pullDiagnostics(uri); // analysed at version 1
  // Lines inserted above the scale set, then a key started inside its rolling policy.
  const top = positionOf(large, '"resources"');
  await client.change(uri, 2, { start: top, end: top }, '"extra": {},\n  ');
  const afterTop = large.replace('"resources"', '"extra": {},\n  "resources"');
  const at = positionOf(afterTop, '"pauseTimeBetweenBatches"');
  await client.change(uri, 3, { start: at, end: at }, '"m"\n            ');
  const list = await client.request<{ items: { label: string; textEdit: { range: { start: { line: number; character: number } } } }[] }>(
    'textDocument/completion',
    { textDocument: { uri }, position: { line: at.line, character: at.character + 2 } },
  );
  const item = list.items.find((i) => i.label === 'maxUnhealthyUpgradedInstancePercent');
  assert.ok(item, list.items.map((i) => i.label).join(', '));
  assert.deepEqual(item.textEdit.range.start, at, 'replaces the half-typed key where it now is');
  assert.ok(!list.items.some((i) => i.label === 'maxBatchInstancePercent'), 'present keys read from the current text');
});

test('CodeLens above upgradePolicy with the simulation line', async () => {
  const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string; command: string } }[]>(
    'textDocument/codeLens',
    { textDocument: { uri: URI } },
  );
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0]!.range.start.line, positionOf(TEMPLATE, '"upgradePolicy"').line);
  assert.match(
    lenses[0]!.command.title,
    /^Blocked by value-out-of-range \| if run anyway: Rolling upgrade: \d+ batches × \d+ · ≈.* · ≥\d+ of 10 serving · halts .*% at 2% failure rate$/,
  );
  assert.equal(lenses[0]!.command.command, 'vmssUpgrade.showPreview');
});

test('CodeLens on a template with many scale sets: ranges first, the simulation on codeLens/resolve', async () => {
  const uri = 'file:///tmp/vmss-lsp-features/many.json';
  const resource = (i: number) =>
    `{ "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "s${i}", "sku": { "capacity": 4 }, "properties": { "upgradePolicy": { "mode": "Rolling" } } }`;
  await client.open(uri, `{ "resources": [${Array.from({ length: 8 }, (_, i) => resource(i)).join(',\n')}] }`);
  type Lens = { range: unknown; command?: { title: string; arguments: { name: string }[] }; data?: unknown };
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(lenses.length, 8);
  assert.ok(lenses.every((l) => l.command === undefined && l.data !== undefined));
  const resolved = await client.request<Lens>('codeLens/resolve', lenses[5]);
  assert.match(resolved.command!.title, /^Blocked by rolling-requires-health \| if run anyway: Rolling upgrade: 4 batches × 1 · /);
  assert.equal(resolved.command!.arguments[0]!.name, 's5');
});

test('inlay hints, and none once the setting turns them off', async () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
  const hints = await client.request<{ label: string }[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range });
  // 200 % of 10 instances allows one batch of 10, but a batch is held to the 2 instances the 20 % unhealthy
  // limit allows (and stays within an update domain, 5 of them), so the plan, the CodeLens and this hint
  // count 5 batches: 4 pauses.
  assert.deepEqual(
    hints.map((h) => h.label),
    [
      'defaults: maxUnhealthyUpgradedInstancePercent 20, rollbackFailedInstancesOnPolicyBreach false, maxSurge false',
      'batches of 2 of 10: held to the unhealthy limit',
      '≤ 2 of 10',
      '4 pauses = 20 minutes',
    ],
  );
  client.settings = { inlayHints: { enabled: false } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.deepEqual(await client.request('textDocument/inlayHint', { textDocument: { uri: URI }, range }), []);
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
});

test('document symbols and the vmssUpgrade/scaleSets request', async () => {
  const symbols = await client.request<{ name: string; detail: string }[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['web'],
  );
  assert.match(symbols[0]!.detail, /^Rolling · batches 200 %/);
  const result = await client.request<{
    version: number;
    scaleSets: { name: string; simulatorInput: { mode: string; fleet: { capacity: number } } }[];
  }>('vmssUpgrade/scaleSets', { textDocument: { uri: URI } });
  assert.equal(result.version, 1);
  assert.equal(result.scaleSets[0]!.simulatorInput.mode, 'Rolling');
  assert.equal(result.scaleSets[0]!.simulatorInput.fleet.capacity, 10);
  assert.deepEqual(
    (await client.request<{ scaleSets: unknown[] }>('vmssUpgrade/scaleSets', { textDocument: { uri: 'file:///not/open.json' } })).scaleSets,
    [],
  );
});

test('code actions: "Tune rolling policy…" on the rolling policy writes the advisor\'s recommendation (resolved when chosen)', async () => {
  const uri = 'file:///tmp/vmss-lsp-features/zonal-10.json';
  const text = readFileSync(join(ROOT, 'test/fixtures/advisor/zonal-10.json'), 'utf8');
  await client.open(uri, text);
  const at = positionOf(text, '"rollingUpgradePolicy"', 3);
  type Action = { title: string; kind: string; edit?: { changes: Record<string, never[]> }; data?: unknown };
  const actions = await client.request<Action[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: at, end: at },
    context: { diagnostics: [] },
  });
  let tune = actions.find((a) => a.title.startsWith('Tune rolling policy…'));
  assert.ok(tune, actions.map((a) => a.title).join(' / '));
  assert.equal(tune.kind, 'refactor.rewrite');
  if (!tune.edit) tune = await client.request<Action>('codeAction/resolve', tune);
  const tuned = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, text), tune.edit!.changes[uri]!);
  assert.match(tuned, /"maxUnhealthyUpgradedInstancePercent": 50,/);
  assert.ok(tuned.includes('// the defaults, written out'));
});
