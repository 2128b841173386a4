import type { JsonValue } from '../../edits/neutralEdit';

/** JSON values as the JSON writer inserts them: hand-written-looking, in the document's layout. */

/** JSON spread over lines as JSON.stringify writes it, continuation lines under `baseIndent`. */
export function formatValue(value: JsonValue, baseIndent: string, unit: string, eol: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // JSON.stringify escapes line breaks inside strings, so every \n it writes is its own.
  return JSON.stringify(value, null, unit)
    .split('\n')
    .join(eol + baseIndent);
}

/** One-line JSON with the spacing people write by hand: `{ "a": 1, "b": [1, 2] }`. */
export function compactValue(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(compactValue).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${compactValue(v)}`).join(', ')} }` : '{}';
}

/** An array item written after the previous one: inline (`, item`), or on a line of its own at `indent`. */
export function jsonItemAfter(value: JsonValue, indent: string | undefined, unit: string, eol: string): string {
  return indent === undefined ? `, ${JSON.stringify(value)}` : `,${eol}${indent}${formatValue(value, indent, unit, eol)}`;
}
