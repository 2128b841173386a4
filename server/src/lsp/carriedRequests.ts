import type { Hover, InlayHint, Position, Range } from 'vscode-languageserver/node';
import { carriedAnswers } from './carriedAnswers';
import { analysedAlready, type ServerContext } from './serverContext';

/**
 * Hover at a place the edits since the last analysis did not touch, answered from that analysis
 * (carriedAnswers.ts); undefined when it cannot be (the place is in the edited scale set, or that analysis
 * has no findings under the current settings): the caller then waits for the current version's analysis.
 */
export async function carriedHover(ctx: ServerContext, uri: string, position: Position): Promise<Hover | null | undefined> {
  const document = ctx.documents.get(uri);
  const carried = document && carriedAnswers(ctx, document);
  const at = carried?.toAnalysed(position);
  if (!carried || !at) return undefined;
  const analysed = await analysedAlready(ctx, carried.entry);
  if (!analysed || ctx.documents.get(uri)?.version !== document!.version) return undefined;
  const hover = ctx.ls.doHover(carried.entry.doc, at, {
    assumedCapacity: analysed.settings.whatIf.capacity,
    findings: analysed.diagnostics.length > 0 ? analysed.findings : [],
  });
  if (!hover?.range) return hover;
  const range = carried.toCurrent(hover.range);
  return range ? { ...hover, range } : { contents: hover.contents };
}

/**
 * Inlay hints from the last analysis, each moved to where its text now is, without those in the edited
 * scale set (asked for again once the new version is analysed); undefined when there is no such analysis.
 */
export async function carriedInlayHints(ctx: ServerContext, uri: string, range: Range): Promise<InlayHint[] | undefined> {
  const document = ctx.documents.get(uri);
  const carried = document && carriedAnswers(ctx, document);
  if (!carried) return undefined;
  const settings = await ctx.settings.get(uri);
  if (!settings.inlayHints.enabled) return [];
  ctx.staleViews.add(uri);
  const hints = ctx.ls.getInlayHints(carried.entry.doc, carried.rangeToAnalysed(range), { assumedCapacity: settings.whatIf.capacity });
  return hints.flatMap((hint) => {
    const at = { start: hint.position, end: hint.position };
    const moved = carried.touchesEdited(at) ? undefined : carried.toCurrent(at);
    return moved ? [{ ...hint, position: moved.start }] : [];
  });
}
