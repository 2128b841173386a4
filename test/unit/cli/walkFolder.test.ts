// The folder walk of `lint FOLDER` (cli/walkFolder.ts) finds what the glob it replaced found: tinyglobby's
// `**/*.{json,jsonc,bicep}` without node_modules and .git, run here beside it on the same trees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { walkTemplateFiles } from '../../../server/src/cli/walkFolder';
import { runCli } from '../../helpers/runCli';

function tree(files: readonly string[], links: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-walk-'));
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '{}');
  }
  for (const [link, target] of Object.entries(links)) symlinkSync(target, join(dir, link));
  return dir;
}

const byGlob = (dir: string) =>
  globSync('**/*.{json,jsonc,bicep}', { cwd: dir, ignore: ['**/node_modules/**', '**/.git/**'], onlyFiles: true }).sort();

test('the same files as the glob: extensions matched by case, hidden files and folders, node_modules and .git skipped', () => {
  const dir = tree([
    'top.json',
    'a/t.json',
    'a/b/u.bicep',
    'a/b/v.jsonc',
    'a/b/deep/er/w.json',
    'a/main.parameters.json',
    'a/notes.txt',
    'a/X.JSON',
    'a/y.Bicep',
    'a/.hidden.json',
    '.hidden/h.json',
    'a/.git/g.json',
    'node_modules/n.json',
    'a/node_modules/x/n.json',
    'sp ace/[x] {y}.json',
    'a/json',
    'a/b.json.bak',
  ]);
  try {
    const walked = walkTemplateFiles(dir).sort();
    assert.deepEqual(walked, byGlob(dir));
    assert.ok(walked.includes('sp ace/[x] {y}.json') && walked.includes('a/b/deep/er/w.json'), walked.join());
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('links to files and folders are followed as the glob follows them; a broken link is skipped', () => {
  const dir = tree(['a/t.json', 'a/b/u.bicep', 'top.json', 'outside/o.json'], {
    linkdir: 'a',
    'linkfile.json': 'top.json',
    'broken.json': 'missing.json',
    brokendir: 'missing',
    'a/b/out': '../../outside',
  });
  try {
    const walked = walkTemplateFiles(dir).sort();
    assert.deepEqual(walked, byGlob(dir));
    assert.ok(walked.includes('linkdir/b/out/o.json'), walked.join());
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a link back to a folder the walk is inside of is not followed: every file once, and the walk ends', () => {
  const dir = tree(['a/t.json', 'a/b/u.json'], { 'a/b/up': '..', 'a/b/root': '../..', self: '.' });
  try {
    assert.deepEqual(walkTemplateFiles(dir).sort(), ['a/b/u.json', 'a/t.json']);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a folder that is missing gives nothing (lint reports the path before walking)', () => {
  assert.deepEqual(walkTemplateFiles(join(tmpdir(), 'vmss-walk-no-such-folder')), []);
});

test('lint FOLDER through the CLI: linked and nested templates, hidden folders skipped, parameters files found beside each', () => {
  // The upgrade mode comes from the parameters file: Manual with a rolling policy is a finding, Rolling is not.
  const template = (name: string) => `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "parameters": { "mode": { "type": "string", "defaultValue": "Rolling" } },
  "resources": [
    { "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "${name}", "sku": { "capacity": 10 },
      "properties": { "upgradePolicy": { "mode": "[parameters('mode')]", "rollingUpgradePolicy": { "maxBatchInstancePercent": 20 } } } }
  ]
}
`;
  const dir = mkdtempSync(join(tmpdir(), 'vmss-walk-cli-'));
  try {
    mkdirSync(join(dir, 'infra/nested'), { recursive: true });
    mkdirSync(join(dir, 'infra/.cache'), { recursive: true });
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'infra/a.json'), template('a'));
    writeFileSync(join(dir, 'infra/a.parameters.json'), '{ "parameters": { "mode": { "value": "Manual" } } }');
    writeFileSync(join(dir, 'infra/nested/b.json'), template('b'));
    writeFileSync(join(dir, 'infra/nested/azuredeploy.parameters.json'), '{ "parameters": { "mode": { "value": "Manual" } } }');
    writeFileSync(join(dir, 'infra/.cache/c.json'), template('c'));
    writeFileSync(join(dir, 'shared/s.json'), template('s'));
    symlinkSync('../shared', join(dir, 'infra/linked'));
    const r = runCli(['lint', 'infra', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { ruleId: string }[] }[] };
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['infra/a.json', 'infra/linked/s.json', 'infra/nested/b.json'],
    );
    // Each parameters file was found and read (Manual), and only beside its own template (s.json stays Rolling).
    const unused = report.files.map((f) => f.diagnostics.some((d) => d.ruleId === 'rolling-policy-unused'));
    assert.deepEqual(unused, [true, false, true]);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
