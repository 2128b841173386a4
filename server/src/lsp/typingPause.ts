import { LARGE_DOCUMENT } from '../core/limits';
import type { CancellationToken, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * While the user types in a large document (limits.ts: LARGE_DOCUMENT), requests that need a fresh
 * analysis (diagnostics, hover, hints, lenses, symbols, code actions) wait until typing pauses this long:
 * a full analysis takes a large part of a second, during which nothing else is served.
 */
export const PAUSE_MS = 400;

/**
 * The pause when the next analysis is a quick one (the edits lie inside one scale set, whose analysis is
 * carried over for the rest: tens of milliseconds). Short, so fresh diagnostics follow a keystroke at once,
 * yet long enough that fast typing does not analyse every character while completion waits behind it.
 */
export const QUICK_PAUSE_MS = 75;

export type PauseResult = 'paused' | 'changed' | 'cancelled';

/** What the pause asks of the document cache: is this version analysed, and is its analysis a quick one? */
export interface AnalysisCost {
  analysed(document: TextDocument): boolean;
  quick(document: TextDocument): boolean;
}

export class TypingPause {
  /** When each document last changed (not counting its opening). */
  private readonly changedAt = new Map<string, number>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cost: AnalysisCost = { analysed: () => false, quick: () => false },
  ) {}

  /** How long after its last change requests on this document wait: 0 for a small or already analysed one. */
  pauseFor(document: TextDocument): number {
    if (document.getText().length < LARGE_DOCUMENT || this.cost.analysed(document)) return 0;
    return this.cost.quick(document) ? QUICK_PAUSE_MS : PAUSE_MS;
  }

  changed(uri: string): void {
    this.changedAt.set(uri, Date.now());
  }

  forget(uri: string): void {
    this.changedAt.delete(uri);
  }

  /**
   * For a large document edited less than its pause ago (pauseFor): waits out the rest of the pause. 'changed'
   * when it was edited meanwhile (wait again for the newer text), 'cancelled' when the request was.
   */
  async wait(document: TextDocument, token: CancellationToken): Promise<PauseResult> {
    const pause = this.pauseFor(document);
    if (pause === 0) return 'paused';
    const changedAt = this.changedAt.get(document.uri) ?? 0;
    const rest = changedAt + pause - Date.now();
    if (rest <= 0) return 'paused';
    await new Promise((resolve) => setTimeout(resolve, rest));
    if (token.isCancellationRequested) return 'cancelled';
    const unchanged = this.documents.get(document.uri)?.version === document.version && this.changedAt.get(document.uri) === changedAt;
    return unchanged ? 'paused' : 'changed';
  }
}
