import type { Format } from './corpus';

/**
 * Approximate locations in template text, good enough to aim mutations at values and keys (the
 * documents are often broken, so this reads tokens, not a tree). Scans are bounded so a mutation of a
 * multi-megabyte document stays cheap.
 */
export interface ValueSpan {
  /** The property name before the value, if found. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

const JSON_KEY = /"((?:[^"\\\r\n]|\\.){1,80})"\s*:\s*/g;
const BICEP_KEY = /(?<=^|[\s{,])([A-Za-z_][\w]{0,80})\s*:\s*(?!\/)/gm;
const SCAN_LIMIT = 400_000;

/**
 * Keyed values (`"key": value` in JSON, `key: value` in Bicep), the first `limit` of them. A value's end
 * is found when asked for: in 100,000 nested objects every key's value runs to the end of the text.
 */
export function keyedValues(text: string, format: Format, limit = 5_000): ValueSpan[] {
  const pattern = new RegExp(format === 'json' ? JSON_KEY : BICEP_KEY);
  const out: ValueSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    const start = m.index + m[0].length;
    if (start >= text.length) break;
    let end: number | undefined;
    out.push({
      key: m[1]!,
      start,
      get end() {
        return (end ??= valueEnd(text, start, format));
      },
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** Where the value starting at `start` ends: a string's closing quote, a bracket's match, a literal's end. */
export function valueEnd(text: string, start: number, format: Format): number {
  const c = text[start];
  const quote = format === 'json' ? '"' : "'";
  if (c === quote) return stringEnd(text, start, quote);
  if (c === '{' || c === '[') return matchingBracket(text, start, format);
  const m = /^[^,}\]\r\n]*/.exec(text.slice(start, start + 2_000));
  return start + (m ? m[0].replace(/\s+$/, '').length : 0);
}

function stringEnd(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length && i < start + SCAN_LIMIT; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' || c === '\r') return i;
  }
  return Math.min(text.length, start + SCAN_LIMIT);
}

/** The offset after the bracket matching the one at `start` (strings skipped), or where the scan gave up. */
export function matchingBracket(text: string, start: number, format: Format): number {
  const quote = format === 'json' ? '"' : "'";
  let depth = 0;
  for (let i = start; i < text.length && i < start + SCAN_LIMIT; i++) {
    const c = text[i];
    if (c === quote) i = stringEnd(text, i, quote) - 1;
    else if (c === '{' || c === '[' || c === '(') depth++;
    else if (c === '}' || c === ']' || c === ')') {
      if (--depth === 0) return i + 1;
    }
  }
  return Math.min(text.length, start + SCAN_LIMIT);
}

/** The `{` that opens the object around `offset` (strings not skipped: an approximation), or -1. */
export function enclosingObjectStart(text: string, offset: number): number {
  let depth = 0;
  for (let i = offset - 1; i >= 0 && i > offset - SCAN_LIMIT; i--) {
    const c = text[i];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Writes a JSON-ish value in the document's syntax (Bicep: single quotes, newline-separated members). */
export function inFormat(json: string, format: Format): string {
  if (format === 'json') return json;
  return json
    .replace(/"((?:[^"\\]|\\.)*)"\s*:/g, (_, k: string) => `${/^[A-Za-z_]\w*$/.test(k) ? k : `'${k}'`}:`)
    .replace(/"((?:[^"\\]|\\.)*)"/g, (_, s: string) => `'${s.replace(/'/g, "\\'")}'`)
    .replace(/,\s*/g, '\n');
}

/** A string's content written as a literal of the format (escaped for JSON or Bicep). */
export function stringLiteral(content: string, format: Format): string {
  if (format === 'json') return JSON.stringify(content);
  return `'${content.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\r/g, '\\r').replace(/\n/g, '\\n')}'`;
}
