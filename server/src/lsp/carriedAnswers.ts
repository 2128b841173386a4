import type { Position, Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CachedDocument } from './documentCache';
import type { ServerContext } from './serverContext';

/**
 * While a large document is edited inside one scale set, its last analysis answers hover, inlay hints and
 * CodeLenses about everything else at once, with positions moved through the edits: outside the edited scale
 * set the text is the same, and so is the analysis (the new version's carries that part over unchanged).
 * What lies in the edited scale set waits for its fresh analysis (hover), or is left out and asked for again
 * once that analysis is done (inlay hints; a CodeLens keeps its place and is resolved on the new analysis).
 */
export interface CarriedAnswers {
  readonly entry: CachedDocument;
  /** A position of the current text in the analysed one; undefined inside the edited scale set. */
  toAnalysed(position: Position): Position | undefined;
  /** A range of the analysed text in the current one; undefined when an edit crossed one of its ends. */
  toCurrent(range: Range): Range | undefined;
  /** Whether a range of the analysed text reaches into the edited scale set. */
  touchesEdited(range: Range): boolean;
  /** A range of the current text in the analysed one, an end inside the edited scale set moved to that scale set's end. */
  rangeToAnalysed(range: Range): Range;
}

export function carriedAnswers(ctx: ServerContext, document: TextDocument): CarriedAnswers | undefined {
  const around = ctx.cache.lastAnalysisAround(document);
  if (!around) return undefined;
  const { entry, edited, editedNow } = around;
  const lines = entry.doc.lines;
  const growth = editedNow.length - edited.length;
  return {
    entry,
    toAnalysed(position) {
      const now = document.offsetAt(position);
      if (now >= editedNow.offset && now <= editedNow.offset + editedNow.length) return undefined;
      return lines.positionAt(now < editedNow.offset ? now : now - growth);
    },
    toCurrent(range) {
      const start = lines.offsetAt(range.start);
      const moved = ctx.cache.mapSpan(document.uri, entry.version, { offset: start, length: lines.offsetAt(range.end) - start });
      return moved && { start: document.positionAt(moved.offset), end: document.positionAt(moved.offset + moved.length) };
    },
    rangeToAnalysed(range) {
      const end = (position: Position, start: boolean) =>
        this.toAnalysed(position) ?? lines.positionAt(start ? edited.offset : edited.offset + edited.length);
      return { start: end(range.start, true), end: end(range.end, false) };
    },
    touchesEdited(range) {
      return lines.offsetAt(range.end) >= edited.offset && lines.offsetAt(range.start) <= edited.offset + edited.length;
    },
  };
}
