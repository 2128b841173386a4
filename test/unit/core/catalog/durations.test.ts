import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatIsoDuration, humaniseDuration, parseIsoDuration, suggestDurations } from '../../../../server/src/core/catalog/durations';

const seconds = (text: string) => {
  const parsed = parseIsoDuration(text);
  return parsed.ok ? parsed.seconds : undefined;
};

test('valid ISO 8601 durations parse to seconds', () => {
  assert.equal(seconds('PT0S'), 0);
  assert.equal(seconds('PT5M'), 300);
  assert.equal(seconds('PT1H30M'), 5400);
  assert.equal(seconds('P1DT2H'), 93600);
  assert.equal(seconds('P1W'), 604800);
  assert.equal(seconds('PT1.5S'), 1.5);
  assert.equal(seconds('PT0,5S'), 0.5);
});

test('invalid durations are rejected with a reason', () => {
  for (const text of [
    'aaaaaaaaaaaaaaa',
    '',
    'P',
    'PT',
    'P1DT',
    'pt5m',
    '5m',
    'PT5',
    'PT-5M',
    '-PT5M',
    'PT1.5M',
    'PT5M ',
    'P1H',
    '00:05:00',
  ]) {
    const parsed = parseIsoDuration(text);
    assert.equal(parsed.ok, false, text);
    if (!parsed.ok) assert.ok(parsed.reason.length > 0);
  }
});

test('durations read as words', () => {
  assert.equal(humaniseDuration('PT10M'), '10 minutes');
  assert.equal(humaniseDuration('PT1M'), '1 minute');
  assert.equal(humaniseDuration('PT1H30M'), '1 hour 30 minutes');
  assert.equal(humaniseDuration('PT90M'), '1 hour 30 minutes');
  assert.equal(humaniseDuration('PT0S'), '0 seconds');
  assert.equal(humaniseDuration('P1DT1S'), '1 day 1 second');
  assert.equal(humaniseDuration('aaaaaaaaaaaaaaa'), undefined);
});

test('seconds format as the shortest duration', () => {
  assert.equal(formatIsoDuration(0), 'PT0S');
  assert.equal(formatIsoDuration(300), 'PT5M');
  assert.equal(formatIsoDuration(5400), 'PT1H30M');
  assert.equal(formatIsoDuration(90061), 'P1DT1H1M1S');
  for (const n of [1, 59, 61, 3599, 3600, 86399, 86400, 200000]) assert.equal(seconds(formatIsoDuration(n)), n);
});

test('suggestions turn common mistakes into valid durations', () => {
  assert.deepEqual(suggestDurations('pt5m'), ['PT5M']);
  assert.deepEqual(suggestDurations('00:05:00'), ['PT5M']);
  assert.deepEqual(suggestDurations('1.00:00:30'), ['P1DT30S']);
  assert.deepEqual(suggestDurations('5m'), ['PT5M']);
  assert.deepEqual(suggestDurations('10 minutes'), ['PT10M']);
  assert.deepEqual(suggestDurations('2h'), ['PT2H']);
  assert.deepEqual(suggestDurations('aaaaaaaaaaaaaaa'), []);
});
