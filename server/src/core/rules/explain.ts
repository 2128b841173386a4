import { SOURCES } from '../catalog/sources';
import { authoredMarkdown, escapeText, md, paragraphs, type Markdown } from '../text/markdown';
import { ruleDocsUrlAt, RULE_DOCS_BASE_URL } from './docsUrl';
import type { Finding, FindingDetails, Severity } from './ruleTypes';

/**
 * A finding told in full, beyond its one-line message: the explanation, Azure's error text for this
 * case, the assumption in force and the sources (titles and links, never ids). One rendering for every
 * surface: plain text for `lint --verbose` and JSON's `explanation`, markdown for the hover and SARIF's
 * `message.markdown`. The details may quote the template, so the markdown escapes them (text/markdown.ts).
 */

const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' };

type Explained = Pick<Finding, 'ruleId' | 'message' | 'details'>;

/** The links a finding's details cite, in order, without repeats. */
export function sourceLinks(details: FindingDetails | undefined): { title: string; url: string }[] {
  const seen = new Set<string>();
  const out: { title: string; url: string }[] = [];
  for (const id of details?.sources ?? []) {
    const source = SOURCES[id];
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    out.push({ title: source.title, url: source.url });
  }
  return out;
}

/** The full explanation as plain text: paragraphs separated by blank lines (empty when the finding has no details). */
export function explainFinding(finding: Explained, docsBase: string = RULE_DOCS_BASE_URL): string {
  const d = finding.details;
  const parts: string[] = [];
  if (d) {
    parts.push(d.explanation);
    if (d.azureError) parts.push(`Azure's error: "${d.azureError}"`);
    if (d.assumption) parts.push(`Assumption: ${d.assumption}`);
    const links = sourceLinks(d);
    if (links.length) parts.push(`Sources: ${links.map((l) => `${l.title} <${l.url}>`).join('; ')}`);
  }
  parts.push(`Rule documentation: ${ruleDocsUrlAt(docsBase, finding.ruleId)}`);
  return parts.join('\n\n');
}

/**
 * The finding as markdown, for the hover on its range and SARIF: severity, rule id and message, then the
 * explanation, Azure's text, the assumption and links. Every piece of text from the finding goes through
 * escapeText; only the sources' titles and URLs (the product's own) are written as links.
 */
export function findingMarkdown(finding: Explained & { readonly severity?: Severity }, docsBase: string = RULE_DOCS_BASE_URL): Markdown {
  const d = finding.details;
  const label = finding.severity ? authoredMarkdown(`**${SEVERITY_LABEL[finding.severity]}** · `) : md``;
  const blocks: Markdown[] = [md`${label}${escapeText(finding.ruleId)}: ${escapeText(finding.message)}`];
  if (d) {
    blocks.push(escapeText(d.explanation));
    if (d.azureError) blocks.push(md`Azure's error: ${escapeText(`"${d.azureError}"`)}`);
    if (d.assumption) blocks.push(md`*Assumption:* ${escapeText(d.assumption)}`);
  }
  const links = [
    ...sourceLinks(d).map((l) => link(l.title, l.url)),
    link(`Rule documentation: ${finding.ruleId}`, ruleDocsUrlAt(docsBase, finding.ruleId)),
  ];
  blocks.push(md`${joinMarkdown(links, ' · ')}`);
  return paragraphs(blocks);
}

/** A link whose text is escaped; its URL is the product's own (or the docs base the adapter chose), with any space, parenthesis or angle bracket encoded. */
function link(title: string, url: string): Markdown {
  return md`[${escapeText(title)}](${authoredMarkdown(url.replace(/[()<>\s]/g, encodeURIComponent))})`;
}

function joinMarkdown(parts: readonly Markdown[], separator: string): Markdown {
  return parts.join(separator) as Markdown;
}
