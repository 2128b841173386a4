import { commands, EventEmitter, languages, window, workspace, type Disposable, type TextDocument, type Uri } from 'vscode';
import type { ScaleSetsRequest } from '../../server/src/protocol';
import { DOCUMENT_SELECTOR } from './languageClient';
import type { ServerApi } from './serverApi';

/** Context key: file paths of the visible documents that hold scale sets (for menus). */
const CONTEXT_KEY = 'vmssUpgrade.templatePaths';
const DEBOUNCE_MS = 300;
const RETRY_MS = 500;

/**
 * Knows which visible documents are templates with scale sets, by asking the server
 * (`vmssUpgrade/scaleSets`) when they become visible and after edits. Feeds the status bar and the
 * "when a template" context key of the editor-title button.
 */
export class TemplateTracker implements Disposable {
  /** By URI: the server's last answer, and the file path the menus' context key uses. */
  private readonly known = new Map<string, { readonly result: ScaleSetsRequest.Result; readonly path: string }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new EventEmitter<Uri>();
  private readonly subscriptions: Disposable[];
  private ready = false;
  readonly onDidChange = this.changed.event;

  constructor(private readonly api: ServerApi) {
    this.subscriptions = [
      this.changed,
      window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      workspace.onDidChangeTextDocument((e) => e.contentChanges.length > 0 && this.schedule(e.document, DEBOUNCE_MS)),
      workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    ];
  }

  /** The server is running (again): ask about every visible document. */
  setReady(ready: boolean): void {
    this.ready = ready;
    if (ready) this.refreshVisible();
  }

  get(uri: Uri): ScaleSetsRequest.Result | undefined {
    return this.known.get(uri.toString())?.result;
  }

  /** Asks the server now (after a change it cannot see, such as another parameters file). */
  async refresh(document: TextDocument, attempt = 0): Promise<ScaleSetsRequest.Result | undefined> {
    if (!this.ready || languages.match(DOCUMENT_SELECTOR, document) === 0) return undefined;
    let result: ScaleSetsRequest.Result;
    try {
      result = await this.api.scaleSets(document.uri);
    } catch {
      return undefined;
    }
    // -1: the server has not seen the document yet (it was opened a moment ago); ask again shortly.
    if (result.version === -1 && attempt < 3 && !document.isClosed) {
      this.schedule(document, RETRY_MS, attempt + 1);
      return undefined;
    }
    const key = document.uri.toString();
    if (result.scaleSets.length > 0) this.known.set(key, { result, path: document.uri.fsPath });
    else this.known.delete(key);
    this.publish(document.uri);
    return result;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const s of this.subscriptions) s.dispose();
  }

  private refreshVisible(): void {
    for (const editor of window.visibleTextEditors) if (!this.known.has(editor.document.uri.toString())) this.schedule(editor.document, 0);
  }

  private schedule(document: TextDocument, delay: number, attempt = 0): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.refresh(document, attempt);
      }, delay),
    );
  }

  private forget(uri: Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    if (this.known.delete(key)) this.publish(uri);
  }

  private publish(uri: Uri): void {
    void commands.executeCommand(
      'setContext',
      CONTEXT_KEY,
      [...this.known.values()].map((k) => k.path),
    );
    this.changed.fire(uri);
  }
}
