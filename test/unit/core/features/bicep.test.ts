// Language features on Bicep documents: the model-based ones (diagnostics, hints, lenses, symbols, the
// scale-set list) work unchanged; the cursor context and completion read the Bicep syntax tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import type { BicepFile } from '../../../../server/src/core/bicep/syntax';
import { formatOf } from '../../../../server/src/core/formats';
import { toBicepSnippet } from '../../../../server/src/core/frontEnds/bicep/bicepCompletion';
import type { CursorDocument, TemplateDocument } from '../../../../server/src/core/languageService';
import { bicepDocument, jsonDocument, ls } from '../../../helpers/languageService';

const FIXTURE = readFileSync(join(import.meta.dirname, '../../../fixtures/bicep/loop-stray-policies.bicep'), 'utf8');

/** The text with `|` removed, and the offset where it was. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** The cursor context as the document's front end reads it (what completion and hover start from). */
const contextAt = (doc: CursorDocument, offset: number) => doc.frontEnd.cursorContext(doc, offset);
const isBicep = (doc: TemplateDocument) => doc.frontEnd.format === 'bicep';

const TEMPLATE = (inner: string) => `resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  properties: {
${inner}
  }
}
`;

test('documents: Bicep is recognised by language id or extension and keeps its syntax tree', () => {
  assert.equal(formatOf('file:///a/main.bicep'), 'bicep');
  assert.equal(formatOf('untitled:Untitled-1', 'bicep'), 'bicep');
  assert.equal(formatOf('file:///a/main.json', 'json'), 'json');
  assert.equal(formatOf('file:///a/main.bicepparam'), 'json');
  const doc = bicepDocument(FIXTURE);
  assert.ok(isBicep(doc));
  assert.ok(!isBicep(jsonDocument('{}')));
  assert.equal(doc.model.scaleSets.length, 1);
  assert.equal((doc.syntax as BicepFile).statements.length, parseBicep(FIXTURE).statements.length);
});

test('model-based features work on Bicep with ranges on the Bicep text', () => {
  const doc = bicepDocument(FIXTURE);
  const findings = ls.findProblems(doc, { rules: {} });
  assert.ok(findings.some((f) => f.ruleId === 'misplaced-policy'));
  const diagnostics = ls.toDiagnostics(doc, findings, { uri: 'file:///x.bicep', docsBase: 'https://example.invalid/' });
  const casing = diagnostics.find((d) => d.code === 'property-name-casing')!;
  const line = FIXTURE.split('\n')[casing.range.start.line]!;
  assert.equal(line.slice(casing.range.start.character, casing.range.end.character), "'rolling'");
  const [info] = ls.describeScaleSets(doc);
  assert.ok(info, 'the scale-set list has the Bicep scale set');
  assert.equal(ls.findDocumentSymbols(doc).length, 1);
  const hints = ls.getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } });
  assert.ok(Array.isArray(hints));
});

test('cursor context: keys, values, half-typed keys and empty lines, nested policy objects', () => {
  const value = at(TEMPLATE("    upgradePolicy: {\n      mode: 'Rol|'\n    }"));
  const c1 = contextAt(bicepDocument(value.text), value.offset)!;
  assert.deepEqual(c1.path, ['properties', 'upgradePolicy', 'mode']);
  assert.equal(c1.isKey, false);
  assert.equal(value.text.slice(c1.replace!.offset, c1.replace!.offset + c1.replace!.length), "'Rol'");

  const empty = at(TEMPLATE('    upgradePolicy: {\n      mode: |\n    }'));
  const c2 = contextAt(bicepDocument(empty.text), empty.offset)!;
  assert.deepEqual(c2.path, ['properties', 'upgradePolicy', 'mode']);
  assert.equal(c2.isKey, false);

  const key = at(TEMPLATE("    upgradePolicy: {\n      mode: 'Rolling'\n      rollingUpgradePolicy: {\n        maxB|\n      }\n    }"));
  const c3 = contextAt(bicepDocument(key.text), key.offset)!;
  assert.deepEqual(c3.path, ['properties', 'upgradePolicy', 'rollingUpgradePolicy', 'maxB']);
  assert.equal(c3.isKey, true);

  const blank = at(TEMPLATE("    upgradePolicy: {\n      mode: 'Rolling'\n      |\n    }"));
  const c4 = contextAt(bicepDocument(blank.text), blank.offset)!;
  assert.deepEqual(c4.path, ['properties', 'upgradePolicy', '']);
  assert.equal(c4.isKey, true);
  assert.equal(c4.replace, undefined);
});

