import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixAndRecheck, textAt, fullText } from './harness';
import { appHealth, scaleSetTemplate, UNKNOWN } from './healthFixtures';

const ext = (settings: string, version = '2.0') =>
  scaleSetTemplate({ upgradePolicy: '{ "mode": "Rolling" }', extensions: [appHealth(settings, 'ApplicationHealthLinux', version)] });
const ID = 'app-health-settings';

test('app-health-settings: valid settings are silent, including a port written as a string (the SF samples do)', () => {
  assert.deepEqual(
    findingsOf(
      ext('{ "protocol": "http", "port": 80, "requestPath": "/health", "intervalInSeconds": 5, "numberOfProbes": 1, "gracePeriod": 600 }'),
      ID,
    ),
    [],
  );
  assert.deepEqual(findingsOf(ext('{ "protocol": "tcp", "port": "19000" }', '1.0'), ID), []);
  assert.deepEqual(findingsOf(ext('{ "protocol": "HTTPS", "requestPath": "/" }'), ID), []);
});

test('app-health-settings: tcp needs a port and takes no requestPath', () => {
  const noPort = ext('{ "protocol": "tcp" }');
  const [finding] = findingsOf(noPort, ID);
  assert.equal(textAt(noPort, finding!), '"tcp"');
  assert.match(fullText(finding!), /but has no port[^]*port is mandatory for tcp\./);
  const withPath = ext('{ "protocol": "tcp", "port": 22, "requestPath": "/" }');
  const [path] = findingsOf(withPath, ID);
  assert.equal(textAt(withPath, path!), '"requestPath"');
  assert.match(fullText(path!), /which tcp does not allow/);
  assert.doesNotMatch(fixAndRecheck(withPath, ID), /requestPath/);
});

test('app-health-settings: http and https need a non-empty requestPath', () => {
  const text = ext('{ "protocol": "http", "port": 80 }');
  assert.match(
    fullText(findingsOf(text, ID)[0]!),
    /has no requestPath, which http requires\.[^]*requestPath is mandatory for http and https/,
  );
  assert.match(fixAndRecheck(text, ID), /"port": 80,\s*"requestPath": "\/"/);
  const empty = ext('{ "protocol": "https", "requestPath": "" }');
  assert.equal(textAt(empty, findingsOf(empty, ID)[0]!), '""');
  assert.match(fixAndRecheck(empty, ID), /"requestPath": "\/"/);
});

test('app-health-settings: ranges of intervalInSeconds, numberOfProbes and gracePeriod, clamped by the fix', () => {
  const text = ext('{ "protocol": "http", "requestPath": "/", "intervalInSeconds": 120 }');
  const [finding] = findingsOf(text, ID);
  assert.match(
    fullText(finding!),
    /intervalInSeconds is 120; the extension accepts a whole number from 5 to 60\.[^]*Without a value it is 5\./,
  );
  assert.match(fixAndRecheck(text, ID), /"intervalInSeconds": 60/);
  assert.match(fixAndRecheck(ext('{ "protocol": "http", "requestPath": "/", "numberOfProbes": 0 }'), ID), /"numberOfProbes": 1/);
  const grace = ext('{ "protocol": "http", "requestPath": "/", "gracePeriod": 20000 }');
  assert.match(fullText(findingsOf(grace, ID)[0]!), /from 0 to 14400\.[^]*The custom-metrics page says at most 7200/);
  assert.match(fixAndRecheck(grace, ID), /"gracePeriod": 14400/);
  assert.deepEqual(
    findingsOf(ext('{ "protocol": "http", "requestPath": "/", "gracePeriod": 9000 }'), ID),
    [],
    "between the two documented maxima: the extension's own page wins",
  );
  assert.equal(findingsOf(ext('{ "protocol": "http", "requestPath": "/", "numberOfProbes": "many" }'), ID)[0]!.fixes.length, 0);
});

test('app-health-settings: gracePeriod with Binary health states', () => {
  const text = ext('{ "protocol": "http", "requestPath": "/", "gracePeriod": 600 }', '1.0');
  const [finding] = findingsOf(text, ID);
  assert.equal(textAt(text, finding!), '"gracePeriod"');
  assert.match(fullText(finding!), /typeHandlerVersion "1.0" is Binary Health States, and gracePeriod needs Rich Health States/);
  assert.match(fixAndRecheck(text, ID), /"typeHandlerVersion": "2.0"/);
  assert.doesNotMatch(fixAndRecheck(text, ID, /Remove gracePeriod/), /gracePeriod/);
});

test('app-health-settings: unknown protocol and values are silent; an invalid protocol is reported', () => {
  assert.deepEqual(findingsOf(ext(`{ "protocol": ${UNKNOWN} }`), ID), []);
  assert.deepEqual(
    findingsOf(ext(`{ "protocol": "http", "requestPath": "/", "intervalInSeconds": ${UNKNOWN}, "port": ${UNKNOWN} }`), ID),
    [],
  );
  assert.deepEqual(findingsOf(ext(UNKNOWN), ID), []);
  const bad = ext('{ "protocol": "grpc", "port": 80 }');
  assert.match(fullText(findingsOf(bad, ID)[0]!), /protocol is "grpc"; the extension accepts only "http", "https" or "tcp"/);
  assert.match(fixAndRecheck(ext('{ "protocol": "grpc", "port": 80, "requestPath": "/" }'), ID), /"protocol": "http"/);
  assert.match(
    fullText(findingsOf(ext('{ "protocol": "tcp", "port": "http" }'), ID)[0]!),
    /port is "http", but it must be a TCP port number/,
  );
});
