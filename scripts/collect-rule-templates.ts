// Gathers the templates the rule tests lint into the message snapshot's corpus, keeping one template for
// each distinct set of findings (silent templates add nothing to a snapshot of messages):
//   RECORD_RULE_TEMPLATES=/tmp/rule-templates node scripts/run-tests.mjs test/unit/core/rules
//   node --import tsx scripts/collect-rule-templates.ts /tmp/rule-templates
//   UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs test/unit/core/rules/messages.snapshot.test.ts   (review the diff)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTemplate } from '../server/src/core/arm/analyzeTemplate';
import { runRules, type RuleConfig } from '../server/src/core/rules';

interface Entry {
  readonly text: string;
  readonly config?: RuleConfig;
  readonly parametersText?: string;
  readonly now?: string | number;
}

const from = process.argv[2];
if (!from) {
  console.error('usage: node --import tsx scripts/collect-rule-templates.ts FOLDER');
  process.exit(2);
}
const OUT = join(__dirname, '..', 'test', 'fixtures', 'rule-messages', 'templates.json');
const kept = new Map<string, Entry>();
const signatures = new Set<string>();
for (const file of readdirSync(from)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const entry = JSON.parse(readFileSync(join(from, file), 'utf8')) as Entry;
  const model = analyzeTemplate(entry.text, entry.parametersText === undefined ? {} : { parametersText: entry.parametersText });
  const findings = runRules(model, entry.text, {
    ...(entry.config ? { config: entry.config } : {}),
    ...(entry.now === undefined ? {} : { now: entry.now }),
  });
  if (findings.length === 0) continue;
  const signature = findings.map((f) => `${f.ruleId} ${f.severity} ${f.message}`).join('\n');
  if (signatures.has(signature)) continue;
  signatures.add(signature);
  kept.set(file.slice(0, -5), entry);
}
const lines = [...kept].map(([key, entry]) => `  ${JSON.stringify(key)}: ${JSON.stringify(entry)}`);
writeFileSync(OUT, `{\n${lines.join(',\n')}\n}\n`);
console.log(`${kept.size} templates → ${OUT}`);
