import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';
import { DOCS, SOURCES } from '../../server/src/core/catalog';
import { ruleDocsUrl, ruleDocsUrlAt } from '../../server/src/core/rules/docsUrl';
import { RULE_IDS } from '../../server/src/core/rules/registry';
import { LspClient, ROOT } from '../helpers/lspClient';
import { liveMarkup, liveMarkupParsed, type LiveMarkup } from '../helpers/liveMarkup';

/**
 * Templates whose values, expressions, parameter names and defaults, resource names and property names
 * carry raw HTML, `command:` links, remote images, `$(icon)` syntax and backticks (the reproducers of
 * issue 17, kept byte for byte): every hover at every character, the completion documentation there,
 * and the CodeLens and inlay-hint texts of the real server over stdio must render none of it live.
 */
const FIXTURES = [
  { file: 'R3-xss-hover.json', languageId: 'json' },
  { file: 'xss-template.json', languageId: 'json' },
  { file: 'xss-template.bicep', languageId: 'bicep' },
].map((f) => ({
  ...f,
  uri: `file:///tmp/vmss-markup/${f.file}`,
  text: readFileSync(join(ROOT, 'test/fixtures/robustness', f.file), 'utf8'),
}));

/** The only links our markdown may carry: the Azure pages of the catalog, the sources findings cite, and our rule pages (published, and the copies the server ships). */
const SHIPPED_DOCS = `${pathToFileURL(join(ROOT, 'docs/rules')).toString()}/`;
const OURS: ReadonlySet<string> = new Set([
  ...Object.values(DOCS),
  ...Object.values(SOURCES).map((s) => s.url),
  ...[...RULE_IDS].map(ruleDocsUrl),
  ...[...RULE_IDS].map((id) => ruleDocsUrlAt(SHIPPED_DOCS, id)),
]);

type Markup = { kind: string; value: string } | string | { language: string; value: string };
interface Hover {
  contents: Markup | Markup[];
}

let client: LspClient;

before(async () => {
  client = new LspClient({ pull: true, settings: { whatIf: { capacity: 10, failureRate: 0.02 } } });
  await client.initialize();
  for (const f of FIXTURES) await client.open(f.uri, f.text, 1, f.languageId);
});

after(async () => {
  assert.equal(await client.shutdown(), 0);
  client.kill();
});

/** The request at every character offset of a fixture (end of text included), sent in pipelined batches. */
async function atEveryOffset<R>(f: (typeof FIXTURES)[number], method: string): Promise<{ offset: number; result: R }[]> {
  const doc = TextDocument.create(f.uri, f.languageId, 1, f.text);
  const out: { offset: number; result: R }[] = [];
  for (let start = 0; start <= f.text.length; start += 200) {
    const offsets = Array.from({ length: Math.min(200, f.text.length + 1 - start) }, (_, i) => start + i);
    const results = await Promise.all(
      offsets.map((offset) => client.request<R>(method, { textDocument: { uri: f.uri }, position: doc.positionAt(offset) })),
    );
    results.forEach((result, i) => out.push({ offset: offsets[i]!, result }));
  }
  return out;
}

function markdownOf(contents: Markup | Markup[]): string[] {
  return (Array.isArray(contents) ? contents : [contents]).map((c) => {
    if (typeof c === 'string') return c;
    if ('kind' in c) {
      assert.equal(c.kind, 'markdown', 'hovers are MarkupContent markdown');
      return c.value;
    }
    return c.value;
  });
}

/** Live markup by both checks (our CommonMark code-span reading, and markdown-it's), deduplicated. */
function live(markdown: string): LiveMarkup[] {
  const seen = new Set<string>();
  return [...liveMarkup(markdown, OURS), ...liveMarkupParsed(markdown, OURS)].filter(
    (m) => !seen.has(`${m.kind}:${m.text}`) && seen.add(`${m.kind}:${m.text}`),
  );
}

