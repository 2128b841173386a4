/**
 * The preview panel host (client/src/preview) against an in-memory `vscode`: what it loads, what it
 * sends the webview and when, and how it answers the webview's messages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import type * as PreviewIndex from '../../../../client/src/preview/index';
import type * as PreviewPanelModule from '../../../../client/src/preview/previewPanel';
import type { ScaleSetsRequest } from '../../../../server/src/protocol';
import { createFakeVscode, fakeDocument, fakePanel, installVscode, until } from './fakeVscode';
import type { FakePanel } from './fakeVscode';

const fake = createFakeVscode();
installVscode(fake.api);
// Loaded after the fake is installed, so the panel's require('vscode') gets it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { registerPreview, PREVIEW_VIEW_TYPE } = require('../../../../client/src/preview/index') as typeof PreviewIndex;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PreviewPanel } = require('../../../../client/src/preview/previewPanel') as typeof PreviewPanelModule;

const ROOT = join(__dirname, '..', '..', '..', '..');
const URI = 'file:///work/t/azuredeploy.json';
const TEXT = readFileSync(join(ROOT, 'examples', 'rolling-zones.json'), 'utf8');
const lineOf = (needle: string) => TEXT.slice(0, TEXT.indexOf(needle)).split('\n').length - 1;
const policyLine = lineOf('"upgradePolicy"');
const info = (name: string, path: (string | number)[]) => ({
  name,
  path,
  range: { start: { line: 13, character: 4 }, end: { line: 80, character: 5 } },
  upgradePolicyRange: {
    start: { line: policyLine, character: TEXT.split('\n')[policyLine]!.indexOf('"upgradePolicy"') },
    end: { line: policyLine + 13, character: 9 },
  },
  summary: 'Rolling',
  capacity: { count: 12, known: true },
  simulatorInput: { not: 'a sim input' },
  assumed: ['zones: "1"'],
});

let requests: string[] = [];
let answer: (uri: string) => Promise<ScaleSetsRequest.Result> = async () => ({
  version: 1,
  scaleSets: [info('web-vmss', ['resources', 0]) as never],
});
const logs: string[] = [];
const context = { extensionUri: fake.api.Uri.parse('file:///ext'), subscriptions: [] as { dispose(): void }[] };
const preview = registerPreview(context as never, {
  scaleSets: (uri) => {
    requests.push(uri.toString());
    return answer(uri.toString());
  },
  log: (m) => logs.push(m),
});

function currentPanel(): FakePanel {
  return fake.state.panels.at(-1)!.panel;
}
const postedOf = (p: FakePanel, type: string) =>
  p.webview.posted.filter((m) => (m as { type: string }).type === type) as Record<string, unknown>[];

beforeEach(() => {
  PreviewPanel.current?.dispose();
  requests = [];
  logs.length = 0;
  fake.state.documents.length = 0;
  fake.state.documents.push(fakeDocument(URI, TEXT));
  fake.state.activeEditor = { document: fake.state.documents[0]! };
});
after(() => preview.dispose());

describe('preview panel host', () => {
  test('registers the serializer and opens a panel limited to dist/ with the CSP page', () => {
    assert.ok(fake.state.serializers.has(PREVIEW_VIEW_TYPE));
    preview.show({ uri: URI });
    const { viewType, options, panel } = fake.state.panels.at(-1)!;
    assert.equal(viewType, 'vmssUpgrade.preview');
    assert.deepEqual(JSON.parse(JSON.stringify(options)), { enableScripts: true, localResourceRoots: [{ value: 'file:///ext/dist' }] });
    assert.match(panel.webview.html, /default-src 'none'; script-src 'nonce-\w+'; style-src https:\/\/fake\.vscode-cdn\.net 'nonce-\w+'/);
    assert.match(panel.webview.html, /<script nonce="\w+" src="https:\/\/fake\.vscode-cdn\.net\/ext\/dist\/webview\.js"><\/script>/);
    assert.equal(panel.title, 'Upgrade preview: azuredeploy.json');
  });

  test('sends nothing before ready, then the scale sets with property ranges and the CodeLens target', async () => {
    preview.show({ uri: URI, path: ['resources', 0], name: 'web-vmss' });
    const panel = currentPanel();
    assert.deepEqual(panel.webview.posted, []);
    panel.webview.receive({ type: 'ready' });
    const [doc] = await until(() => postedOf(panel, 'document').length > 0 && postedOf(panel, 'document'));
    assert.equal(doc!.uri, URI);
    assert.deepEqual(doc!.select, { path: ['resources', 0], name: 'web-vmss' });
    const set = (doc!.scaleSets as Record<string, unknown>[])[0]!;
    assert.equal(set.simulatorInput, null, 'a malformed simulator input is not passed on');
    assert.deepEqual(set.assumed, ['zones: "1"']);
    const ranges = set.propertyRanges as Record<string, { start: { line: number } }>;
    assert.equal(ranges.maxBatchInstancePercent?.start.line, lineOf('"maxBatchInstancePercent"'));
    assert.equal(ranges.pauseTimeBetweenBatches?.start.line, lineOf('"pauseTimeBetweenBatches"'));
  });

  test('edits refresh once after a short pause; broken JSON gives a banner message instead', async () => {
    preview.show({ uri: URI });
    const panel = currentPanel();
    panel.webview.receive({ type: 'ready' });
    await until(() => postedOf(panel, 'document').length === 1);
    requests = [];
    const doc = fake.state.documents[0]!;
    for (let i = 0; i < 5; i++) fake.changeDocument.fire({ document: doc });
    await until(() => postedOf(panel, 'document').length === 2);
    assert.equal(requests.length, 1, 'five keystrokes, one request');
    doc.text = TEXT.replace('"mode": "Rolling",', '"mode": "Rolling"');
    fake.changeDocument.fire({ document: doc });
    const [error] = await until(() => postedOf(panel, 'documentError').length > 0 && postedOf(panel, 'documentError'));
    assert.match(String(error!.message), /^CommaExpected at line \d+, column \d+$/);
    assert.equal(requests.length, 1, 'no request for a broken template');
  });

  test('a Bicep template is previewed, not turned away as broken JSON', async () => {
    const bicepUri = 'file:///work/t/main.bicep';
    const bicep = fakeDocument(bicepUri, readFileSync(join(ROOT, 'test', 'fixtures', 'bicep', 'rolling-lb-probe.bicep'), 'utf8'));
    fake.state.documents.push(bicep);
    fake.state.activeEditor = { document: bicep };
    preview.show({ uri: bicepUri });
    const panel = currentPanel();
    panel.webview.receive({ type: 'ready' });
    const [doc] = await until(() => postedOf(panel, 'document').length > 0 && postedOf(panel, 'document'));
    assert.equal(doc!.uri, bicepUri);
    assert.deepEqual(postedOf(panel, 'documentError'), []);
  });

  test('a failing request becomes a banner; an older answer never overwrites a newer one', async () => {
    preview.show({ uri: URI });
    const panel = currentPanel();
    let release: (() => void) | undefined;
    answer = (uri) =>
      new Promise((resolve) => {
        release = () => resolve({ version: 1, scaleSets: [info('old', ['resources', 0]) as never] });
        void uri;
      });
    panel.webview.receive({ type: 'ready' });
    await until(() => release);
    const slow = release!;
    answer = async () => ({ version: 2, scaleSets: [info('new', ['resources', 0]) as never] });
    fake.changeDocument.fire({ document: fake.state.documents[0]! });
    await until(() => postedOf(panel, 'document').length === 1);
    slow();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      postedOf(panel, 'document').map((d) => (d.scaleSets as { name: string }[])[0]!.name),
      ['new'],
    );
    answer = async () => {
      throw new Error('server stopped');
    };
    fake.changeDocument.fire({ document: fake.state.documents[0]! });
    const [error] = await until(() => postedOf(panel, 'documentError').length > 0 && postedOf(panel, 'documentError'));
    assert.match(String(error!.message), /language server could not answer \(server stopped\)/);
    answer = async () => ({ version: 1, scaleSets: [info('web-vmss', ['resources', 0]) as never] });
  });

  test('reveal, copy and save do what the webview asks; malformed messages are logged and ignored', async () => {
    preview.show({ uri: URI });
    const panel = currentPanel();
    const range = { start: { line: 30, character: 12 }, end: { line: 30, character: 44 } };
    panel.webview.receive({ type: 'reveal', uri: URI, range });
    await until(() => fake.state.shown.length > 0);
    assert.deepEqual(JSON.parse(JSON.stringify(fake.state.shown.at(-1))), { uri: URI, selection: range });
    panel.webview.receive({ type: 'copy', text: '### summary' });
    await until(() => fake.state.clipboard.includes('### summary'));
    fake.state.saveTarget = fake.api.Uri.parse('file:///work/t/web.upgrade-run.json');
    panel.webview.receive({ type: 'save', fileName: 'web.upgrade-run.json', format: 'json', content: '{"a":1}' });
    await until(() => fake.state.written.length > 0);
    assert.deepEqual(fake.state.written.at(-1), { uri: 'file:///work/t/web.upgrade-run.json', content: '{"a":1}' });
    panel.webview.receive({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    panel.webview.receive({ type: 'save', fileName: '../../.bashrc', format: 'json', content: 'x' });
    assert.equal(logs.filter((l) => l.startsWith('preview: ignored a malformed message')).length, 2);
    assert.equal(fake.state.written.length, 1);
  });

  test('one panel: showing again reveals it and selects the CodeLens scale set', async () => {
    preview.show({ uri: URI });
    const panel = currentPanel();
    panel.webview.receive({ type: 'ready' });
    await until(() => postedOf(panel, 'document').length === 1);
    const count = fake.state.panels.length;
    preview.show({ uri: URI, path: ['resources', 1], name: 'api' });
    assert.equal(fake.state.panels.length, count);
    assert.equal(panel.revealed, 1);
    assert.deepEqual(postedOf(panel, 'select'), [{ type: 'select', target: { path: ['resources', 1], name: 'api' } }]);
  });

  test('follows another editor only when it is a template with a scale set', async () => {
    preview.show({ uri: URI });
    const panel = currentPanel();
    panel.webview.receive({ type: 'ready' });
    await until(() => postedOf(panel, 'document').length === 1);
    const other = fakeDocument('file:///work/t/notes.json', '{}');
    const template = fakeDocument('file:///work/t/api.json', TEXT);
    fake.state.documents.push(other, template);
    answer = async (uri) => ({ version: 1, scaleSets: uri.endsWith('api.json') ? [info('api', ['resources', 0]) as never] : [] });
    fake.state.activeEditor = { document: other };
    fake.changeEditor.fire({ document: other });
    await until(() => requests.includes('file:///work/t/notes.json'));
    fake.state.activeEditor = { document: template };
    fake.changeEditor.fire({ document: template });
    const docs = await until(() => postedOf(panel, 'document').length === 2 && postedOf(panel, 'document'));
    assert.equal(docs[1]!.uri, 'file:///work/t/api.json');
    assert.equal(panel.title, 'Upgrade preview: api.json');
    answer = async () => ({ version: 1, scaleSets: [info('web-vmss', ['resources', 0]) as never] });
  });

  test('revives after a reload on the template the webview saved', async () => {
    const panel = fakePanel();
    await fake.state.serializers
      .get(PREVIEW_VIEW_TYPE)!
      .deserializeWebviewPanel(panel, { uri: URI, selectedPath: ['resources', 0], whatIf: { capacity: 3 } });
    assert.match(panel.webview.html, /Content-Security-Policy/);
    panel.webview.receive({ type: 'ready' });
    const [doc] = await until(() => postedOf(panel, 'document').length > 0 && postedOf(panel, 'document'));
    assert.equal(doc!.uri, URI);
    assert.deepEqual(doc!.select, { path: ['resources', 0] });
    panel.dispose();
    assert.equal(PreviewPanel.current, undefined);
  });
});
