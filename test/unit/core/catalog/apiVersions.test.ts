import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareApiVersions, isApiVersionAtLeast, parseApiVersion } from '../../../../server/src/core/catalog/apiVersions';

test('dates order API versions', () => {
  assert.ok(compareApiVersions('2018-10-01', '2019-03-01-preview')! < 0);
  assert.ok(compareApiVersions('2022-11-01', '2020-12-01')! > 0);
  assert.equal(compareApiVersions('2021-03-01', '2021-03-01'), 0);
});

test('a preview comes before the stable version of the same date', () => {
  assert.ok(compareApiVersions('2019-03-01-preview', '2019-03-01')! < 0);
  assert.ok(compareApiVersions('2019-03-01', '2019-03-01-Preview')! > 0);
  assert.equal(compareApiVersions('2019-03-01-preview', '2019-03-01-PREVIEW'), 0);
});

test('anything that is not an API version compares as undefined', () => {
  assert.equal(compareApiVersions('latest', '2019-03-01'), undefined);
  assert.equal(compareApiVersions('2019-13-01', '2019-03-01'), undefined);
  assert.equal(parseApiVersion("[variables('api')]"), undefined);
  assert.deepEqual(parseApiVersion(' 2023-09-01 '), { date: '2023-09-01', suffix: undefined });
});

test('isApiVersionAtLeast treats a same-date preview as older', () => {
  assert.equal(isApiVersionAtLeast('2018-10-01', '2018-10-01'), true);
  assert.equal(isApiVersionAtLeast('2018-10-01-preview', '2018-10-01'), false);
  assert.equal(isApiVersionAtLeast('2018-06-01', '2018-10-01'), false);
  assert.equal(isApiVersionAtLeast('x', '2018-10-01'), undefined);
});
