// DocumentOptions.analysedOnce (the CLI): the model may point into the text instead of copying strings out
// of it, and that must change nothing the engine says: the same model and the same findings, on a template
// past the size where strings are copied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../../server/src/core/languageService';
import { EMPTY_CONFIG } from '../../../../server/src/core/rules';
import { REUSE_ANALYSIS_FROM } from '../../../../server/src/core/limits';
import { fleet } from '../../../helpers/fleetTemplate';

test('a text analysed once gives the model and findings of one that may be carried over', () => {
  const ls = getLanguageService();
  const text = fleet(200_000);
  assert.ok(text.length >= REUSE_ANALYSIS_FROM, 'large enough for strings to be copied by default');
  const copied = ls.createDocument('/t/fleet.json', undefined, text, { readUnrelated: true });
  const sliced = ls.createDocument('/t/fleet.json', undefined, text, { readUnrelated: true, analysedOnce: true });
  assert.equal(sliced.model.scaleSets.length, 31); // the original and its 30 copies
  assert.deepEqual(sliced.model, copied.model);
  const problems = (doc: typeof copied) => ls.findProblems(doc, EMPTY_CONFIG, { now: 0, anyDocument: true });
  assert.ok(problems(sliced).length > 0);
  assert.deepEqual(problems(sliced), problems(copied));
});
