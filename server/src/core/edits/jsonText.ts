import type { FormattingOptions, Node } from 'jsonc-parser';
import { createScanner } from 'jsonc-parser';
import type { JsonValue } from './neutralEdit';

/** Text helpers for the JSON writer: tokens, lines, indentation and hand-written-looking JSON. */

// jsonc-parser's SyntaxKind is a const enum (unreadable under isolatedModules); its stable values:
const COMMA_TOKEN = 5;
const EOF_TOKEN = 17;
/** Line and block comments, line breaks, whitespace. */
const TRIVIA_TOKENS = new Set([12, 13, 14, 15]);

/** The comma token after a node, skipping whitespace and comments. */
export function commaAfter(text: string, node: Node): { offset: number } | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(node.offset + node.length);
  for (let token = scanner.scan(); token !== EOF_TOKEN; token = scanner.scan()) {
    if (token === COMMA_TOKEN) return { offset: scanner.getTokenOffset() };
    if (!TRIVIA_TOKENS.has(token)) return undefined;
  }
  return undefined;
}

export function startOfLine(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** The offset of the line break that ends the line before `lineStart` (\r\n counts as one). */
export function lineBreakBefore(text: string, lineStart: number): number {
  return text[lineStart - 1] === '\n' && text[lineStart - 2] === '\r' ? lineStart - 2 : lineStart - 1;
}

export function lineIndent(text: string, offset: number): string {
  return /^[ \t]*/.exec(text.slice(startOfLine(text, offset), offset))![0];
}

export function reindent(raw: string, oldIndent: string, newIndent: string): string {
  return raw.replace(/(\r\n|\n|\r)([ \t]*)/g, (_, eol: string, indent: string) =>
    eol + (indent.startsWith(oldIndent) ? newIndent + indent.slice(oldIndent.length) : indent));
}

export function formatValue(value: JsonValue, baseIndent: string, format: FormattingOptions): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const unit = format.insertSpaces ? ' '.repeat(format.tabSize ?? 2) : '\t';
  return JSON.stringify(value, null, unit).split('\n').join((format.eol ?? '\n') + baseIndent);
}

/** One-line JSON with the spacing people write by hand: `{ "a": 1, "b": [1, 2] }`. */
export function compactValue(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compactValue).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactValue(v)}`).join(', ')} }` : '{}';
}
