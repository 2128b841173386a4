// Pins every rule's message on the rule tests' own templates (test/fixtures/rule-messages/templates.json,
// gathered from them by scripts/collect-rule-templates.ts): one line per finding in messages.snapshot.txt.
// A changed message fails here until the snapshot is rewritten (UPDATE_SNAPSHOTS=1) and the diff reviewed.
// The same corpus holds every rule's messages to 160 characters and every text to no internal source id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { explainFinding, RULES, runRules, type Finding, type RuleConfig } from '../../../../server/src/core/rules';
import { MESSAGE_MAX } from '../../../../server/src/core/rules/messageText';
import { internalIds } from '../../../helpers/internalIds';

interface Entry {
  readonly text: string;
  readonly config?: RuleConfig;
  readonly parametersText?: string;
  readonly now?: string | number;
}

const CORPUS = join(import.meta.dirname, '../../../fixtures/rule-messages/templates.json');
const SNAPSHOT = join(import.meta.dirname, 'messages.snapshot.txt');
// Reported by the runner only when a rule throws (runner.test.ts makes one throw).
const RUNNER_ONLY = new Set(['internal-rule-error']);

const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as Record<string, Entry>;

function findingsOf(entry: Entry): Finding[] {
  const model = analyzeTemplate(entry.text, entry.parametersText === undefined ? {} : { parametersText: entry.parametersText });
  return runRules(model, entry.text, {
    ...(entry.config ? { config: entry.config } : {}),
    ...(entry.now === undefined ? {} : { now: entry.now }),
  });
}

const all = Object.entries(corpus).map(([key, entry]) => ({ key, findings: findingsOf(entry) }));

test("every rule's messages on its test templates match the snapshot", () => {
  const lines = all.flatMap(({ key, findings }) => findings.map((f) => `${key} ${f.ruleId} ${f.severity}: ${f.message}`));
  const actual = lines.join('\n') + '\n';
  if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, actual);
  assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'), 'messages changed: rerun with UPDATE_SNAPSHOTS=1 and review the diff');
});

test('the corpus makes every rule speak', () => {
  const seen = new Set(all.flatMap(({ findings }) => findings.map((f) => f.ruleId)));
  const silent = RULES.map((r) => r.id).filter((id) => !seen.has(id) && !RUNNER_ONLY.has(id));
  assert.deepEqual(silent, []);
});

test('every message is one or two sentences of at most 160 characters', () => {
  const bad = all.flatMap(({ key, findings }) =>
    findings
      .filter((f) => f.message.length > MESSAGE_MAX || (f.message.match(/[.?!](\s|$)/g) ?? []).length > 2)
      .map((f) => `${key} ${f.ruleId} (${f.message.length}): ${f.message}`),
  );
  assert.deepEqual(bad, []);
});

test('no message, explanation, related information or fix title names an internal source id', () => {
  const bad = all.flatMap(({ key, findings }) =>
    findings.flatMap((f) =>
      [f.message, explainFinding(f), ...f.related.map((r) => r.message), ...f.fixes.map((x) => x.title)].flatMap((text) =>
        internalIds(text).map((id) => `${key} ${f.ruleId}: ${id}`),
      ),
    ),
  );
  assert.deepEqual(bad, []);
});
