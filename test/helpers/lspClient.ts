import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/**
 * Starts the built server (dist/server.js) over stdio and talks LSP to it, the way an editor does: the
 * Volar test-utils pattern. Answers `workspace/configuration` from an in-memory settings object and
 * records pushed diagnostics, so tests await real messages instead of sleeping.
 */
export const ROOT = join(import.meta.dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');

export interface Published {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly { code?: string | number; message: string; range: unknown; source?: string }[];
}

export interface ClientOptions {
  /** Announce pull diagnostics (textDocument.diagnostic); otherwise the server pushes. */
  readonly pull?: boolean;
  readonly settings?: Record<string, unknown>;
  readonly workspaceFolder?: string;
  /** The client capabilities to announce instead of the minimal set below (the fuzzer sends VS Code's). */
  readonly capabilities?: Record<string, unknown>;
  /** Another build of the server to start (the fuzzer can compare builds); dist/server.js by default. */
  readonly server?: string;
  /** Node options for the server process (e.g. a heap limit). */
  readonly nodeOptions?: readonly string[];
}

export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** `vmssUpgrade` section answered to workspace/configuration; tests may change it. */
  settings: Record<string, unknown>;
  readonly configurationRequests: unknown[] = [];
  private readonly published: Published[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly exit: Promise<number | null>;
  stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [...(options.nodeOptions ?? []), options.server ?? SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.exit = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    const reader = new StreamMessageReader(this.process.stdout!);
    // A server killed half-way through writing a message leaves the reader waiting for the rest: its
    // partial-message timer re-arms every 10 s for ever (vscode-jsonrpc's ReadableStreamMessageReader, which
    // dispose() does not stop), and held the fuzz driver's test process open. Once the process has gone
    // there is nothing to wait for: no new timer, and the one armed (a private field) stopped.
    this.process.on('exit', () => {
      reader.partialMessageTimeout = 0;
      (reader as unknown as { partialMessageTimer?: { dispose(): void } }).partialMessageTimer?.dispose();
    });
    this.connection = createMessageConnection(reader, new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string; scopeUri?: string }[] }) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'vmssUpgrade' ? this.settings : null));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    for (const method of ['workspace/inlayHint/refresh', 'workspace/codeLens/refresh']) {
      this.connection.onRequest(method, () => {
        this.viewRefreshes.push(method);
        this.notify();
        return null;
      });
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.published.push(params);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  refreshes = 0;
  /** Inlay-hint and CodeLens refresh requests the server sent, in order. */
  readonly viewRefreshes: string[] = [];

  async initialize(): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
    const folder = this.options.workspaceFolder;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).toString() : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).toString(), name: 'ws' }] : null,
      capabilities: this.options.capabilities ?? {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
          codeLens: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown'] },
          codeAction: {
            resolveSupport: { properties: ['edit'] },
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor'] } },
          },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string, version = 1, languageId = 'json'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Incremental change: replaces `range` with `text`. */
  change(uri: string, version: number, range: { start: Position; end: Position }, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  request<R = unknown>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  pullDiagnostics(uri: string): Promise<{ kind: string; items: Published['diagnostics']; resultId?: string }> {
    return this.request('textDocument/diagnostic', { textDocument: { uri } });
  }

  /** Resolves with the first pushed diagnostics for `uri` that satisfy `accept`, waiting for new ones. */
  async waitForDiagnostics(uri: string, accept: (p: Published) => boolean = () => true, timeoutMs = 10_000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    let seen = 0;
    for (;;) {
      for (; seen < this.published.length; seen++) {
        const p = this.published[seen]!;
        if (p.uri === uri && accept(p)) return p;
      }
      if (Date.now() > deadline)
        throw new Error(
          `no matching diagnostics for ${uri} within ${timeoutMs} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => p.diagnostics.map((d) => d.code)))}`,
        );
      await this.nextMessage(deadline - Date.now());
    }
  }

  /** Waits until `condition` holds, re-checking after every message from the server. */
  async until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await this.nextMessage(deadline - Date.now());
    }
  }

  pushedFor(uri: string): readonly Published[] {
    return this.published.filter((p) => p.uri === uri);
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exit;
    this.connection.dispose();
    return code;
  }

  /** For tests that failed half-way: make sure no server outlives them. */
  kill(): void {
    if (this.process.exitCode === null) this.process.kill();
  }

  private nextMessage(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(1, timeoutMs));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

interface Position {
  readonly line: number;
  readonly character: number;
}

/** The position of `needle`'s first occurrence in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`"${needle}" not in text`);
  const before = text.slice(0, offset + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
