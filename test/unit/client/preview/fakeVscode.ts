/**
 * A small in-memory stand-in for the parts of the `vscode` API the preview panel host uses, so its
 * behaviour (HTML and options, refresh on ready and on edits, banner on broken JSON, reveal, copy, save,
 * revive, following editors) is tested without VS Code. Installed by intercepting require('vscode').
 */
import Module from 'node:module';
import { TextDocument } from 'vscode-languageserver-textdocument';

type Listener<T> = (e: T) => void;
export class Emitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (l: Listener<T>) => {
    this.listeners.push(l);
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((x) => x !== l);
      },
    };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
}

export class FakeUri {
  constructor(readonly value: string) {}
  get path(): string {
    return this.value.replace(/^[a-z]+:\/\/[^/]*/, '');
  }
  toString(): string {
    return this.value;
  }
  static parse(v: string): FakeUri {
    return new FakeUri(v);
  }
  static joinPath(u: FakeUri, ...parts: string[]): FakeUri {
    const segments = u.value.split('/');
    for (const p of parts) {
      if (p === '..') segments.pop();
      else segments.push(p);
    }
    return new FakeUri(segments.join('/'));
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}

export interface FakeDocument {
  readonly uri: FakeUri;
  text: string;
  getText(): string;
  positionAt(offset: number): Position;
  offsetAt(p: Position): number;
}

export function fakeDocument(uri: string, text: string): FakeDocument {
  const doc = {
    uri: new FakeUri(uri),
    text,
    getText: () => doc.text,
    positionAt: (offset: number) => {
      const p = TextDocument.create(uri, 'json', 1, doc.text).positionAt(offset);
      return new Position(p.line, p.character);
    },
    offsetAt: (p: Position) => TextDocument.create(uri, 'json', 1, doc.text).offsetAt(p),
  };
  return doc;
}

export interface FakePanel {
  title: string;
  readonly webview: {
    options: unknown;
    html: string;
    readonly cspSource: string;
    readonly posted: unknown[];
    receive(m: unknown): void;
    asWebviewUri(u: FakeUri): FakeUri;
    postMessage(m: unknown): Promise<boolean>;
    onDidReceiveMessage: Emitter<unknown>['event'];
  };
  revealed: number;
  disposed: boolean;
  reveal(): void;
  onDidDispose: Emitter<void>['event'];
  dispose(): void;
}

export function fakePanel(): FakePanel {
  const received = new Emitter<unknown>();
  const disposed = new Emitter<void>();
  const posted: unknown[] = [];
  const panel: FakePanel = {
    title: '',
    revealed: 0,
    disposed: false,
    webview: {
      options: undefined,
      html: '',
      cspSource: 'https://fake.vscode-cdn.net',
      posted,
      receive: (m) => received.fire(m),
      asWebviewUri: (u) => new FakeUri(`https://fake.vscode-cdn.net${u.path}`),
      postMessage: async (m) => {
        posted.push(JSON.parse(JSON.stringify(m)));
        return true;
      },
      onDidReceiveMessage: received.event,
    },
    reveal: () => {
      panel.revealed++;
    },
    onDidDispose: disposed.event,
    dispose: () => {
      if (panel.disposed) return;
      panel.disposed = true;
      disposed.fire();
    },
  };
  return panel;
}

/** The fake API plus what the tests inspect. */
export function createFakeVscode() {
  const changeDocument = new Emitter<{ document: FakeDocument }>();
  const changeEditor = new Emitter<{ document: FakeDocument } | undefined>();
  const state = {
    documents: [] as FakeDocument[],
    panels: [] as { viewType: string; options: unknown; panel: FakePanel }[],
    serializers: new Map<string, { deserializeWebviewPanel(panel: FakePanel, state: unknown): Promise<void> }>(),
    shown: [] as { uri: string; selection: Range }[],
    clipboard: [] as string[],
    written: [] as { uri: string; content: string }[],
    saveTarget: undefined as FakeUri | undefined,
    activeEditor: undefined as { document: FakeDocument } | undefined,
  };
  const api = {
    Uri: FakeUri,
    Range,
    Position,
    ViewColumn: { One: 1, Beside: -2 },
    TextEditorRevealType: { InCenterIfOutsideViewport: 2 },
    window: {
      get activeTextEditor() {
        return state.activeEditor;
      },
      visibleTextEditors: [] as unknown[],
      onDidChangeActiveTextEditor: changeEditor.event,
      createWebviewPanel: (viewType: string, _title: string, _column: unknown, options: unknown) => {
        const panel = fakePanel();
        state.panels.push({ viewType, options, panel });
        return panel;
      },
      registerWebviewPanelSerializer: (
        viewType: string,
        s: { deserializeWebviewPanel(panel: FakePanel, state: unknown): Promise<void> },
      ) => {
        state.serializers.set(viewType, s);
        return { dispose: () => state.serializers.delete(viewType) };
      },
      showTextDocument: async (uri: FakeUri, options: { selection: Range }) => {
        state.shown.push({ uri: uri.toString(), selection: options.selection });
        return { revealRange: () => undefined };
      },
      showSaveDialog: async () => state.saveTarget,
      setStatusBarMessage: () => ({ dispose: () => undefined }),
    },
    workspace: {
      get textDocuments() {
        return state.documents;
      },
      onDidChangeTextDocument: changeDocument.event,
      openTextDocument: async (uri: FakeUri) => {
        const d = state.documents.find((x) => x.uri.toString() === uri.toString());
        if (!d) throw new Error(`no document ${uri.toString()}`);
        return d;
      },
      fs: {
        writeFile: async (uri: FakeUri, content: Uint8Array) => {
          state.written.push({ uri: uri.toString(), content: new TextDecoder().decode(content) });
        },
      },
      workspaceFolders: [] as unknown[],
    },
    env: {
      clipboard: {
        writeText: async (t: string) => {
          state.clipboard.push(t);
        },
      },
    },
  };
  return { api, state, changeDocument, changeEditor };
}

/** Makes require('vscode') return `api` from now on. */
export function installVscode(api: unknown): void {
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = m._load;
  m._load = function load(this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? api : original.call(this, request, ...rest);
  };
}

/** Polls (no fixed sleep) until `check` returns a value, or fails after `ms`. */
export async function until<T>(check: () => T | undefined | false, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
