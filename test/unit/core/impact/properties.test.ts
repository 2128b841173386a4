// Change impact over random edits of real templates (fast-check): never throws, every change classified,
// comparing both ways finds the same settings, and an edited template compared with itself has no changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { getLanguageService } from '../../../../server/src/core/languageService';
import { compareScaleSets, IMPACT_CLASSES } from '../../../../server/src/core/impact';

const ls = getLanguageService();
const FILES = [
  'test/fixtures/real-templates/qs-vmss-ubuntu-autoscale.json',
  'test/fixtures/real-templates/vmss-preview-zonesmanualrolling.json',
  'test/fixtures/real-templates/sf-5vm-ubuntu-1nt.json',
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Edit = { readonly at: number; readonly kind: 'set' | 'delete' | 'add'; readonly value: Json; readonly key: string };

/** Every object or array under the scale-set resource, as [container, key] slots. */
function slots(value: Json, out: [Json[] | { [key: string]: Json }, string | number][] = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([value, i]);
      slots(v, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      out.push([value, k]);
      slots(value[k]!, out);
    }
  }
  return out;
}

function applyEdits(template: { resources: Json[] }, edits: readonly Edit[]): void {
  const vmss = template.resources.find(
    (r) => typeof r === 'object' && r !== null && !Array.isArray(r) && /virtualMachineScaleSets$/i.test(String(r['type'])),
  );
  for (const edit of edits) {
    const all = slots(vmss ?? null);
    if (all.length === 0) return;
    const [container, key] = all[edit.at % all.length]!;
    if (edit.kind === 'set') (container as Record<string | number, Json>)[key] = edit.value;
    else if (edit.kind === 'delete' && !Array.isArray(container)) delete container[key as string];
    else if (!Array.isArray(container)) container[edit.key] = edit.value;
  }
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('set' as const, 'delete' as const, 'add' as const),
  value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  key: fc.constantFrom('name', 'lun', 'zones', 'mode', 'version', 'properties', "[parameters('x')]", 'extra'),
});

test('random edits: never throws, every change classified, the same settings both ways, self-compare empty', () => {
  const bases = FILES.map((f) => readFileSync(f, 'utf8'));
  fc.assert(
    fc.property(fc.nat({ max: FILES.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (which, edits) => {
      const text = bases[which]!;
      const template = JSON.parse(text) as { resources: Json[] };
      applyEdits(template, edits);
      const editedText = JSON.stringify(template, null, 2);
      const before = ls.createDocument('t.json', undefined, text).model;
      const after = ls.createDocument('t.json', undefined, editedText).model;
      const forward = compareScaleSets(before, after);
      const backward = compareScaleSets(after, before);
      for (const s of [...forward.scaleSets, ...backward.scaleSets]) {
        for (const c of s.changes) {
          assert.ok(IMPACT_CLASSES.includes(c.class), c.class);
          assert.match(c.source.url, /^https:\/\//);
          assert.ok(c.effect.length > 0);
        }
      }
      JSON.stringify(forward);
      const paths = (r: typeof forward) =>
        r.scaleSets
          .filter((s) => s.status === 'changed')
          .flatMap((s) => s.changes.map((c) => `${c.path}`))
          .sort();
      assert.deepEqual(paths(forward), paths(backward));
      const again = ls.createDocument('t.json', undefined, editedText).model;
      for (const s of compareScaleSets(after, again).scaleSets)
        assert.equal(s.changes.length, 0, `${s.name}: ${s.changes.map((c) => c.path).join()}`);
    }),
    { numRuns: 150, seed: 20261202 },
  );
});
