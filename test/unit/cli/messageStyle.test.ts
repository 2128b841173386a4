// The message style on the bundled examples and the real templates, through the built CLI as a user runs it:
// every message is one or two sentences of at most 160 characters, and no text a user sees (messages,
// explanations, related information, fix titles, the text output, SARIF) names an internal source id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../helpers/runCli';
import { internalIds } from '../../helpers/internalIds';
import type { LintReport } from '../../../server/src/cli/lintReport';

const MESSAGE_MAX = 160;
const CORPUS = ['examples', 'test/fixtures/real-templates'];

function lintJson(): LintReport {
  const r = runCli(['lint', '--format', 'json', ...CORPUS]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as LintReport;
}

test('every message on the examples and real templates is at most 160 characters, with details of its own', () => {
  const report = lintJson();
  const diagnostics = report.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, path: f.path })));
  assert.ok(diagnostics.length >= 30, `expected the corpus to have findings, got ${diagnostics.length}`);
  const long = diagnostics.filter((d) => d.message.length > MESSAGE_MAX);
  assert.deepEqual(
    long.map((d) => `${d.path} ${d.ruleId} (${d.message.length}): ${d.message}`),
    [],
  );
  for (const d of diagnostics) {
    assert.ok(d.details !== null, `${d.ruleId} gives details`);
    assert.ok(d.explanation.startsWith(d.details.explanation), d.ruleId);
    assert.match(d.explanation, new RegExp(`Rule documentation: \\S+/${d.ruleId}\\.md$`));
  }
});

test('no text a user sees in JSON, text or SARIF output names an internal source id', () => {
  const report = lintJson();
  const bad: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const texts = [d.message, d.explanation, ...d.related.map((r) => r.message), ...d.fixes];
      for (const text of texts) bad.push(...internalIds(text).map((id) => `${file.path} ${d.ruleId}: ${id}`));
    }
  }
  const text = runCli(['lint', '--verbose', ...CORPUS]).stdout;
  for (const line of text.split('\n')) bad.push(...internalIds(line));
  const sarif = JSON.parse(runCli(['lint', '--format', 'sarif', ...CORPUS]).stdout) as {
    runs: { tool: { driver: { rules: object[] } }; results: { ruleId: string }[] }[];
  };
  const run = sarif.runs[0]!;
  bad.push(...internalIds(JSON.stringify(run.tool.driver.rules)));
  for (const result of run.results) bad.push(...internalIds(JSON.stringify(result)).map((id) => `${result.ruleId}: ${id}`));
  assert.deepEqual(bad, []);
});

test('the id detector finds bare ids and leaves GitHub references alone', () => {
  assert.equal(internalIds('as the docs say (S4)').length, 1);
  assert.equal(internalIds('reference §3.4').length, 1);
  assert.equal(internalIds('see #23').length, 1);
  assert.equal(internalIds('S1, S7 and S15').length, 3);
  const found = internalIds('MicrosoftDocs/azure-docs#122644, PT5S, Standard_S4, "S4" is quoted, XS4 is not an id');
  assert.deepEqual(
    found.map((f) => f.split(' ')[0]),
    ['S4'],
  );
});
