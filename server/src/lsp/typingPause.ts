import { LARGE_DOCUMENT } from '../core/limits';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * While the user types in a large document (limits.ts: LARGE_DOCUMENT), requests that need a fresh
 * analysis (diagnostics, hover, hints, lenses, symbols, code actions) wait until typing pauses this long.
 */
export const PAUSE_MS = 400;

export type PauseResult = 'paused' | 'changed' | 'cancelled';

export class TypingPause {
  /** When each document last changed (not counting its opening). */
  private readonly changedAt = new Map<string, number>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  changed(uri: string): void {
    this.changedAt.set(uri, Date.now());
  }

  forget(uri: string): void {
    this.changedAt.delete(uri);
  }

  /**
   * For a large document edited less than PAUSE_MS ago: waits out the rest of the pause. 'changed' when it
   * was edited meanwhile (wait again for the newer text), 'cancelled' when the request was.
   */
  async wait(document: TextDocument, token: CancellationToken): Promise<PauseResult> {
    if (document.getText().length < LARGE_DOCUMENT) return 'paused';
    const changedAt = this.changedAt.get(document.uri) ?? 0;
    const rest = changedAt + PAUSE_MS - Date.now();
    if (rest <= 0) return 'paused';
    await new Promise((resolve) => setTimeout(resolve, rest));
    if (token.isCancellationRequested) return 'cancelled';
    const unchanged = this.documents.get(document.uri)?.version === document.version && this.changedAt.get(document.uri) === changedAt;
    return unchanged ? 'paused' : 'changed';
  }
}
