// One plan, one answer: every example and real fixture through hover, inlay hints, CodeLens, document
// symbols, lint and `simulate --format json` (in process, as the CLI runs it), and every surface must quote
// the batches of the simulator's plan: the same count, sizes and pauses, and each smaller batch a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTemplate, ls } from '../../../server/src/cli/loadTemplate';
import { simulateCommand } from '../../../server/src/cli/commands/simulate';
import { formatDuration } from '../../../server/src/core/sim/summary';
import { asString, getProp } from '../../../server/src/core/model/values';
import type { SimReport } from '../../../server/src/core/sim/report';
import type { UpgradePlan } from '../../../server/src/core/sim/simData';
import { EMPTY_CONFIG } from '../../../server/src/core/rules';
import type { ScaleSetModel } from '../../../server/src/core/model/templateModel';
import type { TemplateDocument } from '../../../server/src/core/languageService';

const ROOT = join(import.meta.dirname, '../../..');
const REAL = join(ROOT, 'test/fixtures/real-templates');
const FILES = [
  join(ROOT, 'examples/rolling-zones.json'),
  ...readdirSync(REAL)
    .filter((f) => (f.endsWith('.json') && !f.endsWith('.parameters.json')) || f.endsWith('.bicep'))
    .map((f) => join(REAL, f)),
];
const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

function simulateJson(path: string, scaleSet: string, trigger: 'model' | 'aos'): SimReport {
  let out = '';
  const code = simulateCommand.run([path, '--scale-set', scaleSet, '--trigger', trigger, '--format', 'json'], {
    stdout: (t) => (out += t),
    stderr: () => {},
    stderrIsTTY: false,
    cwd: ROOT,
  });
  assert.equal(code, 0);
  return JSON.parse(out) as SimReport;
}

const sizes = (plan: UpgradePlan) => {
  const s = plan.batches.map((b) => b.size);
  const min = Math.min(...s);
  const max = Math.max(...s);
  return min === max ? String(max) : `${min}–${max}`;
};
const plain = (markdown: string) => markdown.replace(/\\(.)/g, '$1');

/** Every smaller batch names its reason; a batch of the policy's size names none. */
function assertReasons(plan: UpgradePlan, where: string): void {
  for (const b of plan.batches) {
    if (plan.strategy !== 'rolling') continue;
    assert.equal(b.limitedBy.length > 0, b.size < plan.batchSize, `${where}: batch ${b.index} of ${b.size} (policy ${plan.batchSize})`);
  }
}

function lensTitle(doc: TemplateDocument, index: number): string {
  const lens = ls.getCodeLenses(doc, { uri: 'u', failureRate: 0 })[index]!;
  return ls.resolveCodeLens(doc, lens, { uri: 'u', failureRate: 0 }).command!.title;
}

function uniqueNames(sets: readonly ScaleSetModel[]): ScaleSetModel[] {
  const names = sets.map((s) => s.displayName.toLowerCase());
  return sets.filter((s, i) => names.indexOf(s.displayName.toLowerCase()) === i && names.lastIndexOf(s.displayName.toLowerCase()) === i);
}

let checkedRolling = 0;
let checkedAos = 0;

