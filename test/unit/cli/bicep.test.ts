// The built CLI on Bicep: scan, lint and simulate take .bicep files; parameters come from the
// .bicepparam beside the template or --parameters (Bicep or JSON); modules are read beside it.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, ROOT } from '../../helpers/runCli';
import type { ScanReport } from '../../../server/src/cli/scanReport';

const dir = mkdtempSync(join(tmpdir(), 'vmss-bicep-cli-'));
const FIXTURE = readFileSync(join(ROOT, 'test/fixtures/bicep/rolling-lb-probe.bicep'), 'utf8');
writeFileSync(join(dir, 'main.bicep'), FIXTURE);
writeFileSync(join(dir, 'main.bicepparam'), "using './main.bicep'\nparam instanceCount = 12\n");
writeFileSync(join(dir, 'other.parameters.json'), '{ "parameters": { "instanceCount": { "value": 7 } } }');
mkdirSync(join(dir, 'modules'));
writeFileSync(
  join(dir, 'modules', 'vmss.bicep'),
  "param n int\nresource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {\n  name: 'inner'\n  sku: {\n    capacity: n\n  }\n  properties: {\n    upgradePolicy: {\n      mode: 'manual'\n    }\n  }\n}\n",
);
writeFileSync(join(dir, 'uses-module.bicep'), "module m './modules/vmss.bicep' = {\n  name: 'm'\n  params: {\n    n: 5\n  }\n}\n");

after(() => rmSync(dir, { recursive: true, force: true }));

const scan = (...args: string[]) => {
  const r = runCli(['scan', ...args, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as ScanReport;
};

test('scan reads a .bicep file with the .bicepparam beside it', () => {
  const report = scan(join(dir, 'main.bicep'));
  assert.equal(report.kind, 'template');
  assert.equal(report.parametersFile, join(dir, 'main.bicepparam'));
  assert.equal(report.scaleSets.length, 1);
  assert.equal(report.scaleSets[0]!.capacity.value, 12);
});

test('--parameters takes a JSON parameters file for a Bicep template too', () => {
  const report = scan(join(dir, 'main.bicep'), '--parameters', join(dir, 'other.parameters.json'));
  assert.equal(report.scaleSets[0]!.capacity.value, 7);
});

test('modules are read relative to the template', () => {
  const report = scan(join(dir, 'uses-module.bicep'));
  assert.deepEqual(
    report.scaleSets.map((s) => [s.name, s.capacity.value]),
    [['m/inner', 5]],
  );
});

test('lint finds .bicep files in folders and reports on Bicep lines', () => {
  const r = runCli(['lint', dir, '--format', 'json']);
  const report = JSON.parse(r.stdout) as {
    files: { path: string; diagnostics: { ruleId: string; range: { start: { line: number } } }[] }[];
  };
  const paths = report.files.map((f) => f.path.replace(/\\/g, '/').split('/').pop());
  assert.ok(paths.includes('main.bicep') && paths.includes('uses-module.bicep'), JSON.stringify(paths));
  assert.ok(!paths.includes('main.bicepparam'));
  const moduleFile = report.files.find((f) => f.path.endsWith('uses-module.bicep'))!;
  const casing = moduleFile.diagnostics.find((f) => f.ruleId === 'property-name-casing');
  assert.equal(casing?.range.start.line, 0, 'a finding inside a module shows on the module line');
});

test('simulate runs a Bicep scale set', () => {
  const r = runCli(['simulate', join(dir, 'main.bicep'), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /"batches"/);
});
