import type { Span } from '../text/span';

/**
 * Every `//` and `/* … *\/` comment in Bicep text, skipping strings (single-quoted with escapes, and
 * `'''` verbatim strings), so a URL or a directive inside a string is never taken for a comment.
 */
export function findBicepComments(text: string): Span[] {
  const comments: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */) {
      i = skipString(text, i);
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const start = i;
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      comments.push({ offset: start, length: i - start });
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      comments.push({ offset: i, length: end - i });
      i = end;
    } else {
      i++;
    }
  }
  return comments;
}

/** The offset after the string starting at `start`; holes (`${…}`) may hold nested strings. */
function skipString(text: string, start: number, level = 0): number {
  if (level > 64) {
    // Pathological nesting: end the string at the line end instead of recursing further.
    const eol = text.slice(start).search(/[\r\n]/);
    return eol === -1 ? text.length : start + eol;
  }
  if (text.startsWith("'''", start)) {
    const close = text.indexOf("'''", start + 3);
    return close === -1 ? text.length : close + 3;
  }
  let depth = 0;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 10 || c === 13) return i;
    else if (depth === 0 && c === 39) return i + 1;
    else if (c === 36 /* $ */ && text.charCodeAt(i + 1) === 123 /* { */) {
      depth++;
      i++;
    } else if (depth > 0 && c === 125 /* } */) depth--;
    else if (depth > 0 && c === 39) i = skipString(text, i, level + 1) - 1;
  }
  return text.length;
}
