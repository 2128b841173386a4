import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';

/** From this many changes in one notification on, they are applied in one pass when their order allows. */
const ONE_PASS_FROM = 4;

/**
 * The document after one `didChange` notification. TextDocument.update applies the changes one by one,
 * copying the text and shifting every later line start each time: a "fix all" over 1,500 scale sets
 * (4,500 edits) in a 6 MB template took 45 s that way, with every request waiting. VS Code sends the
 * changes of one edit sorted from the end of the document to its start (microsoft/vscode#88570), so
 * each range is still valid in the text before the notification: those are spliced in one pass and the
 * line starts computed once. Any other order, or a whole-text change, goes through TextDocument.update.
 */
export function applyContentChanges(
  document: TextDocument,
  changes: readonly TextDocumentContentChangeEvent[],
  version: number,
): TextDocument {
  if (changes.length >= ONE_PASS_FROM) {
    const text = inOnePass(document, changes);
    if (text !== undefined) return TextDocument.create(document.uri, document.languageId, version, text);
  }
  return TextDocument.update(document, [...changes], version);
}

/** The new text when every change lies before the one sent ahead of it, else undefined. */
export function inOnePass(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): string | undefined {
  const text = document.getText();
  const spans: { start: number; end: number; text: string }[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (const change of changes) {
    if (!('range' in change)) return undefined;
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    // Ending before the previous change's start, its positions read the same before and after that change;
    // ending right at it too, unless a CR there could become a CRLF with what that change put after it.
    if (end < start || end > limit || (end === limit && text.charCodeAt(end - 1) === 13)) return undefined;
    spans.push({ start, end, text: change.text });
    limit = start;
  }
  const pieces: string[] = [];
  let last = 0;
  // From the start of the document: the last change sent is the first in the text (and, inserted at the
  // same offset as the one before it, goes in front of it, as applying them in order does).
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!;
    pieces.push(text.slice(last, span.start), span.text);
    last = span.end;
  }
  pieces.push(text.slice(last));
  return pieces.join('');
}
