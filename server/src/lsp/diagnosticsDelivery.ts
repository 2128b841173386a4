import type {
  CancellationToken,
  Connection,
  Diagnostic,
  DiagnosticServerCancellationData,
  DocumentDiagnosticReport,
  TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runSafe, type Logger } from './runSafe';
import type { TypingPause } from './typingPause';

/** How long typing must pause before pushed diagnostics are recomputed. */
export const PUSH_DEBOUNCE_MS = 150;

/**
 * Delivers diagnostics in the model the client supports: answered on demand when it pulls
 * (`textDocument/diagnostic`), else pushed (`publishDiagnostics`) after a short debounce. A result is
 * never delivered for text older than the document's current version.
 */
export class DiagnosticsDelivery {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The last version seen per document. */
  private readonly seenVersion = new Map<string, number>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly logger: Logger,
    private readonly compute: (document: TextDocument) => Promise<Diagnostic[]>,
    private readonly mode: () => { pull: boolean; refresh: boolean },
    private readonly typing: TypingPause,
  ) {}

  /** Registers the pull handler (only used when the client announced pull support). */
  listen(): void {
    this.connection.languages.diagnostics.on(async (params, token) => {
      return runSafe<DocumentDiagnosticReport, DiagnosticServerCancellationData>(
        this.logger,
        `computing diagnostics for ${params.textDocument.uri}`,
        token,
        () => this.pull(params.textDocument.uri, params.previousResultId, token),
      );
    });
  }

  private async pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    for (;;) {
      const document = this.documents.get(uri);
      if (!document) return { kind: 'full', items: [] };
      const resultId = `${document.version}:${this.generation}`;
      if (resultId === previousResultId) return { kind: 'unchanged', resultId };
      const pause = await this.typing.wait(document, token);
      if (pause === 'cancelled') return { kind: 'full', items: [] }; // runSafe answers RequestCancelled
      if (pause === 'changed') continue;
      const items = await this.compute(document);
      // The text changed while settings were fetched: answer for the newer text instead.
      if (this.documents.get(uri)?.version === document.version) return { kind: 'full', resultId, items };
    }
  }

  /** The document opened or changed. */
  changed(document: TextDocument, opened: boolean): void {
    // Opening fires both "opened" and "changed" for one version: act once.
    if (this.seenVersion.get(document.uri) === document.version) return;
    this.seenVersion.set(document.uri, document.version);
    if (!opened) this.typing.changed(document.uri);
    if (this.mode().pull) return;
    // A freshly opened document is checked at once; typing waits for a pause (a longer one in large files).
    this.schedule(document.uri, opened ? 0 : Math.max(this.typing.pauseFor(document), PUSH_DEBOUNCE_MS));
  }

  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.seenVersion.delete(uri);
    this.typing.forget(uri);
    if (!this.mode().pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Something outside the text changed (settings, config file, a parameters file): recompute. */
  refresh(uris: readonly string[] = this.documents.keys()): void {
    this.generation++;
    const { pull, refresh } = this.mode();
    if (pull) {
      if (refresh) void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const uri of uris) this.schedule(uri, 0);
  }

  private schedule(uri: string, delay: number): void {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.push(uri);
      }, delay),
    );
  }

  private async push(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = await this.compute(document);
      if (this.documents.get(uri)?.version !== document.version) return; // newer text: its own run publishes
      await this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.logger.error(`Error while computing diagnostics for ${uri}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}
