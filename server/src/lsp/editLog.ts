import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** One change as offsets in the text it was applied to. */
interface Edit {
  /** The document version this change produced. */
  readonly version: number;
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

/** Past this many changes since the last analysis, mapping is not worth it: analyse again. */
const MAX_EDITS = 500;

/**
 * The changes applied to each open document, as offsets, so that spans of an older analysis can be
 * carried to the current text: completion on a large template then answers at once after a keystroke
 * instead of waiting for the whole document to be parsed again.
 */
export class EditLog {
  private readonly edits = new Map<string, Edit[]>();
  /** Per document, the newest version whose changes are not (or not all) in the log. */
  private readonly unmappedUpTo = new Map<string, number>();

  /** Hook for TextDocuments' update, called with the text before the changes. */
  record(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const log = this.edits.get(document.uri) ?? [];
    const change = changes[0];
    // A whole-text replacement, or several changes in one event (each in the text left by the one before),
    // is not recorded: spans from before it are not carried over.
    if (changes.length !== 1 || !change || !('range' in change)) {
      this.unmappedUpTo.set(document.uri, version);
      this.edits.set(document.uri, []);
      return;
    }
    const offset = document.offsetAt(change.range.start);
    log.push({ version, offset, removed: document.offsetAt(change.range.end) - offset, inserted: change.text.length });
    if (log.length > MAX_EDITS) this.unmappedUpTo.set(document.uri, log.splice(0, log.length - MAX_EDITS).at(-1)!.version);
    this.edits.set(document.uri, log);
  }

  /**
   * The span, given in the text of version `since`, in the current text; undefined when an edit since
   * then crossed one of its ends, or when the changes since then are not all known.
   */
  mapSpan(
    uri: string,
    since: number,
    span: { readonly offset: number; readonly length: number },
  ): { offset: number; length: number } | undefined {
    if ((this.unmappedUpTo.get(uri) ?? -Infinity) > since) return undefined;
    let start = span.offset;
    let end = span.offset + span.length;
    for (const e of this.edits.get(uri) ?? []) {
      if (e.version <= since) continue;
      const editEnd = e.offset + e.removed;
      const delta = e.inserted - e.removed;
      if (editEnd <= start) {
        start += delta; // before the span (an insertion right at its start included)
        end += delta;
      } else if (e.offset >= end) {
        continue; // after it (an insertion right after its end included)
      } else if (e.offset > start && editEnd <= end) {
        end += delta; // inside it
      } else {
        return undefined; // across one of its ends
      }
    }
    return { offset: start, length: end - start };
  }

  /**
   * True when there are changes since version `since`, all known, and each lies strictly inside the span
   * (given in the text of `since`, followed through the changes): the text around it is unchanged.
   */
  allInside(uri: string, since: number, span: { readonly offset: number; readonly length: number }): boolean {
    if ((this.unmappedUpTo.get(uri) ?? -Infinity) > since) return false;
    const start = span.offset;
    let end = span.offset + span.length;
    let any = false;
    for (const e of this.edits.get(uri) ?? []) {
      if (e.version <= since) continue;
      if (!(e.offset > start && e.offset + e.removed < end)) return false;
      end += e.inserted - e.removed;
      any = true;
    }
    return any;
  }

  /** Forget changes up to and including `version`: an analysis of that version exists. */
  analysed(uri: string, version: number): void {
    const log = this.edits.get(uri);
    if (log)
      this.edits.set(
        uri,
        log.filter((e) => e.version > version),
      );
  }

  forget(uri: string): void {
    this.edits.delete(uri);
    this.unmappedUpTo.delete(uri);
  }
}