test('completion: values as Bicep literals, policy names, and the policy snippets written in Bicep', () => {
  const value = at(TEMPLATE('    upgradePolicy: {\n      mode: |\n    }'));
  const values = ls.doComplete(bicepDocument(value.text), bicepDocument(value.text).lines.positionAt(value.offset)).items;
  assert.deepEqual(
    values.map((i) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : '')),
    ["'Automatic'", "'Manual'", "'Rolling'"],
  );

  const key = at(TEMPLATE("    upgradePolicy: {\n      mode: 'Rolling'\n      rollingUpgradePolicy: {\n        |\n      }\n    }"));
  const doc = bicepDocument(key.text);
  const names = ls.doComplete(doc, doc.lines.positionAt(key.offset)).items;
  assert.ok(
    names.some(
      (i) =>
        i.label === 'maxBatchInstancePercent' &&
        i.textEdit &&
        'newText' in i.textEdit &&
        i.textEdit.newText.startsWith('maxBatchInstancePercent: '),
    ),
  );
  const withoutNames = ls.doComplete(doc, doc.lines.positionAt(key.offset), { propertyNames: false }).items;
  assert.ok(!withoutNames.some((i) => i.kind === 10), 'property names are left to the Bicep extension');

  const props = at(TEMPLATE('    |'));
  const pdoc = bicepDocument(props.text);
  const snippet = ls
    .doComplete(pdoc, pdoc.lines.positionAt(props.offset), { propertyNames: false })
    .items.find((i) => i.label === 'Rolling upgrade policy');
  assert.ok(snippet, 'the policy snippet is offered whatever the property-name setting');
  const body = snippet.textEdit && 'newText' in snippet.textEdit ? snippet.textEdit.newText : '';
  assert.match(body, /^upgradePolicy: \{\n\tmode: 'Rolling'\n\trollingUpgradePolicy: \{/);
  assert.ok(!body.includes('"') && !/,\n/.test(body), body);
});

test('the Bicep snippets expand to valid Bicep', () => {
  const json =
    '"upgradePolicy": {\n\t"mode": "${1|Rolling,Manual|}",\n\t"rollingUpgradePolicy": {\n\t\t"pause": "${2:PT0S}",\n\t\t"max": ${3:20}\n\t}\n}';
  const bicep = toBicepSnippet(json);
  const expanded = bicep.replace(/\$\{\d+[:|]([^}|,]*)[^}]*\}/g, '$1');
  assert.deepEqual(parseBicep(`var x = {\n${expanded}\n}`).problems, []);
});

test('dispatch: documents and fixes by format', () => {
  const bicep = ls.createDocument('file:///x/main.bicep', undefined, FIXTURE);
  assert.ok(isBicep(bicep));
  const json = ls.createDocument('file:///x/main.json', 'json', '{"resources": []}');
  assert.ok(!isBicep(json));
  const finding = ls.findProblems(bicep, { rules: {} }).find((f) => f.ruleId === 'property-name-casing')!;
  const edits = ls.writeEdits(bicep, finding.fixes[0]!.edits);
  assert.deepEqual(edits, [{ offset: finding.span.offset + 1, length: 1, newText: 'R' }]);
  const view: CursorDocument = { text: FIXTURE, lines: bicep.lines, model: bicep.model, frontEnd: bicep.frontEnd };
  const offset = FIXTURE.indexOf("'rolling'") + 2;
  assert.deepEqual(contextAt(view, offset)?.path, ['properties', 'upgradePolicy', 'mode'], 'a view without a syntax tree is parsed');
});

