// Messages quote template text (a value, a name) clipped to a few dozen characters (rules/valueOrigin.ts:
// clip): a template's string can be a megabyte, and a message must stay one or two short sentences. The rule
// tests' corpus (the one that makes every rule speak) is run again with every literal string value made
// 2,000 characters longer; every message must still be at most 160 characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse, type ParseError } from 'jsonc-parser';
import { join } from 'node:path';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules, type RuleConfig } from '../../../../server/src/core/rules';
import { MESSAGE_MAX } from '../../../../server/src/core/rules/messageText';

interface Entry {
  readonly text: string;
  readonly config?: RuleConfig;
  readonly now?: string | number;
}

const CORPUS = join(import.meta.dirname, '../../../fixtures/rule-messages/templates.json');
const corpus = JSON.parse(readFileSync(CORPUS, 'utf8')) as Record<string, Entry>;
const PAD = 'x'.repeat(2000);
// What identifies a scale set and its API: lengthened, the rules would have no scale set to speak of.
const KEEP = new Set(['type', 'apiVersion', '$schema', 'contentVersion']);

function lengthen(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return value.startsWith('[') || (key !== undefined && KEEP.has(key)) ? value : value + PAD;
  if (Array.isArray(value)) return value.map((item) => lengthen(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, lengthen(v, k)]));
  return value;
}

test('every message stays within 160 characters when the template’s strings are 2,000 characters long', () => {
  const bad: string[] = [];
  let quoting = 0;
  for (const [key, entry] of Object.entries(corpus)) {
    const errors: ParseError[] = [];
    const parsed: unknown = parse(entry.text, errors, { allowTrailingComma: true });
    if (errors.length > 0) continue; // a template broken on purpose: its strings are not lengthened
    const text = JSON.stringify(lengthen(parsed), null, 2);
    const findings = runRules(analyzeTemplate(text), text, {
      ...(entry.config ? { config: entry.config } : {}),
      ...(entry.now === undefined ? {} : { now: entry.now }),
    });
    for (const f of findings) {
      if (f.message.includes('xxxx')) quoting++;
      if (f.message.length > MESSAGE_MAX) bad.push(`${key} ${f.ruleId} (${f.message.length}): ${f.message.slice(0, 200)}…`);
    }
  }
  assert.ok(quoting > 10, `messages quote the lengthened values (${quoting})`);
  assert.deepEqual(bad, []);
});
