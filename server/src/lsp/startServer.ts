import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyContentChanges } from './applyChanges';
import { getLanguageService } from '../core/languageService';
import { saysParametersFile } from '../core/relevance';
import { DiagnosticsDelivery } from './diagnosticsDelivery';
import { DocumentCache } from './documentCache';
import { EditLog } from './editLog';
import { registerFeatureHandlers } from './featureHandlers';
import { isParametersFileName } from '../host/parametersDiscovery';
import { ParametersFiles } from './parametersFiles';
import { ShowPreviewCommand, TunePolicyCommand, type SetBaselineNotification, type SetParametersFileNotification } from '../protocol';
import { Baselines } from './baselines';
import { analyse, type ClientSupport, type ServerContext } from './serverContext';
import { SettingsStore } from './settings';
import { TypingPause } from './typingPause';
import { CONFIG_FILE_NAME, fileKey, WorkspaceConfig } from '../host/workspaceConfig';

export interface ServerRuntime {
  readonly name: string;
  readonly version: string;
  /** Base URL of the rule pages (`<base><rule-id>.md`), e.g. the docs/rules folder shipped beside dist/; the published pages when absent. */
  readonly docsBase?: string;
}

/** Wires the connection: capabilities, document sync, settings, configuration files, features. */
export function startServer(connection: Connection, runtime: ServerRuntime): void {
  const edits = new EditLog();
  const documents = new TextDocuments({
    create: TextDocument.create,
    update: (document, changes, version) => {
      edits.record(document, changes, version);
      return applyContentChanges(document, changes, version);
    },
  });
  const support: ClientSupport = {
    configuration: false,
    pullDiagnostics: false,
    diagnosticRefresh: false,
    dynamicWatchers: false,
    dynamicConfiguration: false,
    codeActionResolve: false,
    inlayHintRefresh: false,
    codeLensRefresh: false,
  };
  const logger = { error: (message: string) => connection.console.error(message) };
  const parameters = new ParametersFiles((uri) => {
    const open = documents.get(uri) ?? documents.all().find((d) => fileKey(d.uri) === fileKey(uri));
    return open ? { text: open.getText(), version: open.version } : undefined;
  });
  let cache: DocumentCache | undefined;
  const typing = new TypingPause(documents, {
    analysed: (document) => cache?.isAnalysed(document) === true,
    quick: (document) => cache?.editsInsideOneScaleSet(document) === true,
  });
  const ls = getLanguageService({
    previewCommand: ShowPreviewCommand.command,
    tuneCommand: TunePolicyCommand.command,
    docsBase: runtime.docsBase,
  });
  const ctx: ServerContext = {
    support,
    typing,
    connection,
    documents,
    cache: (cache = new DocumentCache(ls, parameters, edits)),
    settings: new SettingsStore(connection, () => support.configuration),
    workspaceConfig: new WorkspaceConfig(),
    parameters,
    baselines: new Baselines(ls, parameters),
    ls,
    logger,
    reportedProblems: new Set(),
    staleViews: new Set(),
    refreshViews: () => {
      if (support.inlayHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
      if (support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
  };
  const delivery = new DiagnosticsDelivery(
    connection,
    documents,
    logger,
    async (document) => [...(await analyse(ctx, document)).diagnostics],
    () => ({ pull: support.pullDiagnostics, refresh: support.diagnosticRefresh }),
    typing,
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    support.configuration = caps.workspace?.configuration === true;
    support.pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    support.diagnosticRefresh = caps.workspace?.diagnostics?.refreshSupport === true;
    support.dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    support.dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    support.codeActionResolve = caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    support.inlayHintRefresh = caps.workspace?.inlayHint?.refreshSupport === true;
    support.codeLensRefresh = caps.workspace?.codeLens?.refreshSupport === true;
    ctx.workspaceConfig.setWorkspaceFolders(
      (params.workspaceFolders ?? []).map((f) => f.uri).concat(params.rootUri ? [params.rootUri] : []),
    );
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true },
        codeLensProvider: { resolveProvider: true },
        inlayHintProvider: true,
        documentSymbolProvider: true,
        ...(support.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'vmss-upgrade', interFileDependencies: true, workspaceDiagnostics: false } }
          : {}),
      },
      serverInfo: { name: runtime.name, version: runtime.version },
    };
  });

  connection.onInitialized(() => {
    if (support.dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'vmssUpgrade' });
    if (support.dynamicWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*.parameters.json' }, { globPattern: '**/*.bicepparam' }],
      });
    }
  });

  /**
   * Diagnostics are re-delivered by `delivery`; inlay hints and CodeLenses are pulled by the client, so it
   * must be told that their numbers changed (a new parameters file changes capacity, settings change both).
   */
  const recheck = (uris?: readonly string[]) => {
    delivery.refresh(uris);
    ctx.refreshViews();
  };

  connection.onDidChangeConfiguration((change) => {
    ctx.settings.changed(change.settings);
    recheck();
  });

  connection.onDidChangeWatchedFiles((change) => {
    let configChanged = false;
    const templates = new Set<string>();
    for (const file of change.changes) {
      if (file.uri.endsWith(`/${CONFIG_FILE_NAME}`)) configChanged = true;
      else {
        ctx.parameters.changedOnDisk(file.uri);
        for (const t of ctx.parameters.templatesUsing(file.uri, documents.keys())) templates.add(t);
      }
    }
    if (configChanged) ctx.workspaceConfig.invalidate();
    if (configChanged || templates.size > 0) recheck(configChanged ? undefined : [...templates]);
  });

  connection.onNotification(
    'vmssUpgrade/setParametersFile' satisfies typeof SetParametersFileNotification.method,
    (params: SetParametersFileNotification.Params) => {
      ctx.parameters.choose(params.templateUri, params.parametersUri);
      recheck([params.templateUri]);
    },
  );

  connection.onNotification(
    'vmssUpgrade/setBaseline' satisfies typeof SetBaselineNotification.method,
    (params: SetBaselineNotification.Params) => {
      ctx.baselines.set(params.templateUri, params.baseline);
      if (support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    },
  );

  registerFeatureHandlers(ctx);
  delivery.listen();

  documents.onDidOpen((e) => delivery.changed(e.document, true));
  documents.onDidChangeContent((e) => {
    delivery.changed(e.document, false);
    // An edited parameters file feeds the templates that use it: check them again.
    if (isParametersFileName(e.document.uri) || saysParametersFile(firstLines(e.document.getText()))) {
      const templates = ctx.parameters.templatesUsing(e.document.uri, documents.keys());
      if (templates.length > 0) recheck(templates);
    }
  });
  documents.onDidClose((e) => {
    ctx.cache.delete(e.document.uri);
    ctx.settings.forget(e.document.uri);
    ctx.baselines.forget(e.document.uri);
    delivery.closed(e.document.uri);
    const templates = ctx.parameters.templatesUsing(e.document.uri, documents.keys());
    if (templates.length > 0) delivery.refresh(templates);
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * The first five lines of a text, found without TextDocument's line offsets (getText(range) computes them for
 * the whole document: 11 ms on 6 MB, at every open and change).
 */
function firstLines(text: string): string {
  let end = -1;
  for (let line = 0; line < 5; line++) {
    end = text.indexOf('\n', end + 1);
    if (end === -1) return text;
  }
  return text.slice(0, end + 1);
}
