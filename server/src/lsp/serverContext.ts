import type { CancellationToken, Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../core/rules';
import type { DocumentProblems, LanguageService } from '../core/languageService';
import type { Baselines } from './baselines';
import type { CachedDocument, DocumentCache } from './documentCache';
import type { ParametersFiles } from './parametersFiles';
import { effectiveRuleConfig } from './ruleConfig';
import type { Logger } from './runSafe';
import type { ServerSettings, SettingsStore } from './settings';
import type { TypingPause } from './typingPause';
import type { WorkspaceConfig } from '../host/workspaceConfig';

/** What the client announced in initialize (filled in there, read by handlers). */
export interface ClientSupport {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  dynamicWatchers: boolean;
  dynamicConfiguration: boolean;
  /** codeAction/resolve can fill in `edit`. */
  codeActionResolve: boolean;
  /** The client can be asked to re-request inlay hints and CodeLenses (workspace/…/refresh). */
  inlayHintRefresh: boolean;
  codeLensRefresh: boolean;
}

/** The server's state, passed explicitly to the handler groups (no module globals). */
export interface ServerContext {
  readonly support: ClientSupport;
  readonly typing: TypingPause;
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: DocumentCache;
  readonly settings: SettingsStore;
  readonly workspaceConfig: WorkspaceConfig;
  readonly parameters: ParametersFiles;
  /** What each template is compared with for change impact (set by the client). */
  readonly baselines: Baselines;
  readonly ls: LanguageService;
  readonly logger: Logger;
  /** Configuration problems already logged, so each is reported once, not on every keystroke. */
  readonly reportedProblems: Set<string>;
  /**
   * Documents whose inlay hints or CodeLenses were answered from an older analysis (carriedAnswers.ts): the
   * client is asked for them again once the current version is analysed.
   */
  readonly staleViews: Set<string>;
  /** Asks the client to request inlay hints and CodeLenses again (when it can be asked). */
  refreshViews(): void;
}

export interface Analysis {
  readonly entry: CachedDocument;
  readonly settings: ServerSettings;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
}

interface AnalysisMemo {
  readonly key: string;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  /** The check behind the findings, which the next version's check may carry findings over from. */
  readonly problems: DocumentProblems;
}

/**
 * The open document's analysis, undefined when the client never opened it (or cancelled the request).
 * While the user types in a large document this waits for a pause, so completion is not stuck behind it.
 */
export async function lookup(ctx: ServerContext, uri: string, token: CancellationToken): Promise<CachedDocument | undefined> {
  for (;;) {
    const document = ctx.documents.get(uri);
    if (!document) return undefined;
    const pause = await ctx.typing.wait(document, token);
    if (pause === 'cancelled') return undefined;
    if (pause === 'paused') return ctx.cache.get(document);
  }
}

/**
 * The findings of an entry analysed already under the current settings and configuration (an older version
 * of a document, for carried answers), without analysing anything; undefined when it was not.
 */
export async function analysedAlready(ctx: ServerContext, entry: CachedDocument): Promise<Analysis | undefined> {
  const settings = await ctx.settings.get(entry.uri);
  const rules = effectiveRuleConfig(settings, ctx.workspaceConfig.forDocument(entry.uri));
  const memo = entry.analysis as AnalysisMemo | undefined;
  return memo?.key === rules.key ? { entry, settings, findings: memo.findings, diagnostics: memo.diagnostics } : undefined;
}

/**
 * Rule findings and diagnostics of a document under its settings and `.vmss-upgrade.json`, computed
 * once per version and configuration (stored on the cache entry).
 */
export async function analyse(ctx: ServerContext, document: TextDocument): Promise<Analysis> {
  // Ask the client for settings first, then parse while the answer travels.
  const pendingSettings = ctx.settings.get(document.uri);
  const entry = ctx.cache.get(document);
  const settings = await pendingSettings;
  const rules = effectiveRuleConfig(settings, ctx.workspaceConfig.forDocument(document.uri));
  const memo = entry.analysis as AnalysisMemo | undefined;
  if (memo?.key === rules.key) return { entry, settings, findings: memo.findings, diagnostics: memo.diagnostics };
  for (const problem of rules.problems) {
    if (ctx.reportedProblems.has(problem)) continue;
    ctx.reportedProblems.add(problem);
    ctx.logger.error(problem);
  }
  const { doc } = entry;
  // The server is an adapter, so it reads the clock for the rules that judge dates (expired SAS tokens), to
  // the minute: what those rules say changes by the day, and findings carry over between versions of a
  // large document only while the time they were found under is the same.
  const previous = entry.previousAnalysis as AnalysisMemo | undefined;
  entry.previousAnalysis = undefined;
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const problems = ctx.ls.checkDocument(doc, rules.config, {
    now,
    ...(previous?.key === rules.key ? { previous: previous.problems } : {}),
  });
  const { findings } = problems;
  const diagnostics = ctx.ls.showsProblems(doc)
    ? ctx.ls.toDiagnostics(doc, findings, { uri: document.uri, syntaxSeverity: rules.syntaxSeverity })
    : [];
  entry.analysis = { key: rules.key, findings, diagnostics, problems } satisfies AnalysisMemo;
  if (ctx.staleViews.delete(document.uri)) ctx.refreshViews();
  return { entry, settings, findings, diagnostics };
}
