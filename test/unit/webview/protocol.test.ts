import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isSimInput, parseHostMessage, parsePersistedState, parseWebviewMessage } from '../../../webview/src/protocol';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'webview', name), 'utf8')) as Record<string, unknown>;
const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };

describe('parseHostMessage', () => {
  test('accepts the fixture documents, an error and a select', () => {
    assert.equal(parseHostMessage(fixture('document.json'))?.type, 'document');
    assert.equal(parseHostMessage(fixture('faulted.json'))?.type, 'document');
    assert.equal(parseHostMessage({ type: 'documentError', uri: 'file:///a.json', message: 'x' })?.type, 'documentError');
    assert.equal(parseHostMessage({ type: 'select', target: { path: ['resources', 1] } })?.type, 'select');
  });

  test('rejects unknown types, missing fields and wrong types', () => {
    for (const bad of [
      null,
      'document',
      42,
      [],
      {},
      { type: 'nope' },
      { type: 'documentError', uri: 'u' },
      { type: 'select', target: { path: [{}] } },
      { type: 'document', uri: 'u', label: 'l', version: 1, scaleSets: 'x', select: null },
    ]) {
      assert.equal(parseHostMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  test('rejects a scale set whose simulator input is malformed', () => {
    const doc = fixture('document.json') as { scaleSets: Record<string, unknown>[] };
    const input = doc.scaleSets[0]!.simulatorInput as Record<string, unknown>;
    for (const patch of [
      { trigger: 'reboot' },
      { fleet: { ...(input.fleet as object), capacity: -1 } },
      { fleet: { ...(input.fleet as object), capacity: 1e9 } },
      { seed: 'one' },
      { timings: {} },
    ]) {
      const broken = { ...doc, scaleSets: [{ ...doc.scaleSets[0], simulatorInput: { ...input, ...patch } }] };
      assert.equal(parseHostMessage(broken), undefined, JSON.stringify(patch));
    }
    assert.ok(isSimInput(input));
  });
});

describe('parseWebviewMessage', () => {
  test('accepts every message kind', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: 'file:///t.json', range }), {
      type: 'reveal',
      uri: 'file:///t.json',
      range,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', text: '# x' }), { type: 'copy', text: '# x' });
    assert.equal(parseWebviewMessage({ type: 'save', fileName: 'web.upgrade-run.json', format: 'json', content: '{}' })?.type, 'save');
    assert.equal(parseWebviewMessage({ type: 'log', level: 'warn', message: 'm' })?.type, 'log');
  });

  test('drops extra fields and rejects malformed ones', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    for (const bad of [
      undefined,
      { type: 'reveal', uri: 'u', range: { start: { line: -1, character: 0 }, end: range.end } },
      { type: 'copy' },
      { type: 'save', fileName: '../../etc/passwd', format: 'json', content: '' },
      { type: 'save', fileName: 'a.exe', format: 'exe', content: '' },
      { type: 'log', level: 'shout', message: 'm' },
      { type: 'runCommand', command: 'x' },
    ]) {
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

test('parsePersistedState reads what the webview saves and nothing else', () => {
  assert.deepEqual(parsePersistedState({ uri: 'file:///t.json', selectedPath: ['resources', 0], whatIf: {} })?.uri, 'file:///t.json');
  assert.equal(parsePersistedState({ uri: 3, selectedPath: null }), undefined);
  assert.equal(parsePersistedState('x'), undefined);
});
