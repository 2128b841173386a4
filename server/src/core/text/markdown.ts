/**
 * Markdown that shows text from a template as that text, never as markup. A template is untrusted input:
 * a value, an expression, a parameter name or default, a resource name or a property name as typed may
 * hold backticks, `<img onerror=…>`, `[…](command:…)` links, remote images or `$(icon)` syntax. Every
 * markdown the product shows (hovers, completion documentation, the status-bar tooltip, the preview's
 * pull-request summary) is built from the functions here, by CommonMark's rules (what VS Code's renderer
 * and GitHub follow):
 *
 * - `code(text)`: an inline code span, whose content no renderer reads as markup. Its fence is one
 *   backtick longer than the longest backtick run inside, so no run inside can close it; it is padded
 *   with a space on each side when the content starts or ends with a backtick (which would otherwise
 *   join the fence) or starts and ends with a space (which the renderer would strip).
 * - `escapeText(text)`: prose, every ASCII punctuation character backslash-escaped (CommonMark renders
 *   `\x` as `x` for all of them), so no HTML, link, image, emphasis, entity, GFM autolink or icon starts.
 * - `codeBlock(text, language)`: a fenced block, fenced longer than any backtick run inside.
 * - `` md`…` ``: joins markdown; its interpolations are typed `Markdown` or numbers, so text can only get
 *   in through the functions above (or `authoredMarkdown`, for the catalog's own markdown).
 *
 * Line breaks cannot stay in a code span or in prose: a line break ends a code span early when the next
 * line starts a block (`# …`, `> …`, `<div>`, a blank line), and lets prose start one. Both show them
 * as `↵`. The renderer's theme icons (`supportThemeIcons`), HTML (`supportHtml`) and trusted commands
 * (`isTrusted`) stay off (client/src/languageClient.ts); the escapes assume so.
 */

declare const MARKDOWN: unique symbol;
/** Markdown source: made only by this module's functions, so text in it was escaped or put in code. */
export type Markdown = string & { readonly [MARKDOWN]: true };

/** What a line break of the text shows as, in code and in prose. */
export const LINE_BREAK_MARK = '↵';
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * The text as a code span shows it: line breaks (CR, LF, CRLF, and the Unicode line and paragraph
 * separators, which some parsers' regular expressions take for line ends) as `↵`, NUL as U+FFFD (which
 * CommonMark substitutes anyway). `code(text)` renders exactly this.
 */
export function codeContent(text: string): string {
  return text.replace(LINE_BREAK, LINE_BREAK_MARK).replace(/\0/g, '\uFFFD');
}

/** An inline code span showing `text` literally (see codeContent); an empty text shows as an empty span. */
export function code(text: string): Markdown {
  const content = codeContent(text);
  if (content === '') return '` `' as Markdown;
  const fence = '`'.repeat(longestRun(content, '`') + 1);
  const pad =
    content.startsWith('`') || content.endsWith('`') || (content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content))
      ? ' '
      : '';
  return `${fence}${pad}${content}${pad}${fence}` as Markdown;
}

/** Prose showing `text` literally: every ASCII punctuation character escaped, line breaks as `↵`. */
export function escapeText(text: string): Markdown {
  return codeContent(text).replace(ASCII_PUNCTUATION, '\\$&') as Markdown;
}

/** A fenced code block holding `text` (its lines kept), in `language` (letters, digits, `-`, `+`, `#`). */
export function codeBlock(text: string, language = ''): Markdown {
  const body = text.replace(LINE_BREAK, '\n').replace(/\0/g, '\uFFFD');
  const fence = '`'.repeat(Math.max(3, longestRun(body, '`') + 1));
  const info = language.replace(/[^A-Za-z0-9+#-]/g, '');
  return `${fence}${info}\n${body}\n${fence}` as Markdown;
}

/** Markdown this product wrote (the catalog's descriptions and links): taken as it is. Never template text. */
export function authoredMarkdown(source: string): Markdown {
  return source as Markdown;
}

/**
 * Joins literal markdown with interpolations that are already markdown (`code`, `escapeText`, …) or
 * numbers (digits, `.`, `-`, `e+`: never markup), so a raw string cannot slip in unescaped.
 */
export function md(strings: TemplateStringsArray, ...values: readonly (Markdown | number)[]): Markdown {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += String(values[i]) + strings[i + 1]!;
  return out as Markdown;
}

/** Paragraphs (or other blocks) joined by blank lines. */
export function paragraphs(blocks: readonly Markdown[]): Markdown {
  return blocks.join('\n\n') as Markdown;
}

/** The length of the longest run of `char` in `text` (a loop: no spread, whatever the text's size). */
function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    run = text[i] === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
