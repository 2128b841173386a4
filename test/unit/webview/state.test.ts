import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_ASSUMPTIONS } from '../../../server/src/core/sim/index';
import type { PreviewScaleSet } from '../../../webview/src/protocol';
import { computeResult } from '../../../webview/src/result';
import { applyWhatIf, baseInput, capacitySource, describeWhatIf, parseField, parseWhatIf } from '../../../webview/src/state';
import { batchPhases } from '../../../webview/src/view/phases';
import { fileStem, markdownSummary, runJson } from '../../../webview/src/export';
import { liveMarkup, liveMarkupParsed, parseMarkdown } from '../../helpers/liveMarkup';

const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'webview', 'document.json'), 'utf8')) as {
  scaleSets: PreviewScaleSet[];
};
const web = doc.scaleSets[0]!;

describe('what-if', () => {
  test('an empty what-if is the template input', () => {
    const applied = applyWhatIf(baseInput(web), {});
    assert.deepEqual({ ...applied, assumptions: null }, { ...baseInput(web), assumptions: null });
    // Assumptions the sender did not know of take the simulator's defaults.
    assert.deepEqual(applied.assumptions, { ...DEFAULT_ASSUMPTIONS, ...baseInput(web).assumptions });
    assert.equal(capacitySource(web, {}), 'template');
    assert.equal(describeWhatIf({}), 'as in the template');
  });

  test('each field lands in the simulator input', () => {
    const input = applyWhatIf(baseInput(web), {
      trigger: 'model',
      capacity: 20,
      failureRate: 0.5,
      badImage: true,
      unhealthy: 3,
      upgradeSeconds: 60,
      healthySeconds: 5,
      seed: 9,
      assumptions: { batchRounding: 'ceil' },
    });
    assert.equal(input.trigger, 'model');
    assert.equal(input.fleet.capacity, 20);
    assert.equal(input.failures.probability, 0.5);
    assert.equal(input.failures.badImage, true);
    assert.equal(input.fleet.unhealthy, 3);
    assert.equal(input.timings.upgradeSeconds, 60);
    assert.equal(input.timings.healthySeconds, 5);
    assert.equal(input.seed, 9);
    assert.equal(input.assumptions.batchRounding, 'ceil');
    assert.equal(input.assumptions.upgradedDenominator, 'upgraded');
  });

  test('unhealthy instances never exceed the capacity', () => {
    assert.equal(applyWhatIf(baseInput(web), { capacity: 2, unhealthy: 5 }).fleet.unhealthy, 2);
  });

  test('without a simulator input the scale set runs on Azure defaults with its capacity', () => {
    const input = baseInput({ ...web, simulatorInput: null, capacity: { count: 7, known: false } });
    assert.equal(input.fleet.capacity, 7);
    assert.equal(input.scaleSetName, 'web-vmss');
    assert.match(capacitySource({ ...web, capacity: { count: 7, known: false } }, {}), /^assumed/);
  });

  test('persisted what-ifs are read defensively', () => {
    assert.deepEqual(
      parseWhatIf({
        capacity: 5,
        failureRate: 2,
        trigger: 'reboot',
        seed: -1,
        assumptions: { batchRounding: 'ceil', zoneOrder: 'sideways', nope: 'x' },
      }),
      { capacity: 5, assumptions: { batchRounding: 'ceil' } },
    );
    assert.deepEqual(parseWhatIf(null), {});
  });

  test('field parsing: empty is the template, junk and out-of-range are invalid', () => {
    assert.equal(parseField('', 0, 10, true), undefined);
    assert.equal(parseField(' 7 ', 0, 10, true), 7);
    assert.equal(parseField('2.5', 0, 10, false), 2.5);
    assert.equal(parseField('2.5', 0, 10, true), null);
    assert.equal(parseField('11', 0, 10, true), null);
    assert.equal(parseField('1e3', 0, 1e4, true), null);
    assert.equal(parseField('abc', 0, 10, true), null);
  });
});

describe('timeline phases', () => {
  test('every batch has an upgrade phase inside its own span, rollbacks where instances failed', () => {
    const { run } = computeResult(web, {});
    const phases = batchPhases(run);
    assert.equal(phases.length, run.batches.length);
    run.batches.forEach((b, k) => {
      const up = phases[k]!.find((p) => p.kind === 'upgrade');
      assert.ok(up && up.from >= b.startSeconds && up.to <= b.endSeconds, `batch ${k}`);
      const failed = b.members.some((m) => m.outcome === 'rolledBack');
      assert.equal(
        phases[k]!.some((p) => p.kind === 'rollback'),
        failed,
        `batch ${k} rollback`,
      );
    });
    assert.ok(
      phases.slice(0, -1).every((ps) => ps.some((p) => p.kind === 'pause')),
      'pause of 60 s between batches',
    );
  });
});

describe('exports', () => {
  test('JSON carries the run and both Azure shapes', () => {
    const r = computeResult(web, {});
    const json = JSON.parse(runJson(r, null)) as Record<
      string,
      { properties?: { runningStatus?: { code?: string } } } & { value?: unknown[] }
    >;
    assert.equal(json.rollingUpgradesLatest?.properties?.runningStatus?.code, r.run.status);
    assert.equal(json.osUpgradeHistory?.value?.length, 1);
    assert.ok(json.run && json.input);
  });

  test('markdown escapes table pipes and compares when pinned', () => {
    const a = computeResult({ ...web, name: 'a|b`c\n# injected' }, {});
    const b = computeResult(web, { capacity: 20 });
    const md = markdownSummary(b, null, { result: a, risk: null });
    assert.match(md, /\| \| Pinned: as in the template \| Current: capacity 20 \|/);
    const single = markdownSummary(a, null, null);
    assert.match(single, /^### Upgrade preview: ``a\|b`c↵# injected``$/m, 'the name as written, its line break shown');
    assert.doesNotMatch(single, /^# injected/m);
    assert.ok(
      single
        .split('\n')
        .filter((l) => l.startsWith('| '))
        .every((l) => (l.match(/(?<!\\)\|/g) ?? []).length === 3),
    );
  });

  test('markdown shows the scale-set name from the template as written, in the heading, whatever it holds', () => {
    const payload = '<img src=x onerror=alert(1)>|[c](command:workbench.action.terminal.new)![i](https://evil.example/p.png)$(zap)`x`';
    const a = computeResult({ ...web, name: payload }, {});
    const md = markdownSummary(a, null, { result: computeResult({ ...web, name: payload }, { capacity: 20 }), risk: null });
    assert.deepEqual(liveMarkup(md), [], md);
    assert.deepEqual(liveMarkupParsed(md), [], md);
    const tokens = parseMarkdown(md);
    const heading = tokens[tokens.findIndex((t) => t.type === 'heading_open') + 1]!;
    assert.deepEqual(
      heading.children!.map((t) => [t.type, t.content]),
      [
        ['text', 'Upgrade preview: '],
        ['code_inline', payload],
      ],
    );
    assert.equal(tokens.filter((t) => t.type === 'th_open').length, 3, 'the table keeps its three columns');
  });

  test('file stems are safe', () => {
    assert.equal(fileStem('<img src=x onerror=alert(1)>'), 'img-src-x-onerror-alert-1');
    assert.equal(fileStem('../..'), 'scale-set');
  });
});
