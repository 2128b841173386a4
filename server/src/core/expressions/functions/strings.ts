import type { EvalContext } from '../context';
import { fail } from '../context';
import type { EvalValue } from '../values';
import { Unknown } from '../values';
import { argInt, argString } from './args';
import { format } from './format';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

function replaceAll(text: string, old: string, replacement: string, ctx: EvalContext): string {
  if (old.length === 0) return fail('replace() cannot replace an empty string');
  // Count first: a short string with many matches and a long replacement can explode in size.
  let count = 0;
  for (let at = text.indexOf(old); at !== -1; at = text.indexOf(old, at + old.length)) count++;
  ctx.checkLength(text.length + count * (replacement.length - old.length), 'replace() result');
  return text.split(old).join(replacement);
}

/** .NET String.Split(string[], None): at each position the first delimiter that matches wins. */
function split(text: string, delimiters: readonly string[], ctx: EvalContext): string[] {
  const used = delimiters.filter((d) => d.length > 0);
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length;) {
    const match = used.find((d) => text.startsWith(d, i));
    if (match === undefined) {
      i++;
      continue;
    }
    parts.push(text.slice(start, i));
    ctx.checkLength(parts.length + 1, 'split() result');
    i += match.length;
    start = i;
  }
  parts.push(text.slice(start));
  return parts;
}

function delimiterList(value: EvalValue): string[] | Unknown {
  if (typeof value === 'string') return [value];
  const unknown = Array.isArray(value) ? value.find((d) => d instanceof Unknown) : undefined;
  if (unknown instanceof Unknown) return unknown;
  if (Array.isArray(value) && value.every((d): d is string => typeof d === 'string')) return value;
  return fail('split() expects a string or an array of strings as delimiter');
}

function changeCase(fn: string, convert: (s: string) => string): FunctionTable[string] {
  return eager(1, 1, (args, ctx) => {
    const result = convert(argString(fn, args, 0));
    ctx.checkLength(result.length, `${fn}() result`);
    return result;
  });
}

export const stringFunctions: FunctionTable = {
  format: eager(1, Infinity, (args, ctx) => format(argString('format', args, 0), args.slice(1), ctx)),
  tolower: changeCase('toLower', (s) => s.toLowerCase()),
  toupper: changeCase('toUpper', (s) => s.toUpperCase()),
  trim: eager(1, 1, (args) => argString('trim', args, 0).trim()),
  replace: eager(3, 3, (args, ctx) =>
    replaceAll(argString('replace', args, 0), argString('replace', args, 1), argString('replace', args, 2), ctx),
  ),
  split: eager(2, 2, (args, ctx) => {
    const delimiters = delimiterList(args[1]!);
    return delimiters instanceof Unknown ? delimiters : split(argString('split', args, 0), delimiters, ctx);
  }),
  substring: eager(2, 3, (args) => {
    const text = argString('substring', args, 0);
    const start = argInt('substring', args, 1);
    const length = args.length > 2 ? argInt('substring', args, 2) : text.length - start;
    if (start < 0 || start > text.length || length < 0 || start + length > text.length) {
      return fail(`substring() range ${start}+${length} is outside a string of length ${text.length}`);
    }
    return text.slice(start, start + length);
  }),
  padleft: eager(2, 3, (args, ctx) => {
    const value = args[0]!;
    const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : argString('padLeft', args, 0);
    const width = argInt('padLeft', args, 1);
    const pad = args.length > 2 ? argString('padLeft', args, 2) : ' ';
    if (pad.length !== 1) return fail('padLeft() pads with exactly one character');
    ctx.checkLength(width, 'padLeft() result');
    return text.padStart(width, pad);
  }),
  // ARM compares case-insensitively in these two (and in indexOf on strings).
  startswith: eager(2, 2, (args) =>
    argString('startsWith', args, 0)
      .toLowerCase()
      .startsWith(argString('startsWith', args, 1).toLowerCase()),
  ),
  endswith: eager(2, 2, (args) =>
    argString('endsWith', args, 0)
      .toLowerCase()
      .endsWith(argString('endsWith', args, 1).toLowerCase()),
  ),
};
