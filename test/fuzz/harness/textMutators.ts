import type { Format } from './corpus';
import type { Rng } from './rng';

/**
 * Mutations that know nothing of templates: they cut, copy, swap and inject characters the way broken
 * files, half-typed edits, bad merges and odd encodings do. Each takes the text and returns a new one.
 */
export interface MutationContext {
  readonly format: Format;
  /** Other seed texts, to splice from. */
  readonly donors: readonly string[];
}

export type Mutator = (text: string, rng: Rng, ctx: MutationContext) => string;

/** An offset in [0, text.length] that does not split a CRLF or a surrogate pair. */
export function offsetIn(text: string, rng: Rng, from = 0, to = text.length): number {
  return safeOffset(text, rng.int(from, Math.max(from, to)));
}

export function safeOffset(text: string, offset: number): number {
  let o = Math.max(0, Math.min(text.length, offset));
  if (o > 0 && o < text.length && text.charCodeAt(o - 1) === 13 && text.charCodeAt(o) === 10) o--;
  if (o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))) o--;
  return o;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A random range [start, end) of log-uniform length. */
function rangeIn(text: string, rng: Rng, maxLength = 2_000): [number, number] {
  const start = offsetIn(text, rng);
  const end = safeOffset(text, start + rng.logInt(1, maxLength));
  return [start, Math.max(start, end)];
}

const truncate: Mutator = (text, rng) => text.slice(0, offsetIn(text, rng));

const deleteRange: Mutator = (text, rng) => {
  const [start, end] = rangeIn(text, rng);
  return splice(text, start, end, '');
};

const duplicateRange: Mutator = (text, rng) => {
  const [start, end] = rangeIn(text, rng);
  const at = rng.chance(0.5) ? end : offsetIn(text, rng);
  const copies = rng.chance(0.1) ? rng.logInt(2, 200) : 1;
  return splice(text, at, at, text.slice(start, end).repeat(copies));
};

const BRACKETS = '{}[]()';

/** Replaces, drops, doubles or swaps brackets (and the quotes and commas between them). */
const bracketSwap: Mutator = (text, rng) => {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++)
    if (BRACKETS.includes(text[i]!) || text[i] === ',' || text[i] === '"' || text[i] === "'") positions.push(i);
  if (positions.length === 0) return text;
  let out = text;
  for (let n = rng.int(1, 4); n > 0; n--) {
    const at = rng.pick(positions);
    if (at >= out.length) continue;
    const action = rng.int(0, 3);
    if (action === 0) out = splice(out, at, at + 1, rng.pick([...BRACKETS, ',', '"', "'"]));
    else if (action === 1) out = splice(out, at, at + 1, '');
    else if (action === 2) out = splice(out, at, at, out[at]!);
    else {
      const other = rng.pick(positions);
      if (other < out.length) {
        const [a, b] = at < other ? [at, other] : [other, at];
        out = out.slice(0, a) + out[b] + out.slice(a + 1, b) + out[a] + out.slice(b + 1);
      }
    }
  }
  return out;
};

const CONTROL = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\t',
  '\u000b',
  '\f',
  '\u000e',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\u202e',
  '\u200b',
  '\u0301',
];

const controlCharacters: Mutator = (text, rng) => {
  let out = text;
  for (let n = rng.logInt(1, 50); n > 0; n--) {
    const at = offsetIn(out, rng);
    out = splice(out, at, at, rng.pick(CONTROL).repeat(rng.chance(0.1) ? rng.logInt(2, 5_000) : 1));
  }
  return out;
};

/** Lone halves of surrogate pairs, inside strings and between tokens; or a real pair split. */
const loneSurrogates: Mutator = (text, rng) => {
  let out = text;
  for (let n = rng.int(1, 8); n > 0; n--) {
    const lone = String.fromCharCode(rng.chance(0.5) ? rng.int(0xd800, 0xdbff) : rng.int(0xdc00, 0xdfff));
    const at = offsetIn(out, rng);
    out = rng.chance(0.2) ? splice(out, at, at, `\u{1F600}`.slice(0, 1) + lone + '\u{1F600}') : splice(out, at, at, lone);
  }
  return out;
};

/** CR-only, CRLF, LF or a mix per line: what editors, git and copy-paste leave behind. */
const lineEndings: Mutator = (text, rng) => {
  const lines = text.split(/\r\n|\r|\n/);
  const style = rng.pick(['\r', '\r\n', '\n', 'mixed', 'mixed'] as const);
  if (style !== 'mixed') return lines.join(style);
  return lines.map((line, i) => (i === lines.length - 1 ? line : line + rng.pick(['\r', '\r\n', '\n', '\r\r\n', '\n\r']))).join('');
};

const GARBAGE = [
  '\\',
  '\\u',
  '\\uD800',
  '\\"',
  '"',
  "'",
  "'''",
  '/*',
  '*/',
  '//',
  '${',
  '}',
  ':',
  '::',
  '=',
  '@',
  '#',
  '?',
  '!',
  '..',
  '...',
  '0x1F',
  '1e',
  '-',
  '+',
  'NaN',
  'Infinity',
  'null',
  'true',
  '\u{1F600}',
  'ẞ',
  '𝔘',
  '\u05d0',
  'é',
];

const garbage: Mutator = (text, rng) => {
  let out = text;
  for (let n = rng.logInt(1, 20); n > 0; n--) {
    const at = offsetIn(out, rng);
    out = splice(out, at, at, rng.pick(GARBAGE));
  }
  return out;
};

/** A slice of another real document pasted in (a bad merge, a paste into the wrong file). */
const donorSplice: Mutator = (text, rng, ctx) => {
  const donor = rng.pick(ctx.donors);
  const [start, end] = rangeIn(donor, rng, 5_000);
  const at = offsetIn(text, rng);
  return splice(text, at, at, donor.slice(start, end));
};

/** Characters deleted one by one from one place, as a user erasing mid-word. */
const halfTyped: Mutator = (text, rng) => {
  const structural = [...text.matchAll(/[",:{}[\]()']/g)].map((m) => m.index);
  if (structural.length === 0) return text;
  let out = text;
  for (let n = rng.int(1, 6); n > 0; n--) {
    const at = rng.pick(structural);
    if (at < out.length) out = splice(out, at, at + 1, '');
  }
  return out;
};

export const TEXT_MUTATORS: Readonly<Record<string, Mutator>> = {
  truncate,
  deleteRange,
  duplicateRange,
  bracketSwap,
  controlCharacters,
  loneSurrogates,
  lineEndings,
  garbage,
  donorSplice,
  halfTyped,
};
