// A new version analysed from the previous one (DocumentOptions.previous: scale sets outside the changed
// resource carried over) must give exactly what a full analysis of the new text gives: the model, the parts
// read on first use, and the rules' findings. Checked on random edits of real templates and of a fleet
// template made from one (several scale sets, a child extension attached by name, load balancers).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getLanguageService, type TemplateDocument } from '../../../../server/src/core/languageService';
import { apply, applyValid, edit, fraction } from '../textEdits';

const REAL = join(import.meta.dirname, '../../../fixtures/real-templates');
const ls = getLanguageService();
const NOW = Date.UTC(2026, 11, 3);

/** Every scale set, load balancer and parameter as plain data, with the lazily read parts read. */
function plain(doc: TemplateDocument): unknown {
  const { model } = doc;
  return {
    model: JSON.parse(JSON.stringify(model)),
    resources: model.scaleSets.map((s) => JSON.parse(JSON.stringify({ all: s.resolveResource?.(), ip: s.primaryIpConfiguration ?? null }))),
    rules: model.loadBalancers.map((lb) => JSON.parse(JSON.stringify({ rules: lb.rules, unknown: lb.rulesUnknown }))),
  };
}

/** Real templates, and one with six scale sets made from a real one: copies renamed, an extension attached by name. */
function templates(): string[] {
  const real = readdirSync(REAL)
    .filter((f) => f.endsWith('.json') && !f.includes('parameters') && !f.startsWith('restspec'))
    .map((f) => readFileSync(join(REAL, f), 'utf8'));
  const base = JSON.parse(readFileSync(join(REAL, 'qs-multi-vmss-linux-lb-zones.json'), 'utf8')) as {
    resources: { type: string; name: string }[];
  };
  const vmss = base.resources.filter((r) => r.type.toLowerCase() === 'microsoft.compute/virtualmachinescalesets');
  assert.ok(vmss.length > 0);
  const copies = [0, 1, 2].flatMap((k) => vmss.map((r, i) => ({ ...r, name: `fleet-${k}-${i}` })));
  const extension = {
    type: 'Microsoft.Compute/virtualMachineScaleSets/extensions',
    apiVersion: '2024-07-01',
    name: 'fleet-1-0/health',
    properties: {
      publisher: 'Microsoft.ManagedServices',
      type: 'ApplicationHealthLinux',
      typeHandlerVersion: '1.0',
      settings: { protocol: 'tcp', port: 22 },
    },
  };
  const fleet = JSON.stringify({ ...base, resources: [...base.resources, ...copies, extension] }, null, 2);
  return [...real, fleet];
}

describe('analysis carried over from the previous version', () => {
  const texts = templates();

  it('gives the model and findings of a full analysis (random edits)', () => {
    let carried = 0;
    let findingsCarried = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        // Mostly one keystroke that keeps the text valid (the case carried over), sometimes more or breaking ones.
        fc.array(fc.oneof({ arbitrary: fraction, weight: 5 }, { arbitrary: edit, weight: 1 }), {
          minLength: 1,
          maxLength: 2,
        }),
        (k, edits) => {
          const before = texts[k]!;
          const after = edits.reduce((t, e) => (typeof e === 'number' ? applyValid(t, e) : apply(t, e)), before);
          const previous = ls.createDocument('file:///t.json', 'json', before);
          const config = { rules: {} };
          const previousProblems = ls.checkDocument(previous, config, { now: NOW });
          const full = ls.createDocument('file:///t.json', 'json', after);
          const again = ls.createDocument('file:///t.json', 'json', after, { previous });
          assert.deepEqual(plain(again), plain(full));
          if (again.lineage?.origins.some((o) => o >= 0)) carried++;
          const problems = ls.checkDocument(again, config, { now: NOW, previous: previousProblems });
          assert.deepEqual(problems.findings, ls.findProblems(full, config, { now: NOW }));
          if (problems.carried > 0) findingsCarried++;
        },
      ),
      { numRuns: 400, seed: 20261203 },
    );
    assert.ok(carried > 80, `scale sets carried over in ${carried} of 400 runs`);
    assert.ok(findingsCarried > 40, `findings carried over in ${findingsCarried} of 400 runs`);
  });

  it('reads again a scale set whose child extension now attaches elsewhere (a rename in another resource)', () => {
    const fleet = texts.at(-1)!;
    const after = fleet.replace('"name": "fleet-1-0/health"', '"name": "fleet-2-0/health"');
    const previous = ls.createDocument('file:///t.json', 'json', fleet);
    const again = ls.createDocument('file:///t.json', 'json', after, { previous });
    assert.ok(again.lineage, 'the change is inside one resource');
    assert.deepEqual(plain(again), plain(ls.createDocument('file:///t.json', 'json', after)));
    const names = again.model.scaleSets.map((s, i) => [s.displayName, again.lineage!.origins[i]! >= 0] as const);
    assert.deepEqual(
      names.filter(([n]) => n === 'fleet-1-0' || n === 'fleet-2-0').map(([, carriedOver]) => carriedOver),
      [false, false],
    );
    assert.deepEqual(
      names.filter(([, c]) => c).map(([n]) => n),
      names.map(([n]) => n).filter((n) => n !== 'fleet-1-0' && n !== 'fleet-2-0'),
      'the others are carried over',
    );
  });

  it('analyses in full when the change joins two resources or reaches outside them', () => {
    const fleet = texts.at(-1)!;
    const at = fleet.indexOf('"name": "fleet-0-1"');
    const close = fleet.lastIndexOf('}', fleet.lastIndexOf('{', at)); // the end of the resource before
    const joined = `${fleet.slice(0, close)}, "x": ${fleet.slice(close + 1).replace(/^\s*,\s*\{/, '{')}`;
    const previous = ls.createDocument('file:///t.json', 'json', fleet);
    for (const after of [joined, fleet.replace('"parameters": {', '"parameters": { "p0": { "type": "int" },')]) {
      const again = ls.createDocument('file:///t.json', 'json', after, { previous });
      assert.equal(again.lineage, undefined);
      assert.deepEqual(plain(again), plain(ls.createDocument('file:///t.json', 'json', after)));
    }
  });
});
