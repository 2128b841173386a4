// The change-impact table (core/impact/table.ts): well-formed data, user-facing text without internal ids, longest match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IMPACT_CLASSES, IMPACT_TABLE } from '../../../../server/src/core/impact';
import { rowFor } from '../../../../server/src/core/impact/table';
import { IMPACT_SOURCES } from '../../../../server/src/core/impact/sources';

const facts = IMPACT_TABLE.flatMap((r) => [r, ...(r.variants ?? []), ...(r.flexible ? [{ ...r, ...r.flexible }] : [])]);

test('every row: a known class, a source with a title and a link, a unique path', () => {
  const paths = new Set<string>();
  for (const row of IMPACT_TABLE) {
    assert.ok(!paths.has(row.path.toLowerCase()), `duplicate ${row.path}`);
    paths.add(row.path.toLowerCase());
  }
  for (const fact of facts) {
    assert.ok(IMPACT_CLASSES.includes(fact.class), fact.class);
    const source = IMPACT_SOURCES[fact.source];
    assert.ok(source, fact.source);
    assert.match(source.url, /^https:\/\/(learn\.microsoft\.com|github\.com)\//);
    assert.equal(typeof fact.unverified, 'boolean');
  }
  assert.ok(IMPACT_TABLE.length >= 80, `${IMPACT_TABLE.length} rows`);
});

test('effects and error texts: short, in our words, no internal source ids', () => {
  for (const fact of facts) {
    assert.ok(fact.effect.length <= 160, `${fact.effect.length}: ${fact.effect}`);
    for (const text of [fact.effect, fact.azureError ?? '']) {
      assert.doesNotMatch(text, /\bS\d+\b|§|\[[A-Z][A-Z-]+\]|\bQ\d\b|\bF\d+\b/, text);
    }
  }
});

test('a path takes its longest row; items of arrays match `[]`', () => {
  const at = (...segments: string[]) => rowFor(segments.map((s) => s.toLowerCase()))?.path;
  assert.equal(
    at('properties', 'virtualMachineProfile', 'storageProfile', 'imageReference', 'version'),
    'properties.virtualMachineProfile.storageProfile.imageReference.version',
  );
  assert.equal(
    at('properties', 'virtualMachineProfile', 'extensionProfile', 'extensions', '[]', 'properties', 'settings', 'port'),
    'properties.virtualMachineProfile.extensionProfile.extensions[].properties.settings',
  );
  assert.equal(at('properties', 'virtualMachineProfile', 'somethingNew'), 'properties.virtualMachineProfile.');
  assert.equal(at('properties', 'somethingNew'), undefined);
});
