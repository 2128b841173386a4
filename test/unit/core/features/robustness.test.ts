import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeText } from '../../../../server/src/host/decodeText';
import { type TemplateDocument } from '../../../../server/src/core/languageService';
import { cursor } from '../../../helpers/cursor';
import { jsonDocument, ls } from '../../../helpers/languageService';
const FIXTURE = readFileSync(join(import.meta.dirname, '../../../fixtures/lsp/web.json'), 'utf8');
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

/**
 * Every feature at one offset of one text; the caller checks that nothing throws. The document-wide ones
 * (lenses run the simulator) only when asked, to keep the sweep quick.
 */
function everyFeature(text: string, offset: number, wholeDocument = true): void {
  const doc = jsonDocument(text);
  const findings = ls.findProblems(doc, { rules: {} });
  ls.toDiagnostics(doc, findings, { uri: 'u', docsBase: 'd/' });
  positionFeatures(doc, findings, offset, !wholeDocument);
  for (const scaleSet of wholeDocument ? doc.model.scaleSets : []) {
    ls.getCodeActions(doc, findings, { uri: 'u', range: doc.lines.rangeOf(scaleSet.span), diagnostics: [] });
  }
  if (!wholeDocument) return;
  ls.getInlayHints(doc, EVERYTHING);
  ls.findDocumentSymbols(doc);
  ls.getCodeLenses(doc, { uri: 'u', failureRate: 0.02 });
  ls.describeScaleSets(doc);
}

/** The features that depend on the cursor; code-action edits are left unresolved (written once per file instead). */
function positionFeatures(doc: TemplateDocument, findings: ReturnType<typeof ls.findProblems>, offset: number, lazyEdits = true): void {
  const position = doc.lines.positionAt(offset);
  ls.doComplete(doc, position);
  ls.doHover(doc, position);
  ls.getCodeActions(doc, findings, { uri: 'u', range: { start: position, end: position }, diagnostics: [], lazyEdits });
}

test('half-typed text: every prefix of a template, with the cursor at its end, breaks no feature', () => {
  for (let length = 0; length <= FIXTURE.length; length += 3) {
    const text = FIXTURE.slice(0, length);
    assert.doesNotThrow(() => everyFeature(text, text.length, length % 30 === 0), `prefix of ${length} characters`);
  }
});

test('every cursor position in the template, and in it with one character deleted there', () => {
  for (let offset = 0; offset <= FIXTURE.length; offset += 2) {
    assert.doesNotThrow(() => everyFeature(FIXTURE, offset, false), `cursor at ${offset}`);
    const damaged = FIXTURE.slice(0, offset) + FIXTURE.slice(offset + 1);
    assert.doesNotThrow(() => everyFeature(damaged, Math.min(offset, damaged.length), offset % 40 === 0), `character ${offset} deleted`);
  }
});

test('real templates (quickstarts, Service Fabric, REST examples): every feature, positions across each file', () => {
  const dir = join(import.meta.dirname, '../../../fixtures/real-templates');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('.parameters.'));
  assert.ok(files.length >= 10);
  let scaleSets = 0;
  for (const file of files) {
    const text = decodeText(readFileSync(join(dir, file)));
    const doc = jsonDocument(text);
    scaleSets += doc.model.scaleSets.length;
    assert.equal(ls.findDocumentSymbols(doc).length, doc.model.scaleSets.length, file);
    assert.doesNotThrow(() => everyFeature(text, 0), file);
    const findings = ls.findProblems(doc, { rules: {} });
    for (let offset = 0; offset < text.length; offset += 29)
      assert.doesNotThrow(() => positionFeatures(doc, findings, offset), `${file} at ${offset}`);
  }
  assert.ok(scaleSets >= 10, 'the fixtures hold scale sets');
});

test('the cursor helper insists on exactly one marker', () => {
  assert.deepEqual(cursor('ab|c'), { text: 'abc', offset: 2 });
  assert.throws(() => cursor('abc'), /no \| marker/);
  assert.throws(() => cursor('a|b|c'), /more than one/);
});
