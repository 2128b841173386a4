import type { FormattingOptions } from 'jsonc-parser';

/**
 * The document's own indentation and line ending, so inserted JSON looks like its neighbours: the
 * smallest indentation among the first lines (tabs win if the first indented line uses one), and the
 * first line break found.
 */
export function inferFormatting(text: string): FormattingOptions {
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  let insertSpaces = true;
  let tabSize = 0;
  let seen = 0;
  for (const match of text.matchAll(/(?:^|\r\n|\n|\r)([ \t]+)(?=\S)/g)) {
    const indent = match[1]!;
    if (seen === 0 && indent.startsWith('\t')) {
      insertSpaces = false;
      break;
    }
    if (tabSize === 0 || indent.length < tabSize) tabSize = indent.length;
    if (++seen >= 200) break;
  }
  return { insertSpaces, tabSize: insertSpaces ? tabSize || 2 : 4, eol, insertFinalNewline: false, keepLines: false };
}
