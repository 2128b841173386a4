// Random edits of JSON text for the property tests of the parts that reuse an earlier version's work
// (json/rescan.ts, arm/reuseAnalysis.ts, the rules' carried findings): some break the text, most keep it valid.
import fc from 'fast-check';

/** A place in a text, as a fraction of its length (fc.double favours values near 0, so the first lines only). */
export const fraction = fc.integer({ min: 0, max: 9999 }).map((n) => n / 10000);

/** An edit as a user makes them: a few characters replaced by a few typed ones (some of them JSON's punctuation). */
export const edit = fc.oneof(
  // Most keep the text valid (a digit, a letter in a string, a space)…
  fc.record({
    at: fraction,
    removed: fc.nat({ max: 1 }),
    typed: fc.array(fc.constantFrom('1', 'a', ' '), { maxLength: 2 }).map((a) => a.join('')),
  }),
  // …some break it, or open and close containers.
  fc.record({
    at: fraction,
    removed: fc.nat({ max: 12 }),
    typed: fc
      .array(
        fc.constantFrom('1', '0', 'a', ' ', '\n', '"', ',', ':', '{', '}', '[', ']', '\\', 'true', '{}', '[1]', '/', '//', '/*', '*/'),
        { maxLength: 6 },
      )
      .map((a) => a.join('')),
  }),
);

export function apply(text: string, e: { at: number; removed: number; typed: string }): string {
  const offset = Math.floor(e.at * text.length);
  return text.slice(0, offset) + e.typed + text.slice(offset + e.removed);
}

/**
 * An edit that keeps JSON valid, as most keystrokes in a template do: after the colon of a random property,
 * a letter into its string value, a number for its number, a property into its object, an item into its array.
 */
export function applyValid(text: string, at: number): string {
  const colons: number[] = [];
  for (let i = text.indexOf('": '); i !== -1; i = text.indexOf('": ', i + 1)) colons.push(i + 3);
  if (colons.length === 0) return text;
  let v = colons[Math.floor(at * colons.length)]!;
  while (text[v] === ' ') v++;
  const c = text[v]!;
  if (c === '"') return `${text.slice(0, v + 1)}b${text.slice(v + 1)}`;
  if (c === '{') return `${text.slice(0, v + 1)}"k": ${text[v + 1] === '}' ? '1' : '[1, {}],'} ${text.slice(v + 1)}`;
  if (c === '[') return `${text.slice(0, v + 1)}${text[v + 1] === ']' ? '{"x": 2}' : '{"x": 2},\n'}${text.slice(v + 1)}`;
  if (/[-0-9]/.test(c)) return `${text.slice(0, v)}42${text.slice(v + 1)}`;
  return text;
}
