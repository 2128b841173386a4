import type { EvalContext } from '../context';
import { fail } from '../context';
import type { EvalValue } from '../values';
import { scalarToString } from './args';

/**
 * .NET composite formatting as ARM's format() does it: {index[,alignment][:format]}, with {{ and }}
 * as literal braces. Numeric formats N, D, F, X (with optional precision) are supported for ints;
 * others make the result Unknown rather than a guess.
 */
export function format(pattern: string, args: readonly EvalValue[], ctx: EvalContext): string {
  let out = '';
  let i = 0;
  const n = pattern.length;
  while (i < n) {
    const ch = pattern[i]!;
    if (ch === '}') {
      if (pattern[i + 1] !== '}') return fail(`format() string has an unmatched '}' at ${i}`);
      out += '}';
      i += 2;
    } else if (ch !== '{') {
      const next = nextBrace(pattern, i);
      out += pattern.slice(i, next);
      i = next;
    } else if (pattern[i + 1] === '{') {
      out += '{';
      i += 2;
    } else {
      const close = pattern.indexOf('}', i);
      if (close === -1) return fail(`format() string has an unmatched '{' at ${i}`);
      out += formatItem(pattern.slice(i + 1, close), args);
      i = close + 1;
    }
    ctx.checkLength(out.length, 'format() result');
  }
  return out;
}

function nextBrace(pattern: string, from: number): number {
  for (let i = from; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c === 123 || c === 125) return i;
  }
  return pattern.length;
}

/** One "{...}" item, without its braces. */
function formatItem(item: string, args: readonly EvalValue[]): string {
  const colon = item.indexOf(':');
  const head = colon === -1 ? item : item.slice(0, colon);
  const spec = colon === -1 ? '' : item.slice(colon + 1);
  const comma = head.indexOf(',');
  const indexText = (comma === -1 ? head : head.slice(0, comma)).trim();
  if (!/^\d{1,9}$/.test(indexText)) return fail(`format() item '{${item}}' has no valid index`);
  const index = Number(indexText);
  if (index >= args.length) return fail(`format() item {${index}} has no argument (${args.length} given)`);
  let alignment = 0;
  if (comma !== -1) {
    const alignText = head.slice(comma + 1).trim();
    if (!/^-?\d{1,6}$/.test(alignText)) return fail(`format() item '{${item}}' has an invalid alignment`);
    alignment = Number(alignText);
  }
  const value = args[index]!;
  if (value !== null && typeof value === 'object') return fail('format() of an array or object is not evaluated');
  const text = typeof value === 'number' && spec !== '' ? formatNumber(value, spec) : scalarToString('format', value, index + 1);
  if (Math.abs(alignment) <= text.length) return text;
  return alignment > 0 ? text.padStart(alignment) : text.padEnd(-alignment);
}

function formatNumber(value: number, spec: string): string {
  const letter = spec[0]!.toUpperCase();
  const precisionText = spec.slice(1);
  if (precisionText !== '' && !/^\d{1,2}$/.test(precisionText)) return fail(`format() specifier '${spec}' is not supported`);
  const precision = precisionText === '' ? undefined : Number(precisionText);
  const integral = Number.isInteger(value);
  switch (letter) {
    case 'N':
      return groupThousands(value.toFixed(precision ?? 2));
    case 'F':
      return value.toFixed(precision ?? 2);
    case 'D':
      if (!integral) break;
      return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(precision ?? 0, '0');
    case 'X':
      if (!integral || value < 0) break;
      return (spec[0] === 'x' ? value.toString(16) : value.toString(16).toUpperCase()).padStart(precision ?? 0, '0');
    case 'G':
      if (precisionText === '') return String(value);
      break;
  }
  return fail(`format() specifier '${spec}' is not supported`);
}

/** "1234567.50" -> "1,234,567.50" (invariant culture, as ARM formats). */
function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const dot = body.indexOf('.');
  const whole = dot === -1 ? body : body.slice(0, dot);
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return (negative ? '-' : '') + grouped + (dot === -1 ? '' : body.slice(dot));
}
