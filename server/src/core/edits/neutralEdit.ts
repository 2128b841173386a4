import type { Span } from '../text/span';

/** A JSON value as a quick fix writes it. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/**
 * A quick-fix edit described without syntax, so rules stay format-neutral: spans come from the model,
 * and each format's writer (JSON, Bicep) turns them into text edits.
 */
export type NeutralEdit =
  /** Rename the property whose key is at `keySpan`. */
  | { readonly kind: 'renameProperty'; readonly keySpan: Span; readonly newName: string }
  /** Replace the value at `span` with `newValue`. */
  | { readonly kind: 'replaceValue'; readonly span: Span; readonly newValue: JsonValue }
  /** Set `path` (relative to the object at `objectSpan`) to `value`, replacing it or inserting it; missing intermediate objects are created. */
  | { readonly kind: 'setProperty'; readonly objectSpan: Span; readonly path: readonly string[]; readonly value: JsonValue }
  /** Remove the property whose key is at `keySpan`. */
  | { readonly kind: 'removeProperty'; readonly keySpan: Span }
  /** Move the property at `keySpan` to `path` under the object at `targetObjectSpan`, keeping its value's text (expressions, comments). */
  | { readonly kind: 'moveProperty'; readonly keySpan: Span; readonly targetObjectSpan: Span; readonly path: readonly string[] }
  /**
   * Insert `value` into an array right after the item at `itemSpan`: on a line of its own at that item's
   * indentation (inline when the item shares its line), with the separator the format uses.
   */
  | { readonly kind: 'insertItemAfter'; readonly itemSpan: Span; readonly value: JsonValue }
  /** Replace raw text that is not a JSON value, e.g. inside a comment. */
  | { readonly kind: 'replaceText'; readonly span: Span; readonly newText: string };

/** A text edit on the original document. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

/** Applies non-overlapping text edits (any order) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
  return result;
}
