import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../../server/src/core/rules';
import { SOURCES } from '../../../../server/src/core/catalog/sources';
import { internalIds } from '../../../helpers/internalIds';

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

// Pages a user reads must not cite the reference's internal ids (S4, §3.4, #23); docs/sources.md is the
// table that resolves them for contributors, and CONTRIBUTING.md explains them.
test('no rule page, docs page or the README names an internal source id', () => {
  const pages = [
    ...readdirSync(DOCS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(DOCS, f)),
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md') && f !== 'sources.md')
      .map((f) => join(ROOT, 'docs', f)),
    join(ROOT, 'README.md'),
  ];
  const bad = pages.flatMap((page) => internalIds(readFileSync(page, 'utf8')).map((id) => `${page.slice(ROOT.length + 1)}: ${id}`));
  assert.deepEqual(bad, []);
});

test("each rule page's Source section links to real pages", () => {
  for (const rule of RULES) {
    if (rule.scope === 'runner' || rule.id.startsWith('suppression-')) continue;
    const page = readFileSync(join(ROOT, rule.docs), 'utf8');
    const source = /## Source\n([^]*?)(?=\n## |$)/.exec(page)?.[1] ?? '';
    const links = [...source.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => m[1]!);
    if (rule.id === 'duplicate-property') continue; // RFC 8259 and ARM's own behaviour: nothing to link
    assert.ok(links.length > 0, `${rule.docs}: the Source section links to its sources`);
  }
});

test('docs/sources.md lists every source with the title and URL the product shows', () => {
  const page = readFileSync(join(ROOT, 'docs/sources.md'), 'utf8');
  for (const [id, source] of Object.entries(SOURCES)) {
    assert.ok(page.includes(`| ${id} | [${source.title}](${source.url}) |`), `docs/sources.md lists ${id}`);
  }
});

test("the README's rule table is the one scripts/gen-readme-rules.ts writes (with each rule's example message)", () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/gen-readme-rules.ts'), '--check'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
});
