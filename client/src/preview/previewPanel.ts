/**
 * One upgrade-preview panel (webview-sample's panel class): created or revealed by the command, revived
 * after a window reload, following the active template, re-simulated on edits (debounced request to the
 * language server), and answering the webview's reveal / copy / save messages. Everything it receives
 * from the webview goes through parseWebviewMessage first.
 */
import { parse, printParseErrorCode } from 'jsonc-parser';
import type { ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';
import { formatOf } from '../../../server/src/core/languageService';
import type { AdviseRequest, ChangeImpactRequest, PolicyEditRequest, ScaleSetsRequest } from '../../../server/src/protocol';
import { parsePersistedState, parseWebviewMessage } from '../../../webview/src/protocol';
import type { HostMessage, Range, ScaleSetTarget, WebviewMessage } from '../../../webview/src/protocol';
import { previewHtml } from './html';
import { createNonce } from './nonce';
import { toPreviewChangeImpact, toPreviewScaleSet } from './toPreview';

export const PREVIEW_VIEW_TYPE = 'vmssUpgrade.preview';
/** Edits arrive per keystroke; one request after a short pause keeps keystroke → picture under 100 ms. */
const DEBOUNCE_MS = 40;

export interface PreviewDeps {
  /** The language server's `vmssUpgrade/scaleSets` request (ServerApi.scaleSets fits). */
  scaleSets(uri: vscode.Uri): Promise<ScaleSetsRequest.Result>;
  /** The language server's `vmssUpgrade/changeImpact` request: the template against its baseline. */
  changeImpact?(uri: vscode.Uri): Promise<ChangeImpactRequest.Result>;
  /** The language server's `vmssUpgrade/advise` request (ServerApi.advise fits): the preview's advisor. */
  advise?(uri: vscode.Uri, params: Omit<AdviseRequest.Params, 'textDocument'>): Promise<AdviseRequest.Result>;
  /** Writes a policy the advice evaluated (ServerApi.applyPolicy fits): null when written, else why not. */
  applyPolicy?(uri: vscode.Uri, version: number, params: Omit<PolicyEditRequest.Params, 'textDocument'>): Promise<string | null>;
  /** Where to report ignored messages and failures; the console when absent. */
  log?(message: string): void;
}

export interface PreviewTarget {
  readonly uri: string;
  readonly path?: readonly (string | number)[];
  readonly name?: string;
  readonly section?: 'changeImpact';
}

export class PreviewPanel implements vscode.Disposable {
  static current: PreviewPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  private select: ScaleSetTarget | null = null;

  static createOrShow(context: vscode.ExtensionContext, deps: PreviewDeps, target: PreviewTarget | undefined): void {
    const uri = target ? vscode.Uri.parse(target.uri) : vscode.window.activeTextEditor?.document.uri;
    const select =
      target && (target.path || target.name)
        ? {
            ...(target.path ? { path: target.path } : {}),
            ...(target.name ? { name: target.name } : {}),
            ...(target.section ? { section: target.section } : {}),
          }
        : null;
    if (PreviewPanel.current) {
      PreviewPanel.current.panel.reveal(undefined, true);
      PreviewPanel.current.follow(uri, select);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Upgrade preview',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      PreviewPanel.options(context),
    );
    PreviewPanel.current = new PreviewPanel(panel, context, deps, uri, select);
  }

  /** From the WebviewPanelSerializer after a reload: the webview's saved state names the template. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, deps: PreviewDeps, state: unknown): void {
    const saved = parsePersistedState(state);
    const uri = saved?.uri ? vscode.Uri.parse(saved.uri) : vscode.window.activeTextEditor?.document.uri;
    PreviewPanel.current?.dispose();
    PreviewPanel.current = new PreviewPanel(panel, context, deps, uri, saved?.selectedPath ? { path: saved.selectedPath } : null);
  }

  static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist')] };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly deps: PreviewDeps,
    private uri: vscode.Uri | undefined,
    select: ScaleSetTarget | null,
  ) {
    this.select = select;
    const webview = panel.webview;
    webview.options = PreviewPanel.options(context);
    const dist = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', file)).toString();
    webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: dist('webview.js'),
      styleUri: dist('webview.css'),
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((data: unknown) => this.onMessage(data)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.uri && e.document.uri.toString() === this.uri.toString()) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.uri.toString() !== this.uri?.toString()) void this.followIfTemplate(editor.document.uri);
      }),
    );
    this.updateTitle();
  }

  /** The baseline changed (Compare With…): draw the template again with the new change impact. */
  refreshImpact(uri: vscode.Uri): void {
    if (this.uri?.toString() === uri.toString()) this.schedule(0);
  }

  private follow(uri: vscode.Uri | undefined, select: ScaleSetTarget | null): void {
    const same = uri?.toString() === this.uri?.toString();
    this.uri = uri ?? this.uri;
    this.select = select;
    this.updateTitle();
    if (same && select) this.post({ type: 'select', target: select });
    this.schedule(0);
  }

  /** Switch to another editor's document only when it is a template with a scale set. */
  private async followIfTemplate(uri: vscode.Uri): Promise<void> {
    try {
      const result = await this.deps.scaleSets(uri);
      if (result.scaleSets.length > 0 && vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.follow(uri, null);
    } catch {
      // Not a document the server knows: keep following the current template.
    }
  }

  private schedule(delay = DEBOUNCE_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    this.timer = undefined;
    if (!this.ready || !this.uri) return;
    const uri = this.uri;
    const seq = ++this.sequence;
    const document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
    const text = document.getText();
    const errors: ParseError[] = [];
    // A JSON template that does not parse gets a banner; Bicep is read by the server's tolerant parser.
    if (formatOf(uri.toString(), document.languageId) === 'json') parse(text, errors, { allowTrailingComma: true });
    let message: HostMessage;
    if (errors.length > 0) {
      const at = document.positionAt(errors[0]!.offset);
      message = {
        type: 'documentError',
        uri: uri.toString(),
        message: `${printParseErrorCode(errors[0]!.error)} at line ${at.line + 1}, column ${at.character + 1}`,
      };
    } else {
      try {
        const [result, impact] = await Promise.all([
          this.deps.scaleSets(uri),
          // Change impact is an extra: a server that cannot answer it still gets its picture drawn.
          this.deps.changeImpact?.(uri).catch(() => undefined),
        ]);
        const positions = {
          uri: uri.toString(),
          languageId: document.languageId,
          text,
          offsetAt: (p: { line: number; character: number }) => document.offsetAt(new vscode.Position(p.line, p.character)),
          rangeAt: (start: number, end: number): Range => toRange(new vscode.Range(document.positionAt(start), document.positionAt(end))),
        };
        message = {
          type: 'document',
          uri: uri.toString(),
          label: uri.path.split('/').pop() ?? uri.toString(),
          version: result.version,
          scaleSets: result.scaleSets.map((s) => toPreviewScaleSet(s, positions)),
          select: this.select,
          changeImpact: impact ? toPreviewChangeImpact(impact) : null,
        };
        this.select = null;
      } catch (e) {
        message = {
          type: 'documentError',
          uri: uri.toString(),
          message: `the language server could not answer (${e instanceof Error ? e.message : String(e)})`,
        };
      }
    }
    if (seq === this.sequence) this.post(message);
  }

  private onMessage(data: unknown): void {
    const m: WebviewMessage | undefined = parseWebviewMessage(data);
    if (!m) {
      this.log(`preview: ignored a malformed message from the webview (${JSON.stringify(data)?.slice(0, 200)})`);
      return;
    }
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.schedule(0);
        return;
      case 'reveal':
        void this.reveal(vscode.Uri.parse(m.uri), m.range);
        return;
      case 'copy':
        void vscode.env.clipboard
          .writeText(m.text)
          .then(() => vscode.window.setStatusBarMessage('Upgrade summary copied as markdown', 3000));
        return;
      case 'save':
        void this.save(m.fileName, m.format, m.content);
        return;
      case 'log':
        this.log(`preview webview (${m.level}): ${m.message}`);
        return;
      case 'advise':
        void this.advise(m);
        return;
      case 'applyPolicy':
        void this.applyPolicy(m);
        return;
    }
  }

  private async advise(m: Extract<WebviewMessage, { type: 'advise' }>): Promise<void> {
    const reply = (version: number, result: AdviseRequest.Result['result'], error: string | null) =>
      this.post({ type: 'advice', requestId: m.requestId, version, result, error });
    if (!this.deps.advise) return reply(-1, null, 'this language server has no advisor');
    try {
      const { version, result } = await this.deps.advise(vscode.Uri.parse(m.uri), { path: m.path, goals: m.goals, whatIf: m.whatIf });
      reply(version, result, null);
    } catch (e) {
      reply(-1, null, e instanceof Error ? e.message : String(e));
    }
  }

  private async applyPolicy(m: Extract<WebviewMessage, { type: 'applyPolicy' }>): Promise<void> {
    if (!this.deps.applyPolicy)
      return this.post({ type: 'policyApplied', ok: false, message: 'This language server cannot write policies.' });
    try {
      const refused = await this.deps.applyPolicy(vscode.Uri.parse(m.uri), m.version, {
        path: m.path,
        policy: m.policy,
        goals: m.goals,
        whatIf: m.whatIf,
      });
      this.post({ type: 'policyApplied', ok: refused === null, message: refused ?? 'Policy written into the template (Undo reverts it).' });
    } catch (e) {
      this.post({
        type: 'policyApplied',
        ok: false,
        message: `The language server could not write it (${e instanceof Error ? e.message : String(e)}).`,
      });
    }
  }

  private async reveal(uri: vscode.Uri, range: Range): Promise<void> {
    const r = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const editor = await vscode.window.showTextDocument(uri, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      selection: r,
      preserveFocus: false,
    });
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async save(fileName: string, format: 'json' | 'svg', content: string): Promise<void> {
    const folder = this.uri ? vscode.Uri.joinPath(this.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: format === 'json' ? { JSON: ['json'] } : { SVG: ['svg'] },
    });
    if (target) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private updateTitle(): void {
    const name = this.uri?.path.split('/').pop();
    this.panel.title = name ? `Upgrade preview: ${name}` : 'Upgrade preview';
  }

  private log(message: string): void {
    if (this.deps.log) this.deps.log(message);
    else console.warn(message);
  }

  dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.panel.dispose();
    while (this.disposables.length > 0) this.disposables.pop()?.dispose();
  }
}

function toRange(r: vscode.Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}