test('the language service entry points dispatch Bicep documents: hover, completion, code actions', () => {
  const marked = at(
    TEMPLATE(
      "    upgradePolicy: {\n      mode: 'Rolling'\n      rollingUpgradePolicy: {\n        pauseTimeBetweenBatches: 'PT|5M'\n      }\n    }",
    ),
  );
  const doc = bicepDocument(marked.text);
  const hover = ls.doHover(doc, doc.lines.positionAt(marked.offset));
  assert.match(JSON.stringify(hover?.contents ?? ''), /5 minutes/);
  const values = ls.doComplete(doc, doc.lines.positionAt(marked.offset)).items;
  assert.ok(values.some((i) => i.label === 'PT1M' && i.textEdit && 'newText' in i.textEdit && i.textEdit.newText === "'PT1M'"));

  const fixture = bicepDocument(FIXTURE);
  const findings = ls.findProblems(fixture, { rules: {} });
  const casing = findings.find((f) => f.ruleId === 'property-name-casing')!;
  const range = fixture.lines.rangeOf(casing.span);
  const actions = ls.getCodeActions(fixture, findings, { uri: 'file:///x.bicep', range, diagnostics: [] });
  const fix = actions.find((a) => a.title.includes('Rolling') && a.edit);
  const edits = fix?.edit?.changes?.['file:///x.bicep'];
  assert.deepEqual(
    edits?.map((e) => e.newText),
    ['R'],
    'the fix is written by the Bicep writer',
  );
  const suppress = actions.find((a) => a.title.startsWith('Suppress property-name-casing'));
  assert.match(
    suppress?.edit?.changes?.['file:///x.bicep']?.[0]?.newText ?? '',
    /^\s*\/\/ vmss-upgrade-disable-next-line property-name-casing -- /,
  );
});

test('inlay hints, key hover and CodeLens on a Bicep scale set', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../fixtures/bicep/rolling-lb-probe.bicep'), 'utf8');
  const doc = bicepDocument(text);
  const hints = ls.getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } });
  const pause = hints.find((h) => h.label === '3 pauses = 15 seconds');
  assert.ok(pause, JSON.stringify(hints.map((h) => h.label)));
  assert.match(text.split('\n')[pause.position.line]!, /pauseTimeBetweenBatches: pause/);
  const hover = ls.doHover(doc, doc.lines.positionAt(text.indexOf('maxBatchInstancePercent') + 3));
  assert.match(JSON.stringify(hover?.contents), /\*\*maxBatchInstancePercent\*\*/);
  const lenses = ls.getCodeLenses(doc, { uri: 'file:///x.bicep', failureRate: 0.01 });
  assert.equal(lenses.length, 1);
  assert.match(lenses[0]!.command?.title ?? '', /Rolling upgrade: 4 batches/);
});

test('completion offers the same duration values in JSON and Bicep (one list, the catalog’s)', () => {
  const pause = (doc: TemplateDocument, offset: number) => ls.doComplete(doc, doc.lines.positionAt(offset)).items.map((i) => i.label);
  const bicep = at(
    TEMPLATE(
      "    upgradePolicy: {\n      mode: 'Rolling'\n      rollingUpgradePolicy: {\n        pauseTimeBetweenBatches: |\n      }\n    }",
    ),
  );
  const json = at(
    '{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "v", "properties": { "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "pauseTimeBetweenBatches": | } } } } ] }',
  );
  const fromBicep = pause(bicepDocument(bicep.text), bicep.offset);
  assert.deepEqual(fromBicep, ['PT0S', 'PT30S', 'PT1M', 'PT2M', 'PT5M', 'PT10M', 'PT15M', 'PT30M', 'PT1H']);
  assert.deepEqual(pause(jsonDocument(json.text), json.offset), fromBicep);
});
