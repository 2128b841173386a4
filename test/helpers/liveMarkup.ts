/**
 * Finds markup that a markdown renderer would make live in a string of LSP markdown: raw HTML, links and
 * images (other than to an allowed set of URLs), bare URLs GFM turns into links, and `$(icon)` syntax.
 *
 * It first takes away what CommonMark renders as literal code, by CommonMark's own rules, and then
 * searches the rest: fenced code blocks; code spans (a backtick run closed by the next run of exactly
 * the same length; an unclosed run is literal backticks); and characters escaped with a backslash. It is
 * conservative where it simplifies: a code span is looked for on its own line only, so a span that a
 * line break would end early (a line starting a block) is not taken for code, and an indented code block
 * counts as prose. Either way it may report too much, never too little.
 */

export interface LiveMarkup {
  readonly kind: 'html' | 'link' | 'image' | 'url' | 'icon';
  /** The offending text, as it stands outside code. */
  readonly text: string;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Stands for a character escaped with a backslash: literal, so never part of any syntax. */
const ESCAPED = '\u0001';
/** Stands for a code span: literal, never part of any syntax. */
const CODE = '\u0002';

/** Everything of `markdown` that renders outside code, escaped characters replaced by a neutral mark. */
export function outsideCode(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const prose: string[] = [];
  let fence: { char: string; length: number } | undefined;
  for (const line of lines) {
    const opening = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      if (opening && opening[1]![0] === fence.char && opening[1]!.length >= fence.length && opening[2]!.trim() === '') fence = undefined;
      prose.push('');
      continue;
    }
    // A backtick fence's info string may not hold a backtick (else the line is a paragraph with code spans).
    if (opening && !(opening[1]![0] === '`' && opening[2]!.includes('`'))) {
      fence = { char: opening[1]![0]!, length: opening[1]!.length };
      prose.push('');
      continue;
    }
    prose.push(inlineProse(line));
  }
  return prose.join('\n');
}

function inlineProse(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length && ASCII_PUNCTUATION.test(line[i + 1]!)) {
      out += ESCAPED;
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 0;
      while (line[i + n] === '`') n++;
      const close = closingRun(line, i + n, n);
      if (close === -1) {
        out += '`'.repeat(n);
        i += n;
      } else {
        out += CODE;
        i = close + n;
      }
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/** Where the next backtick run of exactly `n` backticks at or after `from` starts, or -1. */
function closingRun(line: string, from: number, n: number): number {
  for (let i = from; i < line.length;) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let m = 0;
    while (line[i + m] === '`') m++;
    if (m === n) return i;
    i += m;
  }
  return -1;
}

/** Live markup in `markdown`, outside code; links and bare URLs in `allowedUrls` are fine. */
export function liveMarkup(markdown: string, allowedUrls: ReadonlySet<string> = new Set()): LiveMarkup[] {
  const prose = outsideCode(markdown);
  const found: LiveMarkup[] = [];
  // Raw HTML (an open or closing tag, a comment, a declaration, a processing instruction) and autolinks.
  for (const m of prose.matchAll(/<[A-Za-z/!?][^\n]*/g)) found.push({ kind: 'html', text: m[0] });
  for (const m of prose.matchAll(/!\[/g)) found.push({ kind: 'image', text: prose.slice(m.index, m.index + 80) });
  // Inline links (and images): `](destination`; reference definitions: `[label]: destination`.
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]*)/g)) if (!allowedUrls.has(m[1]!)) found.push({ kind: 'link', text: m[0] });
  for (const m of prose.matchAll(/^ {0,3}\[[^\]\n]*\]:\s*(\S*)/gm)) if (!allowedUrls.has(m[1]!)) found.push({ kind: 'link', text: m[0] });
  // Bare URLs and e-mail addresses GFM links by itself (outside an allowed link's destination).
  const bare = prose.replace(/\]\(\s*<?([^)\s>]*)/g, (all, url: string) => (allowedUrls.has(url) ? '](' : all));
  for (const m of bare.matchAll(/(?:https?:\/\/|ftp:\/\/|www\.|[A-Za-z][A-Za-z0-9+.-]*:(?=\S))[^\s<]*/g)) {
    if (!allowedUrls.has(m[0]) && /^(?:https?|ftp|www|command|javascript|data|file|vbscript|vscode)/i.test(m[0]))
      found.push({ kind: 'url', text: m[0] });
  }
  for (const m of bare.matchAll(/[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+/g)) found.push({ kind: 'url', text: m[0] });
  // VS Code's theme icons, `$(name)` or `$(name~spin)`, which some markdown renders as icons.
  for (const m of prose.matchAll(/\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g)) found.push({ kind: 'icon', text: m[0] });
  return found;
}

export interface MarkdownToken {
  readonly type: string;
  readonly content: string;
  readonly info: string;
  readonly children: readonly MarkdownToken[] | null;
  attrGet(name: string): string | null;
}
interface MarkdownParser {
  parse(src: string, env: object): MarkdownToken[];
  readonly core: { readonly ruler: { disable(name: string): void } };
}

let parser: MarkdownParser | undefined;

/**
 * Block tokens (inline ones as their children) of a CommonMark parser: markdown-it (a devDependency), with raw HTML and GFM autolinks on, as VS Code renders. Escaped characters stay tokens of
 * their own (`text_special`), so `\$\(x\)` is not read as the text `$(x)`.
 */
export function parseMarkdown(markdown: string): MarkdownToken[] {
  if (!parser) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new (options: object) => MarkdownParser;
    parser = new MarkdownIt({ html: true, linkify: true });
    parser.core.ruler.disable('text_join');
  }
  return parser.parse(markdown, {});
}

/**
 * The same question as liveMarkup answered by the parser: its raw HTML, images, links other than to
 * `allowedUrls`, and `$(icon)` syntax in text it did not read as escaped.
 */
export function liveMarkupParsed(markdown: string, allowedUrls: ReadonlySet<string> = new Set()): LiveMarkup[] {
  const found: LiveMarkup[] = [];
  const visit = (tokens: readonly MarkdownToken[]) => {
    for (const token of tokens) {
      if (token.type === 'html_block' || token.type === 'html_inline') found.push({ kind: 'html', text: token.content });
      else if (token.type === 'image') found.push({ kind: 'image', text: token.attrGet('src') ?? '' });
      else if (token.type === 'link_open' && !allowedUrls.has(token.attrGet('href') ?? ''))
        found.push({ kind: 'link', text: token.attrGet('href') ?? '' });
      else if (token.type === 'text' && /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/.test(token.content))
        found.push({ kind: 'icon', text: token.content });
      if (token.children) visit(token.children);
    }
  };
  visit(parseMarkdown(markdown));
  return found;
}
