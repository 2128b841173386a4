import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../../server/src/core/rules';

const ROOT = join(import.meta.dirname, '../../../..');
const DOCS = join(ROOT, 'docs/rules');

test('every rule in the table has its docs page', () => {
  const missing = RULES.filter((rule) => !existsSync(join(ROOT, rule.docs))).map((rule) => rule.docs);
  assert.deepEqual(missing, []);
});

test('every docs page belongs to a rule', () => {
  const ids = new Set(RULES.map((rule) => rule.id));
  const orphans = readdirSync(DOCS).filter((file) => file.endsWith('.md') && !ids.has(file.slice(0, -3)));
  assert.deepEqual(orphans, []);
});

test("each page has the standard sections and states the rule's default severity", () => {
  for (const rule of RULES) {
    const page = readFileSync(join(ROOT, rule.docs), 'utf8');
    assert.ok(page.startsWith(`# ${rule.id}\n`), `${rule.docs} starts with its id`);
    assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${rule.defaultSeverity} `), `${rule.docs} severity`);
    for (const section of ['## What it checks', '## Why it matters', '## Source', '## Example', '## Fix']) {
      assert.ok(page.includes(section), `${rule.docs} lacks "${section}"`);
    }
  }
});
