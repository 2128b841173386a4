import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSeeds } from './harness/corpus';
import { generateCase } from './harness/generate';
import { MAX_COPIES_LENGTH, PAYLOAD_MUTATORS } from './harness/payloadMutators';
import { Rng } from './harness/rng';
import { TEXT_MUTATORS } from './harness/textMutators';

test('the same seed gives the same documents and requests; another seed gives others', () => {
  for (const index of [0, 1, 17, 999]) assert.deepEqual(generateCase(42, index), generateCase(42, index));
  const a = Array.from({ length: 20 }, (_, i) => generateCase(42, i));
  const b = Array.from({ length: 20 }, (_, i) => generateCase(43, i));
  assert.notDeepEqual(
    a.map((c) => c.document.text),
    b.map((c) => c.document.text),
  );
  // Case n does not depend on the cases before it, so `--from n --docs 1` replays it alone.
  assert.deepEqual(generateCase(42, 17), a[17]);
});

test('seeds: the real templates, the Bicep fixtures and the examples, with parameters files and .bicepparam', () => {
  const seeds = loadSeeds();
  assert.ok(seeds.length >= 35, `${seeds.length} seeds`);
  for (const folder of ['test/fixtures/real-templates/', 'test/fixtures/bicep/', 'examples/'])
    assert.ok(
      seeds.some((s) => s.source.startsWith(folder)),
      folder,
    );
  assert.ok(seeds.some((s) => s.name.endsWith('.bicepparam')));
  assert.ok(seeds.some((s) => s.name.endsWith('.parameters.json')));
  assert.ok(seeds.some((s) => s.companion?.name.endsWith('.parameters.json')));
});

test('every mutator runs on every seed and changes some of them', () => {
  const seeds = loadSeeds();
  const donors = seeds.map((s) => s.text);
  for (const [name, mutate] of Object.entries({ ...TEXT_MUTATORS, ...PAYLOAD_MUTATORS })) {
    let changed = 0;
    seeds.forEach((seed, i) => {
      const out = mutate(seed.text, new Rng(i), { format: seed.format, donors });
      assert.equal(typeof out, 'string', name);
      if (out !== seed.text) changed++;
    });
    assert.ok(changed >= seeds.length / 4, `${name} changed ${changed} of ${seeds.length}`);
  }
});

test('the mutations reach what the issue lists: 100,000-deep nesting, 1e308 and 2^53, lone surrogates, CR-only lines, cycles', () => {
  const texts = Array.from({ length: 1_500 }, (_, i) => generateCase(7, i)).map((c) => c.document.text);
  assert.ok(
    texts.some((t) => t.includes('['.repeat(30_000))),
    'deep nesting',
  );
  assert.ok(texts.some((t) => t.includes('1e308')) && texts.some((t) => t.includes('9007199254740992')), 'huge numbers');
  assert.ok(
    texts.some((t) => /[\ud800-\udbff](?![\udc00-\udfff])/.test(t)),
    'lone surrogates',
  );
  assert.ok(
    texts.some((t) => t.includes('\r') && !t.includes('\n')),
    'CR-only line endings',
  );
  assert.ok(
    texts.some((t) => /fz\d+v0/.test(t)),
    'cyclic variables',
  );
  assert.ok(
    texts.some((t) => t.includes('concat('.repeat(1_000))),
    'deep expressions',
  );
  assert.ok(
    texts.some((t) => t.includes('onerror=alert(1)')),
    'markup payloads',
  );
});

test('manyScaleSets copies at most 8 MB of scale sets, however deep another mutation nested the one it copies', () => {
  // Seed 20261204, case 1518: deepNesting then manyScaleSets made 82 MB of JSON (no request answers that in 2 s).
  const c = generateCase(20261204, 1518);
  assert.deepEqual(c.mutations, ['deepNesting', 'manyScaleSets']);
  assert.ok(c.document.text.length < 4_000_000 + MAX_COPIES_LENGTH, `${c.document.text.length} characters`);
  const deep =
    '{"resources": [{"type": "Microsoft.Compute/virtualMachineScaleSets", "x": ' + '['.repeat(2_500_000) + ']'.repeat(2_500_000) + '}]}';
  const out = PAYLOAD_MUTATORS.manyScaleSets!(deep, new Rng(3), { format: 'json', donors: [] });
  assert.ok(out.length > deep.length && out.length <= deep.length + MAX_COPIES_LENGTH + 10, `${out.length}`);
});
