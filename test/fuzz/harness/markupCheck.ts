import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCS, SOURCES } from '../../../server/src/core/catalog';
import { ruleDocsUrl } from '../../../server/src/core/rules/docsUrl';
import { RULE_IDS } from '../../../server/src/core/rules/registry';
import { liveMarkup, liveMarkupParsed } from '../../helpers/liveMarkup';
import { ROOT } from '../../helpers/lspClient';

/**
 * Markdown the server sends (hovers, completion documentation, hint tooltips) and plain labels VS Code
 * renders with icons (CodeLens titles): template text in them must never be live, by both of the
 * markup-safety test's readings (CommonMark code spans, and markdown-it's tokens).
 */
const RULE_PAGES = join(ROOT, 'docs', 'rules');
const ALLOWED: ReadonlySet<string> = new Set([
  ...Object.values(DOCS),
  // The sources a finding's hover cites.
  ...Object.values(SOURCES).map((s) => s.url),
  ...[...RULE_IDS].flatMap((id) => [ruleDocsUrl(id), `${pathToFileURL(RULE_PAGES).toString()}/${id}.md`]),
]);

/** VS Code renders `$(name)` in CodeLens titles as an icon; `\$(name)` stays text. */
const LIVE_ICON = /(?<!\\)\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/;

type Markup = string | { kind?: string; language?: string; value: string };

/**
 * Past this many characters a piece of markdown is a problem in itself (the editor renders all of it), and it
 * is not parsed for live markup: the markdown readers take minutes on a megabyte (a hover that quoted a 1 MB
 * value once stalled a campaign here instead of failing).
 */
export const MARKDOWN_MAX = 50_000;

function markdownOf(contents: Markup | Markup[] | undefined): string[] {
  if (contents === undefined || contents === null) return [];
  return (Array.isArray(contents) ? contents : [contents]).flatMap((c) => {
    if (typeof c === 'string') return [c];
    if (c.kind === 'plaintext' || c.language !== undefined) return [];
    return typeof c.value === 'string' ? [c.value] : [];
  });
}

function liveIn(markdown: string): string[] {
  const seen = new Set<string>();
  return [...liveMarkup(markdown, ALLOWED), ...liveMarkupParsed(markdown, ALLOWED)]
    .map((m) => `${m.kind} ${JSON.stringify(m.text.slice(0, 60))}`)
    .filter((m) => !seen.has(m) && Boolean(seen.add(m)));
}

/** Live markup in an answer of `method`, one line per finding. */
export function markupProblems(method: string, answer: unknown): string[] {
  const texts: string[] = [];
  const icons: string[] = [];
  const a = answer as Record<string, unknown> | null;
  if (!a) return [];
  if (method === 'textDocument/hover') texts.push(...markdownOf(a.contents as Markup));
  if (method === 'textDocument/completion' || method === 'completionItem/resolve') {
    const items = (Array.isArray(a) ? a : method === 'completionItem/resolve' ? [a] : ((a.items as unknown[]) ?? [])) as {
      documentation?: Markup;
    }[];
    for (const item of items) texts.push(...markdownOf(item.documentation));
  }
  if (method === 'textDocument/inlayHint' || method === 'inlayHint/resolve') {
    for (const hint of (Array.isArray(a) ? a : [a]) as { tooltip?: Markup; label?: unknown }[]) {
      if (hint.tooltip && typeof hint.tooltip !== 'string') texts.push(...markdownOf(hint.tooltip));
      if (Array.isArray(hint.label))
        for (const part of hint.label as { tooltip?: Markup }[])
          if (part.tooltip && typeof part.tooltip !== 'string') texts.push(...markdownOf(part.tooltip));
    }
  }
  if (method === 'textDocument/codeLens' || method === 'codeLens/resolve') {
    for (const lens of (Array.isArray(a) ? a : [a]) as { command?: { title?: string; tooltip?: string } }[]) {
      for (const label of [lens.command?.title, lens.command?.tooltip])
        if (typeof label === 'string' && LIVE_ICON.test(label)) icons.push(label);
    }
  }
  return [
    ...texts.flatMap((t) =>
      t.length > MARKDOWN_MAX
        ? [`markdown of ${t.length} characters: ${JSON.stringify(t.slice(0, 120))}`]
        : liveIn(t).map((m) => `${m} in ${JSON.stringify(t.slice(0, 120))}`),
    ),
    ...icons.map((label) => `icon syntax in a lens label: ${JSON.stringify(label.slice(0, 120))}`),
  ];
}
