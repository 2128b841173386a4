import { LAZY_EDITS_FROM } from '../core/limits';
import type { AdviseRequest, ChangeImpactRequest, PolicyEditRequest, ScaleSetsRequest } from '../protocol';
import { runSafe } from './runSafe';
import { analyse, lookup, type ServerContext } from './serverContext';
import { carriedHover, carriedInlayHints } from './carriedRequests';
import { carriedAnswers } from './carriedAnswers';

/** Language modes whose own extensions (ARM Tools, Bicep) already suggest property names from Azure's schemas. */
const SCHEMA_AWARE_LANGUAGES = new Set(['arm-template', 'bicep']);

/**
 * The language features: each handler looks the document up in the cache, makes one call into the
 * engine's language service, and runs inside runSafe (errors become error responses, cancellation is
 * honoured).
 */
export function registerFeatureHandlers(ctx: ServerContext): void {
  const { connection, ls, logger } = ctx;

  connection.onCompletion((params, token) =>
    runSafe(logger, 'computing completions', token, async () => {
      const { propertyNames } = (await ctx.settings.get(params.textDocument.uri)).completion;
      const document = ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      const names = propertyNames === 'always' || (propertyNames === 'auto' && !SCHEMA_AWARE_LANGUAGES.has(document.languageId));
      return ls.doComplete(ctx.cache.forCursor(document), params.position, { propertyNames: names });
    }),
  );

  connection.onHover((params, token) =>
    runSafe(logger, 'computing hover', token, async () => {
      const carried = await carriedHover(ctx, params.textDocument.uri, params.position);
      if (carried !== undefined) return carried;
      // On the scale set being edited: a hover is asked for on purpose, and that analysis is a quick one, so
      // it need not wait for typing to pause.
      const open = ctx.documents.get(params.textDocument.uri);
      const quick = open !== undefined && ctx.cache.editsInsideOneScaleSet(open);
      const document = (quick || (await lookup(ctx, params.textDocument.uri, token))) && ctx.documents.get(params.textDocument.uri);
      if (!document) return null;
      // The findings as the diagnostics show them (none where the editor shows no problems): the hover tells each in full.
      const { entry, settings, findings, diagnostics } = await analyse(ctx, document);
      return ls.doHover(entry.doc, params.position, {
        assumedCapacity: settings.whatIf.capacity,
        findings: diagnostics.length > 0 ? findings : [],
      });
    }),
  );

  connection.onCodeAction((params, token) =>
    runSafe(logger, 'computing code actions', token, async () => {
      const document = (await lookup(ctx, params.textDocument.uri, token)) && ctx.documents.get(params.textDocument.uri);
      if (!document) return [];
      const { entry, findings, settings } = await analyse(ctx, document);
      const lazyEdits = ctx.support.codeActionResolve && entry.doc.text.length > LAZY_EDITS_FROM;
      return ls.getCodeActions(entry.doc, findings, {
        uri: params.textDocument.uri,
        range: params.range,
        diagnostics: params.context.diagnostics,
        lazyEdits,
        whatIf: { assumedCapacity: settings.whatIf.capacity, failureRate: settings.whatIf.failureRate },
        ...(params.context.only ? { only: params.context.only } : {}),
      });
    }),
  );

  connection.onCodeActionResolve((action, token) =>
    runSafe(logger, 'resolving a code action', token, async () => {
      const uri = (action.data as { uri?: string } | undefined)?.uri;
      const document = uri !== undefined && (await lookup(ctx, uri, token)) ? ctx.documents.get(uri) : undefined;
      if (!document) return action;
      const { entry, findings, settings } = await analyse(ctx, document);
      return ls.resolveCodeAction(entry.doc, findings, action, {
        assumedCapacity: settings.whatIf.capacity,
        failureRate: settings.whatIf.failureRate,
      });
    }),
  );

  connection.languages.inlayHint.on((params, token) =>
    runSafe(logger, 'computing inlay hints', token, async () => {
      const carried = await carriedInlayHints(ctx, params.textDocument.uri, params.range);
      if (carried) return carried;
      const entry = await lookup(ctx, params.textDocument.uri, token);
      if (!entry) return [];
      const settings = await ctx.settings.get(params.textDocument.uri);
      return settings.inlayHints.enabled ? ls.getInlayHints(entry.doc, params.range, { assumedCapacity: settings.whatIf.capacity }) : [];
    }),
  );

  connection.onCodeLens((params, token) =>
    runSafe(logger, 'computing code lenses', token, async () => {
      const { uri } = params.textDocument;
      const document = ctx.documents.get(uri);
      const carried = document && carriedAnswers(ctx, document);
      const entry = carried?.entry ?? (await lookup(ctx, uri, token));
      if (!entry) return [];
      const settings = await ctx.settings.get(uri);
      if (!settings.codeLens.enabled) return [];
      const lenses = ls.getCodeLenses(entry.doc, {
        uri,
        assumedCapacity: settings.whatIf.capacity,
        failureRate: settings.whatIf.failureRate,
      });
      const impact = document && ctx.baselines.impactFor(uri, document.languageId, entry.doc);
      const all = impact?.report
        ? [...ls.getChangeImpactLenses(entry.doc, impact.report, { uri, label: impact.label }), ...lenses]
        : lenses;
      if (!carried) return all;
      // From the last analysis: each lens where its text now is (the edited scale set's keeps its place,
      // and its title comes when the client resolves it on the new analysis, or asks again after it).
      ctx.staleViews.add(uri);
      return all.flatMap((lens) => {
        const range = carried.toCurrent(lens.range);
        return range ? [{ ...lens, range }] : [];
      });
    }),
  );

  connection.onCodeLensResolve((lens, token) =>
    runSafe(logger, 'resolving a code lens', token, async () => {
      const uri = (lens.data as { uri?: string } | undefined)?.uri;
      const entry = uri === undefined ? undefined : await lookup(ctx, uri, token);
      if (!entry || uri === undefined) return lens;
      const settings = await ctx.settings.get(uri);
      // The blocking rules run once per version, not once per lens on screen (50 ms each on a 6 MB template).
      entry.lensFindings ??= ls.simulationFindings(entry.doc);
      const options = { uri, assumedCapacity: settings.whatIf.capacity, failureRate: settings.whatIf.failureRate };
      return ls.resolveCodeLens(entry.doc, lens, options, entry.lensFindings);
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    runSafe(logger, 'computing document symbols', token, async () => {
      const entry = await lookup(ctx, params.textDocument.uri, token);
      return entry ? ls.findDocumentSymbols(entry.doc) : [];
    }),
  );

  connection.onRequest(
    'vmssUpgrade/changeImpact' satisfies typeof ChangeImpactRequest.method,
    (params: ChangeImpactRequest.Params, token) =>
      runSafe(logger, 'comparing with the baseline', token, async (): Promise<ChangeImpactRequest.Result> => {
        const entry = await lookup(ctx, params.textDocument.uri, token);
        const document = ctx.documents.get(params.textDocument.uri);
        if (!entry || !document) return { version: -1, label: null, report: null };
        const impact = ctx.baselines.impactFor(params.textDocument.uri, document.languageId, entry.doc);
        return { version: entry.version, label: impact?.label ?? null, report: impact?.report ?? null };
      }),
  );

  connection.onRequest('vmssUpgrade/advise' satisfies typeof AdviseRequest.method, (params: AdviseRequest.Params, token) =>
    runSafe(logger, 'advising a rolling policy', token, async (): Promise<AdviseRequest.Result> => {
      const entry = await lookup(ctx, params.textDocument.uri, token);
      if (!entry) return { version: -1, result: null };
      const { whatIf } = await ctx.settings.get(params.textDocument.uri);
      const options = { assumedCapacity: whatIf.capacity, failureRate: whatIf.failureRate };
      return {
        version: entry.version,
        result: ls.adviseAt(entry.doc, params.path ?? [], params.goals ?? {}, params.whatIf ?? {}, options),
      };
    }),
  );

  connection.onRequest('vmssUpgrade/policyEdit' satisfies typeof PolicyEditRequest.method, (params: PolicyEditRequest.Params, token) =>
    runSafe(logger, 'writing a rolling policy', token, async (): Promise<PolicyEditRequest.Result> => {
      const { uri, version } = params.textDocument;
      const entry = await lookup(ctx, uri, token);
      if (!entry) return { edit: null, message: 'The template is not open in the editor.' };
      if (entry.version !== version) return { edit: null, message: 'The template changed since this advice; the preview advises again.' };
      const { whatIf } = await ctx.settings.get(uri);
      const options = { assumedCapacity: whatIf.capacity, failureRate: whatIf.failureRate };
      const result = ls.policyEditsAt(entry.doc, params.path ?? [], params.policy, params.goals ?? {}, params.whatIf ?? {}, options);
      if (result.kind === 'refused') return { edit: null, message: result.message };
      return { edit: { documentChanges: [{ textDocument: { uri, version }, edits: [...result.edits] }] }, message: null };
    }),
  );

  connection.onRequest('vmssUpgrade/scaleSets' satisfies typeof ScaleSetsRequest.method, (params: ScaleSetsRequest.Params, token) =>
    runSafe(logger, 'listing scale sets', token, async (): Promise<ScaleSetsRequest.Result> => {
      const entry = await lookup(ctx, params.textDocument.uri, token);
      if (!entry) return { version: -1, scaleSets: [] };
      const settings = await ctx.settings.get(params.textDocument.uri);
      return {
        version: entry.version,
        scaleSets: ls.describeScaleSets(entry.doc, {
          assumedCapacity: settings.whatIf.capacity,
          failureRate: settings.whatIf.failureRate,
          now: Date.now(),
        }),
        parametersUri: entry.parametersUri ?? null,
      };
    }),
  );
}