/** "n of m distinct texts" with what is live in each, for the failure message. */
function report(texts: ReadonlyMap<string, string>): { affected: number; message: string } {
  const bad = [...texts].map(([text, where]) => ({ text, where, found: live(text) })).filter((b) => b.found.length > 0);
  return {
    affected: bad.length,
    message: `${bad.length} of ${texts.size} distinct texts have live markup:\n${bad.map((b) => `- ${b.where}: ${JSON.stringify(b.text)}\n  ${b.found.map((m) => `${m.kind} ${JSON.stringify(m.text.slice(0, 60))}`).join('; ')}`).join('\n')}`,
  };
}

test('every hover of the payload templates, at every character: no template text renders as live markup', async () => {
  const hovers = new Map<string, string>();
  for (const f of FIXTURES) {
    for (const { offset, result } of await atEveryOffset<Hover | null>(f, 'textDocument/hover')) {
      if (!result) continue;
      for (const text of markdownOf(result.contents)) if (!hovers.has(text)) hovers.set(text, `${f.file}@${offset}`);
    }
  }
  // The payloads reach every kind of hover that quotes the template, so the check has something to find.
  const all = [...hovers.keys()].join('\n');
  for (const kind of ['Effective value:', 'is not an ISO 8601 duration', 'Capacity unknown', 'instances**', '% ='])
    assert.ok(all.includes(kind), `a hover with "${kind}"`);
  assert.ok(hovers.size >= 40, `${hovers.size} distinct hovers`);
  const { affected, message } = report(hovers);
  assert.equal(affected, 0, message);
});

test('completion documentation at every character of the payload templates has no live markup', async () => {
  const docs = new Map<string, string>();
  for (const f of FIXTURES) {
    for (const { offset, result } of await atEveryOffset<{ items: { label: string; documentation?: Markup }[] } | null>(
      f,
      'textDocument/completion',
    )) {
      for (const item of result?.items ?? []) {
        if (item.documentation === undefined) continue;
        for (const text of markdownOf(item.documentation)) if (!docs.has(text)) docs.set(text, `${f.file}@${offset} ${item.label}`);
      }
    }
  }
  assert.ok(docs.size > 0, 'completion offered documented items');
  const { affected, message } = report(docs);
  assert.equal(affected, 0, message);
});

/** VS Code renders `$(name)` in CodeLens titles as an icon; `\$(name)` stays text. */
const LIVE_ICON = /(?<!\\)\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;

test('CodeLens titles and inlay hints of the payload templates: plain text without icon syntax, markdown without live markup', async () => {
  let lenses = 0;
  let hints = 0;
  for (const f of FIXTURES) {
    const found = await client.request<{ range: unknown; command?: { title: string; tooltip?: string }; data?: unknown }[]>(
      'textDocument/codeLens',
      { textDocument: { uri: f.uri } },
    );
    for (const lens of found) {
      const resolved = lens.command ? lens : await client.request<typeof lens>('codeLens/resolve', lens);
      lenses++;
      assert.doesNotMatch(resolved.command!.title, LIVE_ICON, `${f.file}: ${resolved.command!.title}`);
      if (resolved.command!.tooltip !== undefined) assert.doesNotMatch(resolved.command!.tooltip, LIVE_ICON);
    }
    const doc = TextDocument.create(f.uri, f.languageId, 1, f.text);
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(f.text.length) };
    for (const hint of await client.request<{ label: string | { value: string; tooltip?: Markup }[]; tooltip?: Markup }[]>(
      'textDocument/inlayHint',
      { textDocument: { uri: f.uri }, range },
    )) {
      hints++;
      const tooltips = [hint.tooltip, ...(typeof hint.label === 'string' ? [] : hint.label.map((p) => p.tooltip))].filter(
        (t) => t !== undefined,
      );
      for (const tooltip of tooltips) {
        // A string tooltip is plain text to VS Code; a MarkupContent one is markdown.
        if (typeof tooltip !== 'string') for (const text of markdownOf(tooltip)) assert.deepEqual(live(text), [], `${f.file}: ${text}`);
      }
    }
  }
  assert.ok(lenses >= 5 && hints > 0, `${lenses} lenses, ${hints} hints`);
});
