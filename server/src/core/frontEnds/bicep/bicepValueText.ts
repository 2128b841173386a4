import type { JsonValue } from '../../edits/neutralEdit';

/** Writes JSON values as Bicep source: multi-line objects and arrays indented like their neighbours. */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function bicepString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\$\{/g, '\\${').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

export function bicepKey(name: string): string {
  return IDENTIFIER.test(name) ? name : bicepString(name);
}

/** A value on as many lines as it needs; `indent` is the indentation of the line it starts on. */
export function formatBicepValue(value: JsonValue, indent: string, unit: string, eol: string): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = indent + unit;
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    if (items.length === 0) return '[]';
    return `[${eol}${items.map((item) => inner + formatBicepValue(item, inner, unit, eol)).join(eol)}${eol}${indent}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  if (entries.length === 0) return '{}';
  return `{${eol}${entries.map(([k, v]) => `${inner}${bicepKey(k)}: ${formatBicepValue(v, inner, unit, eol)}`).join(eol)}${eol}${indent}}`;
}

/** A value on one line (single-line objects and arrays separate items with commas). */
export function compactBicepValue(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  if (Array.isArray(value)) return `[${(value as readonly JsonValue[]).map(compactBicepValue).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: JsonValue });
  return entries.length ? `{ ${entries.map(([k, v]) => `${bicepKey(k)}: ${compactBicepValue(v)}`).join(', ')} }` : '{}';
}

/** An array item written after the previous one: inline (`, item`), or on a line of its own at `indent` (no comma). */
export function bicepItemAfter(value: JsonValue, indent: string | undefined, unit: string, eol: string): string {
  return indent === undefined ? `, ${compactBicepValue(value)}` : eol + indent + formatBicepValue(value, indent, unit, eol);
}

function scalar(value: null | boolean | number | string): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return bicepString(value);
  // Bicep has integer literals only; other numbers are written the way Bicep itself accepts them.
  if (typeof value === 'number' && !Number.isInteger(value)) return `json('${value}')`;
  return String(value);
}
