/**
 * Template text cut to at most `max` characters, ending in "…" when cut (never through a surrogate pair):
 * what messages, hovers and hints quote of a value or an expression, which can be megabytes.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
