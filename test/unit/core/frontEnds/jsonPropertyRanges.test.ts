import assert from 'node:assert/strict';
import { test } from 'node:test';
import { propertyRanges } from '../../../../server/src/core/frontEnds/json/jsonPropertyRanges';

test('finds upgrade-policy properties under upgradePolicy, case-insensitively, with their ranges', () => {
  const text = `{ "resources": [ { "properties": {
    "upgradePolicy": { "mode": "Rolling", "rollingUpgradePolicy": { "MaxBatchInstancePercent": 33, "pauseTimeBetweenBatches": "PT1M" } },
    "maxBatchInstancePercent": 1 } } ] }`;
  const at = text.indexOf('"upgradePolicy"');
  const ranges = propertyRanges(text, at, (s, e) => ({ start: { line: 0, character: s }, end: { line: 0, character: e } }));
  assert.deepEqual(Object.keys(ranges).sort(), ['maxBatchInstancePercent', 'mode', 'pauseTimeBetweenBatches', 'rollingUpgradePolicy']);
  const r = ranges.maxBatchInstancePercent!;
  assert.equal(text.slice(r.start.character, r.end.character), '"MaxBatchInstancePercent": 33');
});

test('gives nothing when the offset is not an upgradePolicy key or the text is not JSON', () => {
  const at = (s: number, e: number) => ({ start: { line: 0, character: s }, end: { line: 0, character: e } });
  assert.deepEqual(propertyRanges('{"a": 1}', 1, at), {});
  assert.deepEqual(propertyRanges('', 0, at), {});
});
