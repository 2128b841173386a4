/**
 * The server → extension → webview contract with the real engine: a template's scale sets, as the
 * language server describes them, mapped by the extension, pass the webview's message check and simulate.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toPreviewScaleSet } from '../../../../client/src/preview/toPreview';
import { parseHostMessage } from '../../../../webview/src/protocol';
import { computeResult } from '../../../../webview/src/result';
import { jsonDocument, ls } from '../../../helpers/languageService';

const ROOT = join(__dirname, '..', '..', '..', '..');

test('the example template reaches the webview as a valid document that simulates, with reveal ranges', () => {
  const text = readFileSync(join(ROOT, 'examples', 'rolling-zones.json'), 'utf8');
  const parametersText = readFileSync(join(ROOT, 'examples', 'rolling-zones.parameters.json'), 'utf8');
  const lines = TextDocument.create('file:///t.json', 'json', 1, text);
  const infos = ls.describeScaleSets(jsonDocument(text, { parametersText }));
  assert.ok(infos.length >= 1);
  const scaleSets = infos.map((s) =>
    toPreviewScaleSet(s, {
      text,
      offsetAt: (p) => lines.offsetAt(p),
      rangeAt: (start, end) => ({ start: lines.positionAt(start), end: lines.positionAt(end) }),
    }),
  );
  const message = parseHostMessage(
    JSON.parse(JSON.stringify({ type: 'document', uri: 'file:///t.json', label: 't.json', version: 1, scaleSets, select: null })),
  );
  assert.equal(message?.type, 'document', 'the webview accepts what the extension sends');
  for (const s of scaleSets) {
    assert.notEqual(s.simulatorInput, null, `${s.name}: the server's simulator input has the expected shape`);
    const result = computeResult(s, {});
    assert.ok(result.run.batches.length > 0 || result.run.strategy !== 'rolling', s.name);
    for (const [name, range] of Object.entries(s.propertyRanges)) {
      const slice = lines.getText(range);
      assert.match(slice, new RegExp(`^"${name}"\\s*:`, 'i'), `${name} range points at its property`);
    }
  }
  assert.ok(
    scaleSets.some((s) => Object.keys(s.propertyRanges).length > 0),
    'the example has policy properties to reveal',
  );
});
