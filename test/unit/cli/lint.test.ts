// `vmss-upgrade lint` through the built CLI: paths, formats (text, JSON, SARIF), --fail-on, config files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../helpers/runCli';
import type { LintReport } from '../../../server/src/cli/lintReport';

/** A template whose only problems are a string-typed percent (info), a bad duration (warning) and a rolling policy Manual mode ignores (info). */
function template(pause = 'soon', percent = '"20"'): string {
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "web",
      "sku": { "capacity": 10 },
      "properties": {
        "upgradePolicy": {
          "mode": "Manual",
          "rollingUpgradePolicy": { "maxBatchInstancePercent": ${percent}, "pauseTimeBetweenBatches": "${pause}" }
        }
      }
    }
  ]
}
`;
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vmss-lint-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

test('text output is grouped by file, one aligned line per finding (line:col, severity, message, rule id), then a summary', () => {
  const dir = workspace({ 'azuredeploy.json': template() });
  const r = runCli(['lint', 'azuredeploy.json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[1], 'azuredeploy.json', 'the file heads its group');
  const rows = lines.filter((l) => /^ +\d+:\d+ /.test(l));
  assert.equal(rows.length, 3, r.stdout);
  assert.ok(
    rows.some((l) => /^ +12:\d+ {2}info {5}maxBatchInstancePercent is the string "20"; .* value-as-string$/.test(l)),
    r.stdout,
  );
  assert.ok(
    rows.some((l) => /^ +12:\d+ {2}warning {2}pauseTimeBetweenBatches "soon" is not an ISO 8601 duration .* invalid-duration$/.test(l)),
    r.stdout,
  );
  // Aligned: every rule id starts in the same column, and no colour when stdout is not a terminal.
  const ruleColumn = rows.map((l) => l.search(/ [a-z-]+$/));
  assert.equal(new Set(ruleColumn).size, 1, r.stdout);
  assert.ok(!r.stdout.includes('\u001b['), 'no colour codes');
  assert.match(r.stdout, /^✖ 3 problems \(1 warning, 2 info\) in 1 file checked$/m);
});

test('--fail-on decides the exit code', () => {
  const dir = workspace({ 't.json': template('soon') });
  assert.equal(runCli(['lint', 't.json'], { cwd: dir }).code, 0, 'only a warning: clean at the default level');
  assert.equal(runCli(['lint', 't.json', '--fail-on', 'warning'], { cwd: dir }).code, 1);
  const infoOnly = workspace({ 't.json': template('PT5M', '20') });
  const info = runCli(['lint', 't.json', '--fail-on', 'info'], { cwd: infoOnly });
  assert.match(info.stdout, / info +.* rolling-policy-unused$/m);
  assert.equal(info.code, 1, 'an info fails at --fail-on info');
  assert.equal(runCli(['lint', 't.json', '--fail-on', 'warning'], { cwd: infoOnly }).code, 0);
  const clean = workspace({
    't.json': template().replace(/"rollingUpgradePolicy": \{[^}]*\}/, '"automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": false }'),
  });
  const r = runCli(['lint', 't.json', '--fail-on', 'info'], { cwd: clean });
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /^1 file checked: no problems$/m);
});

test('JSON output follows the documented shape, with 0-based LSP ranges', () => {
  const dir = workspace({ 't.json': template() });
  const r = runCli(['lint', 't.json', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout) as LintReport;
  assert.equal(report.version, 1);
  const file = report.files[0]!;
  assert.equal(file.path, 't.json');
  assert.deepEqual(file.parseErrors, []);
  const duration = file.diagnostics.find((d) => d.ruleId === 'invalid-duration')!;
  assert.equal(duration.severity, 'warning');
  assert.ok(duration.message.length <= 160);
  assert.match(duration.explanation, /^It is not a duration: [^]*Rule documentation: https:\/\/\S+\/invalid-duration\.md$/);
  assert.equal(duration.details?.explanation.startsWith('It is not a duration'), true);
  assert.ok(duration.details!.sources.every((s) => /^https:\/\//.test(s.url) && s.title.length > 0));
  assert.equal(duration.scaleSet, 'web');
  assert.equal(duration.range.start.line, 11);
  assert.ok(duration.fixes.length > 0, 'the duration fix is listed');
});

test('folders are searched recursively for templates; parameters files and other JSON are skipped', () => {
  const dir = workspace({
    'infra/a.json': template(),
    'infra/nested/b.jsonc': template('PT1M'),
    'infra/a.parameters.json': '{ "parameters": { "x": { "value": 1 } } }',
    'infra/package.json': '{ "name": "x", "version": "1.0.0" }',
    'infra/node_modules/c.json': template(),
  });
  const report = JSON.parse(runCli(['lint', 'infra', '--format', 'json'], { cwd: dir }).stdout) as LintReport;
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['infra/a.json', 'infra/nested/b.jsonc'],
  );
});

test('globs expand, and a glob matching nothing is a usage error', () => {
  const dir = workspace({ 'x/one.json': template(), 'y/two.json': template() });
  const report = JSON.parse(runCli(['lint', '*/*.json', '--format', 'json'], { cwd: dir }).stdout) as LintReport;
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['x/one.json', 'y/two.json'],
  );
  const none = runCli(['lint', 'z/**/*.json'], { cwd: dir });
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no files match z\/\*\*\/\*\.json/);
});

test('the nearest .vmss-upgrade.json sets severities; bad entries are reported, not fatal', () => {
  const dir = workspace({
    '.vmss-upgrade.json': '{ "rules": { "invalid-duration": "error", "value-as-string": "off", "no-such-rule": "error" } }',
    'infra/t.json': template(),
  });
  const r = runCli(['lint', 'infra/t.json', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 1, 'the warning was turned into an error');
  const file = (JSON.parse(r.stdout) as LintReport).files[0]!;
  const shown = file.diagnostics.map((d) => `${d.ruleId}:${d.severity}`);
  assert.ok(shown.includes('invalid-duration:error'), shown.join());
  assert.ok(!shown.some((d) => d.startsWith('value-as-string')), 'turned off');
  assert.match(file.config ?? '', /\.vmss-upgrade\.json$/);
  assert.ok(file.configProblems.some((p) => /no-such-rule/.test(p.message)));
});

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { rules: { id: string; helpUri: string; shortDescription: { text: string }; properties: Record<string, unknown> }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string; markdown: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

test('SARIF 2.1.0: the rule table with help links and security-severity, results with locations', () => {
  const dir = workspace({ 'infra/t.json': template() });
  const r = runCli(['lint', 'infra', '--format', 'sarif', '--fail-on', 'warning'], { cwd: dir });
  assert.equal(r.code, 1);
  const sarif = JSON.parse(r.stdout) as SarifLog;
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0]!;
  const rules = run.tool.driver.rules;
  assert.ok(rules.length >= 10);
  for (const rule of rules) {
    assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
    assert.ok(rule.shortDescription.text.length > 0);
    assert.match(String(rule.properties['security-severity']), /^\d+\.\d$/);
  }
  const result = run.results.find((x) => x.ruleId === 'invalid-duration')!;
  assert.equal(result.level, 'warning');
  // message.text is the short message; message.markdown the finding in full, with its links.
  assert.match(
    result.message.text,
    /^pauseTimeBetweenBatches "soon" is not an ISO 8601 duration such as "PT5M", so Azure cannot read the pause\.$/,
  );
  assert.match(
    result.message.markdown,
    /^\*\*Warning\*\* · invalid\\-duration: [^]*It is not a duration[^]*\[Rule documentation\\: invalid\\-duration\]\(https:\/\/\S+\/invalid-duration\.md\)$/,
  );
  assert.equal(rules[result.ruleIndex]!.id, 'invalid-duration');
  assert.equal(result.locations[0]!.physicalLocation.artifactLocation.uri, 'infra/t.json');
  assert.equal(result.locations[0]!.physicalLocation.region.startLine, 12);
});

test('SARIF fingerprints survive unrelated edits above the finding', () => {
  const before = workspace({ 't.json': template() });
  const after = workspace({
    't.json': template().replace(
      '"resources": [',
      '"resources": [\n    { "type": "Microsoft.Network/loadBalancers", "name": "lb", "properties": {} },\n',
    ),
  });
  const fp = (dir: string) => {
    const run = (JSON.parse(runCli(['lint', 't.json', '--format', 'sarif'], { cwd: dir }).stdout) as SarifLog).runs[0]!;
    const result = run.results.find((x) => x.ruleId === 'invalid-duration')!;
    return { fingerprint: result.partialFingerprints['vmssUpgrade/v1'], line: result.locations[0]!.physicalLocation.region.startLine };
  };
  const a = fp(before);
  const b = fp(after);
  assert.notEqual(a.line, b.line, 'the finding moved');
  assert.equal(a.fingerprint?.length, 32);
  assert.equal(a.fingerprint, b.fingerprint, 'same rule, scale set and property: same fingerprint');
  const changed = workspace({ 't.json': template().replace('"name": "web"', '"name": "api"') });
  assert.notEqual(fp(changed).fingerprint, a.fingerprint, 'another scale set: another fingerprint');
});

test('parse errors make lint fail and are reported as parse-error', () => {
  const dir = workspace({ 't.json': '{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets" "name": "x" } ] }' });
  const r = runCli(['lint', 't.json'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^t\.json\n +1:\d+ {2}error {2}Comma expected\. +parse-error$/m);
});

test('usage and I/O errors exit 2', () => {
  assert.equal(runCli(['lint']).code, 2);
  assert.equal(runCli(['lint', 'nope/']).code, 2);
  assert.equal(runCli(['lint', 'examples', '--format', 'html']).code, 2);
});

test('SARIF fingerprints of Bicep findings survive lines added above them', () => {
  const bicep = (extra: string) => `${extra}resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'web'
  location: 'westeurope'
  sku: { capacity: 10 }
  properties: {
    upgradePolicy: {
      mode: 'Manual'
      rollingUpgradePolicy: {
        pauseTimeBetweenBatches: 'soon'
      }
    }
  }
}
`;
  const fp = (text: string) => {
    const dir = workspace({ 'main.bicep': text });
    const run = (JSON.parse(runCli(['lint', 'main.bicep', '--format', 'sarif'], { cwd: dir }).stdout) as SarifLog).runs[0]!;
    return run.results.find((x) => x.ruleId === 'invalid-duration')!.partialFingerprints['vmssUpgrade/v1'];
  };
  const a = fp(bicep(''));
  assert.equal(a?.length, 32);
  assert.equal(fp(bicep("param location string = 'westeurope'\n\n// a comment\n")), a);
});