for (const path of FILES) {
  test(`one plan everywhere: ${path.slice(ROOT.length + 1)}`, () => {
    const { doc } = loadTemplate(path);
    const findings = ls.findProblems(doc, EMPTY_CONFIG);
    for (const scaleSet of uniqueNames(doc.model.scaleSets)) {
      const index = doc.model.scaleSets.indexOf(scaleSet);
      const name = scaleSet.displayName;
      const model = simulateJson(path, name, 'model');
      assertReasons(model.plan, `${name} model`);
      // The failure-free run is the plan (a Blocked run has no batches, its plan still does).
      if (model.run.status === 'Blocked') assert.deepEqual(model.run.batches, [], name);
      else
        assert.deepEqual(
          model.run.batches.map((b) => [b.size, b.limitedBy]),
          model.plan.batches.map((b) => [b.size, b.limitedBy]),
          name,
        );
      const title = lensTitle(doc, index);
      if (model.plan.strategy === 'rolling' && model.plan.batches.length > 0) {
        checkedRolling++;
        const largest = Math.max(...model.plan.batches.map((b) => b.size));
        const n = model.plan.batches.length;
        assert.ok(
          title.includes(`${n} ${n === 1 ? 'batch' : 'batches'} × ${largest} · ≈${formatDuration(model.plan.durationSeconds)}`),
          `${name}: lens "${title}" vs plan ${n} × ${largest}`,
        );
        const symbol = ls.findDocumentSymbols(doc)[index]!;
        if (scaleSet.rollingUpgradePolicy && scaleSet.capacity)
          assert.ok(symbol.detail!.includes(`(${n} × ${sizes(model.plan)})`), `${name}: symbol "${symbol.detail}"`);
        const rolling = scaleSet.rollingUpgradePolicy?.value;
        const batchProp = getProp(rolling, 'maxBatchInstancePercent');
        if (batchProp && batchProp.value.expression === undefined && doc.text.slice(batchProp.value.span.offset).match(/^\d/)) {
          const hover = ls.doHover(doc, doc.lines.positionAt(batchProp.value.span.offset));
          const text = plain((hover!.contents as { value: string }).value);
          assert.ok(text.includes(`: ${n} ${n === 1 ? 'batch' : 'batches'} of ${sizes(model.plan)}`), `${name}: hover "${text}"`);
          assert.ok(text.includes(`= ${model.plan.batchSize}`), `${name}: hover "${text}" names the policy's size`);
          const hints = ls.getInlayHints(doc, EVERYTHING).map((h) => String(h.label));
          assert.ok(
            hints.some(
              (h) =>
                (h.startsWith(`${model.plan.batchSize} of ${model.plan.capacity}`) && h.endsWith(' per batch')) ||
                h.startsWith(`batches of ${sizes(model.plan)} of`),
            ),
            `${name}: hints ${JSON.stringify(hints)}`,
          );
          const pause = asString(getProp(rolling, 'pauseTimeBetweenBatches')?.value);
          if (pause && model.plan.pauses > 0)
            assert.ok(
              hints.some((h) => h.startsWith(`${model.plan.pauses} ${model.plan.pauses === 1 ? 'pause' : 'pauses'} =`)),
              `${name}: pauses ${model.plan.pauses} in ${JSON.stringify(hints)}`,
            );
        }
      }
      const aos = simulateJson(path, name, 'aos');
      assertReasons(aos.plan, `${name} aos`);
      if (scaleSet.automaticOSUpgradePolicy && title.includes('OS upgrades: ') && aos.plan.batches.length > 0) {
        checkedAos++;
        const largest = Math.max(...aos.plan.batches.map((b) => b.size));
        const n = aos.plan.batches.length;
        assert.ok(
          title.includes(`OS upgrades: ${n} ${n === 1 ? 'batch' : 'batches'} × ${largest}`),
          `${name}: lens "${title}" vs aos plan`,
        );
      }
      // Lint quotes the plan's first batch.
      for (const f of findings.filter((x) => x.scaleSet === name && x.ruleId === 'first-batch-failure-halts')) {
        const first = Number(/first batch of (\d+)/.exec(f.message)?.[1]);
        assert.ok([model.plan.batches[0]?.size, aos.plan.batches[0]?.size].includes(first), `${name}: ${f.message}`);
      }
      for (const f of findings.filter((x) => x.scaleSet === name && x.ruleId === 'batch-exceeds-unhealthy')) {
        const m = /batches hold (\d+) of \d+ instances, not the policy's (\d+)/.exec(f.message);
        if (m) assert.equal(Number(m[2]), model.plan.batchSize, f.message);
      }
    }
  });
}

test('the consistency checks above covered rolling and OS-upgrade plans', () => {
  console.log(`rolling plans checked: ${checkedRolling}, OS-upgrade plans: ${checkedAos}`);
  assert.ok(checkedRolling >= 5, `rolling plans checked: ${checkedRolling}`);
  assert.ok(checkedAos >= 3, `OS-upgrade plans checked: ${checkedAos}`);
});
