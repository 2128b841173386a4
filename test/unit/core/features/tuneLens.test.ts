// The "Tune rolling policy…" CodeLens: offered above upgradePolicy when the advisor finds the current policy
// dominated and can write the recommendation, with the same advice as the code action; bounded by fleet size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { advisePolicy, changeList, formatPHalt } from '../../../../server/src/core/advisor';
import { getLanguageService } from '../../../../server/src/core/languageService';
import { TUNE_LENS_MAX_INSTANCES } from '../../../../server/src/core/limits';

const ls = getLanguageService({ previewCommand: 'vmssUpgrade.showPreview', tuneCommand: 'vmssUpgrade.tunePolicy' });
const ZONAL = readFileSync('test/fixtures/advisor/zonal-10.json', 'utf8');
const tuneLenses = (text: string, uri = 'test://t/a.json') =>
  ls
    .getCodeLenses(ls.createDocument(uri, undefined, text), { uri, failureRate: 0.02 })
    .filter((l) => l.command?.command === 'vmssUpgrade.tunePolicy');

test('a dominated policy gets the lens on its upgradePolicy key, naming the changes the code action writes', () => {
  const doc = ls.createDocument('test://t/a.json', 'json', ZONAL);
  const advice = advisePolicy(doc.model.scaleSets[0]!);
  assert.ok(advice.kind === 'advice' && advice.currentDominated && !advice.keepCurrent);
  const [lens, ...more] = tuneLenses(ZONAL);
  assert.ok(lens);
  assert.equal(more.length, 0);
  assert.deepEqual(lens.range, doc.lines.rangeOf(doc.model.scaleSets[0]!.upgradePolicy!.keySpan));
  for (const c of changeList(advice))
    assert.ok(lens.command!.title.includes(`${c.property.split('.').pop()} ${c.from} → ${c.to}`), lens.command!.title);
  assert.deepEqual(lens.command!.arguments, [{ uri: 'test://t/a.json', range: lens.range }]);
  assert.match(lens.command!.tooltip ?? '', /^The advisor’s recommendation for the default goals: P\(halt\) /);
});

test('no lens once the recommendation is written, without a tune command, or past the instance budget', () => {
  const doc = ls.createDocument('test://t/a.json', 'json', ZONAL);
  const action = ls
    .getCodeActions(doc, [], { uri: 'u', range: doc.lines.rangeOf(doc.model.scaleSets[0]!.upgradePolicy!.keySpan), diagnostics: [] })
    .find((a) => a.title.startsWith('Tune rolling policy'))!;
  const edits = action.edit!.changes!.u!;
  const tuned = edits
    .map((e) => ({ start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), ZONAL);
  assert.deepEqual(tuneLenses(tuned), []);
  const plain = getLanguageService({ previewCommand: 'p' });
  const lenses = plain.getCodeLenses(plain.createDocument('test://t/a.json', 'json', ZONAL), { uri: 'u', failureRate: 0.02 });
  assert.ok(lenses.every((l) => !l.command?.title.startsWith('Tune')));
  const big = ZONAL.replace(/"capacity":\s*10/, `"capacity": ${TUNE_LENS_MAX_INSTANCES + 1}`);
  assert.notEqual(big, ZONAL);
  assert.deepEqual(tuneLenses(big), []);
});

test('the lens and the code action advise at the editor’s failure rate, as the simulation lens and the preview do', () => {
  const uri = 'test://t/a.json';
  const doc = ls.createDocument(uri, 'json', ZONAL);
  const scaleSet = doc.model.scaleSets[0]!;
  const at10 = advisePolicy(scaleSet, {}, { failureRate: 0.1 });
  const at2 = advisePolicy(scaleSet, {}, { failureRate: 0.02 });
  assert.ok(at10.kind === 'advice' && at2.kind === 'advice');
  assert.notEqual(at10.current.pHalt, at2.current.pHalt);
  const lens = ls.getCodeLenses(doc, { uri, failureRate: 0.1 }).find((l) => l.command?.command === 'vmssUpgrade.tunePolicy');
  if (at10.currentDominated && !at10.keepCurrent) {
    assert.ok(lens);
    assert.ok(lens.command!.tooltip!.includes(`P(halt) ${formatPHalt(at10.current.pHalt)}`), lens.command!.tooltip);
  } else assert.equal(lens, undefined);
  const range = doc.lines.rangeOf(scaleSet.upgradePolicy!.keySpan);
  const action = ls
    .getCodeActions(doc, [], { uri, range, diagnostics: [], whatIf: { failureRate: 0.1 } })
    .find((a) => a.title.startsWith('Tune rolling policy'));
  const expected = at10.keepCurrent ? undefined : at10.recommended.policy.maxUnhealthyUpgradedInstancePercent;
  if (expected === undefined) assert.equal(action, undefined);
  else {
    const out = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, ZONAL), action!.edit!.changes![uri]!);
    assert.ok(out.includes(`"maxUnhealthyUpgradedInstancePercent": ${expected}`), out);
    // At 2 % the same action writes another policy: the rate is the editor's, not a constant.
    const at2Out = ls.getCodeActions(doc, [], { uri, range, diagnostics: [] }).find((a) => a.title.startsWith('Tune rolling policy'));
    assert.notDeepEqual(at2Out?.edit, action!.edit);
  }
});
