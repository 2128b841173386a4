import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ROOT } from '../helpers/lspClient';
import type { Advice, AdviseRequest, PolicyEditRequest, ScaleSetsRequest } from '../../server/src/protocol';

// The preview's advisor over the protocol, against the built server: vmssUpgrade/advise answers the engine's
// advice for one scale set under the preview's what-if; vmssUpgrade/policyEdit writes a policy that advice
// evaluated as a versioned edit, and refuses a stale version, a policy it did not evaluate, or bad input.

const JSON_URI = 'file:///tmp/vmss-lsp-advisor/rolling-zones.json';
const BICEP_URI = 'file:///tmp/vmss-lsp-advisor/log-forwarder.bicep';
const JSON_TEXT = readFileSync(join(ROOT, 'examples/rolling-zones.json'), 'utf8');
const BICEP_TEXT = readFileSync(join(ROOT, 'test/fixtures/real-templates/lukearp-vmss-log-forwarder.bicep'), 'utf8');

let client: LspClient;
before(async () => {
  client = new LspClient();
  await client.initialize();
  await client.open(JSON_URI, JSON_TEXT, 3);
  await client.open(BICEP_URI, BICEP_TEXT, 1, 'bicep');
});
after(() => client.shutdown());

const pathOf = async (uri: string) =>
  (await client.request<ScaleSetsRequest.Result>('vmssUpgrade/scaleSets', { textDocument: { uri } })).scaleSets[0]!.path;
const advise = (uri: string, params: Omit<AdviseRequest.Params, 'textDocument'>) =>
  client.request<AdviseRequest.Result>('vmssUpgrade/advise' satisfies typeof AdviseRequest.method, { textDocument: { uri }, ...params });
const policyEdit = (uri: string, version: number, params: Omit<PolicyEditRequest.Params, 'textDocument'>) =>
  client.request<PolicyEditRequest.Result>('vmssUpgrade/policyEdit' satisfies typeof PolicyEditRequest.method, {
    textDocument: { uri, version },
    ...params,
  });

async function adviceFor(uri: string, params: Omit<AdviseRequest.Params, 'textDocument' | 'path'>): Promise<Advice> {
  const answer = await advise(uri, { path: await pathOf(uri), ...params });
  assert.equal(answer.result?.kind, 'advice', JSON.stringify(answer.result));
  return answer.result as Advice;
}

for (const [format, uri, text, version] of [
  ['JSON', JSON_URI, JSON_TEXT, 3],
  ['Bicep', BICEP_URI, BICEP_TEXT, 1],
] as const) {
  test(`${format}: advice under the preview's what-if; a front policy written as a versioned edit that the server then reads back`, async () => {
    const path = await pathOf(uri);
    const whatIf = { capacity: 40, failureRate: 0.03 };
    const answer = await advise(uri, { path, goals: {}, whatIf });
    assert.equal(answer.version, version);
    const advice = answer.result as Advice;
    assert.equal(advice.kind, 'advice');
    assert.equal(advice.capacity, 40);
    assert.equal(advice.goals.failureRate, 0.03);
    assert.ok(advice.evaluated.length >= advice.front.length && advice.front.length > 0);
    const target = advice.evaluated.find((c) => JSON.stringify(c.policy) !== JSON.stringify(advice.current.policy))!;
    const result = await policyEdit(uri, version, { path, policy: target.policy, goals: {}, whatIf });
    assert.equal(result.message, null);
    const change = (result.edit!.documentChanges as { textDocument: { uri: string; version: number }; edits: never[] }[])[0]!;
    assert.deepEqual(change.textDocument, { uri, version });
    const edited = TextDocument.applyEdits(TextDocument.create(uri, format === 'JSON' ? 'json' : 'bicep', version, text), change.edits);
    // Only the changed properties: the text outside the policy keeps its comments and layout.
    assert.ok(edited.length > 0 && edited !== text);
    await client.open(`${uri}.edited${format === 'JSON' ? '.json' : '.bicep'}`, edited, 1, format === 'JSON' ? 'json' : 'bicep');
    const again = await adviceFor(`${uri}.edited${format === 'JSON' ? '.json' : '.bicep'}`, { goals: {}, whatIf });
    for (const [k, v] of Object.entries(target.policy))
      assert.equal(again.current.policy[k as keyof typeof target.policy], v, `${k} written as the advice evaluated it`);
  });
}

