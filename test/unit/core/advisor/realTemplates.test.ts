// The advisor on every scale set of the real templates, examples and Bicep fixtures: advice or one clear
// refusal, never a throw, and every advice a front whose recommendation proposes no gate switched off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { getLanguageService } from '../../../../server/src/core/languageService';
import { advisePolicy, dominates } from '../../../../server/src/core/advisor';

const ls = getLanguageService();
const FOLDERS = ['test/fixtures/real-templates', 'examples', 'test/fixtures/bicep'];

test('real templates: advice or a one-line refusal for every scale set', () => {
  const kinds = new Map<string, number>();
  for (const folder of FOLDERS)
    for (const file of readdirSync(folder)) {
      if (!/\.(json|bicep)$/.test(file) || file.includes('parameters')) continue;
      const doc = ls.createDocument(`${folder}/${file}`, undefined, readFileSync(`${folder}/${file}`, 'utf8'));
      for (const scaleSet of doc.model.scaleSets) {
        const result = advisePolicy(scaleSet, {}, {}, { trials: 30 });
        kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
        if (result.kind !== 'advice') {
          assert.equal(result.kind, 'nothingToTune', `${file}: ${result.message}`);
          assert.ok(!result.message.includes('\n') && result.message.startsWith('nothing to tune: '), result.message);
          continue;
        }
        assert.ok(result.front.length > 0, file);
        for (const f of result.front) assert.ok(!result.evaluated.some((c) => dominates(c, f)), file);
        if (!result.keepCurrent) {
          assert.ok(result.recommended.policy.maxUnhealthyInstancePercent < 100, file);
          assert.ok(result.recommended.policy.maxUnhealthyUpgradedInstancePercent < 100, file);
        }
      }
    }
  assert.ok((kinds.get('advice') ?? 0) >= 10, JSON.stringify([...kinds]));
  assert.ok((kinds.get('nothingToTune') ?? 0) >= 5, JSON.stringify([...kinds]));
});
