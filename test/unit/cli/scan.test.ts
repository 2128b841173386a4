// `vmss-upgrade scan` through the built CLI: output formats, parameters files, exit codes and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/runCli';
import type { ScanReport } from '../../../server/src/cli/scanReport';

test('text output lists each scale set with resolved values and their sources', () => {
  const r = runCli(['scan', 'examples/rolling-zones.json']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /1 scale set, parameters from examples\/rolling-zones\.parameters\.json/);
  assert.match(r.stdout, /web-vmss {2}\(resources\[0\], line 15\)/);
  assert.match(r.stdout, /capacity +10 {2}\(parameters file \[parameters\('instanceCount'\)\]\)/);
  assert.match(r.stdout, /mode +Rolling/);
  assert.match(r.stdout, /zones +1, 2, 3/);
});

test('text output shows an empty list as [] rather than nothing (a real Bicep template: param zones array = [])', () => {
  const r = runCli(['scan', 'test/fixtures/real-templates/vmss-flex-n-tier-vmssflex.bicep']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ {4}zones {12}\[\] {2}\(parameter default zones\)$/m);
});

test('JSON output follows the documented shape', () => {
  const r = runCli(['scan', 'test/fixtures/real-templates/sf-10vm-2nt-win-stateless.json', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as ScanReport;
  assert.equal(report.version, 1);
  assert.equal(report.kind, 'template');
  assert.deepEqual(report.parseErrors, []);
  assert.deepEqual(
    report.scaleSets.map((s) => s.name),
    ['nt1vm', 'nt2vm'],
  );
  const nt2 = report.scaleSets[1]!;
  assert.equal(nt2.path, 'resources[10]');
  assert.deepEqual(nt2.capacity.value, 5);
  assert.equal(nt2.capacity.source, 'parametersFile');
  assert.equal(nt2.capacity.expression, "[parameters('nt1InstanceCount')]");
  assert.deepEqual(nt2.mode.value, 'Rolling');
  assert.equal(nt2.orchestrationMode.source, 'absent');
  assert.deepEqual(
    nt2.extensions.map((e) => e.type.value),
    ['ServiceFabricNode', 'ApplicationHealthWindows', 'IaaSDiagnostics', 'IaaSAntimalware'],
  );
  assert.equal(nt2.range.start.line, 1075);
});

test('--parameters overrides the file found beside the template', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-scan-'));
  const params = join(dir, 'p.json');
  writeFileSync(params, JSON.stringify({ parameters: { instanceCount: { value: 42 } } }));
  const r = runCli(['scan', 'examples/rolling-zones.json', '--parameters', params, '--format=json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as ScanReport;
  assert.equal(report.parametersFile, params);
  assert.equal(report.scaleSets[0]!.capacity.value, 42);
});

test('broken JSON still scans, with parse errors reported and exit 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-scan-'));
  const file = join(dir, 't.json');
  writeFileSync(
    file,
    '{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "a" "properties": { "upgradePolicy": { "mode": "Rolling" } } } ] ',
  );
  const r = runCli(['scan', file, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout) as ScanReport;
  assert.ok(report.parseErrors.length >= 1);
  assert.equal(report.scaleSets[0]!.mode.value, 'Rolling');
  const text = runCli(['scan', file]);
  assert.match(text.stdout, /t\.json:1:\d+ parse error: Comma expected\./);
});

test('usage and I/O errors exit 2 with one line on stderr and no stack trace', () => {
  for (const args of [
    ['scan'],
    ['scan', 'missing.json'],
    ['scan', 'examples/rolling-zones.json', '--format', 'xml'],
    ['scan', 'examples/rolling-zones.json', '--nope'],
    ['frobnicate'],
  ]) {
    const r = runCli(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.stderr.length > 0, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
  assert.match(runCli(['scan', 'missing.json']).stderr, /^vmss-upgrade scan: cannot read missing\.json: no such file\n$/);
});

test('--help and --version', () => {
  assert.match(runCli(['--help']).stdout, /scan +list the scale sets/);
  assert.match(runCli(['scan', '--help']).stdout, /^Usage: vmss-upgrade scan FILE/);
  assert.match(runCli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
});