test('policyEdit refuses a stale version, a policy the advice did not evaluate, and the current policy', async () => {
  const path = await pathOf(JSON_URI);
  const advice = await adviceFor(JSON_URI, { goals: {}, whatIf: {} });
  const other = advice.evaluated.find((c) => JSON.stringify(c.policy) !== JSON.stringify(advice.current.policy))!;
  const stale = await policyEdit(JSON_URI, 2, { path, policy: other.policy, goals: {}, whatIf: {} });
  assert.equal(stale.edit, null);
  assert.match(stale.message!, /changed since this advice/);
  const made = await policyEdit(JSON_URI, 3, {
    path,
    policy: { ...other.policy, maxBatchInstancePercent: 37, maxUnhealthyInstancePercent: 99 },
    goals: {},
    whatIf: {},
  });
  assert.equal(made.edit, null);
  assert.match(made.message!, /not one the advisor evaluated/);
  const current = await policyEdit(JSON_URI, 3, { path, policy: advice.current.policy, goals: {}, whatIf: {} });
  assert.match(current.message!, /already/);
  const nowhere = await policyEdit(JSON_URI, 3, { path: ['resources', 99], policy: other.policy, goals: {}, whatIf: {} });
  assert.match(nowhere.message!, /no scale set there/);
});

test('advise refuses bad goals and what-if in words (no error response), and a document not open gives null', async () => {
  const path = await pathOf(JSON_URI);
  const bad = await advise(JSON_URI, { path, goals: { maxHalt: '0.1' as unknown as number }, whatIf: {} });
  assert.deepEqual(bad.result, { kind: 'invalidInput', message: 'the goal maxHalt must be a number' });
  const capacity = await advise(JSON_URI, { path, goals: {}, whatIf: { capacity: 5000 } });
  assert.equal(capacity.result?.kind, 'invalidInput');
  assert.match((capacity.result as { message: string }).message, /^capacity must be a whole number of instances from 1 to 1000/);
  const assumption = await advise(JSON_URI, { path, goals: {}, whatIf: { assumptions: { batchRounding: 'sideways' } } });
  assert.match((assumption.result as { message: string }).message, /batchRounding is one of floor, ceil, round/);
  const contradictory = await advise(JSON_URI, { path, goals: { minServing: 10_000 }, whatIf: {} });
  assert.match((contradictory.result as { message: string }).message, /^contradictory goals/);
  assert.deepEqual(await advise('file:///tmp/not-open.json', { path, goals: {}, whatIf: {} }), { version: -1, result: null });
});

test('CodeLens: "Tune rolling policy…" above a dominated policy, carrying the client command and the upgradePolicy range', async () => {
  const uri = 'file:///tmp/vmss-lsp-advisor/zonal-10.json';
  const text = readFileSync(join(ROOT, 'test/fixtures/advisor/zonal-10.json'), 'utf8');
  await client.open(uri, text);
  type Lens = { range: { start: { line: number; character: number } }; command?: { title: string; command: string; arguments: unknown[] } };
  const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
  const tune = lenses.filter((l) => l.command?.command === 'vmssUpgrade.tunePolicy');
  assert.equal(tune.length, 1, JSON.stringify(lenses.map((l) => l.command?.title)));
  assert.match(tune[0]!.command!.title, /^Tune rolling policy… maxUnhealthyUpgradedInstancePercent 20 → \d+/);
  const line = text.split('\n').findIndex((l) => l.includes('"upgradePolicy"'));
  assert.equal(tune[0]!.range.start.line, line);
  // The code action the command applies is offered at that range.
  const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: tune[0]!.range.start, end: tune[0]!.range.start },
    context: { diagnostics: [], only: ['refactor.rewrite'] },
  });
  assert.ok(actions.some((a) => a.title.startsWith('Tune rolling policy…')));
});
