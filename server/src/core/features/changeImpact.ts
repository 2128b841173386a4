import type { CodeLens } from 'vscode-languageserver-types';
import { compareScaleSets, impactHeadline, type ImpactReport } from '../impact';

export type { ImpactChange, ImpactReport, ScaleSetImpact } from '../impact';
import type { ChangeImpactLensOptions, TemplateDocument } from '../languageTypes';
import { IMPACT_LENS_LIMIT } from '../limits';
import { escapeIcons } from '../text/iconLabel';
import { simulationFindings } from './blockers';

/**
 * Change impact in the editor: what deploying this version over a baseline (the file at HEAD, another
 * revision or file, or `az vmss show` output of the live scale set) does to the running instances. The
 * report is the engine's compareScaleSets, the same one `vmss-upgrade diff` prints; the lenses only word it.
 */

/** The change-impact report of `after` against `before` (adapters keep it per pair of versions). */
export function compareDocuments(before: TemplateDocument, after: TemplateDocument): ImpactReport | undefined {
  if (after.model.scaleSets.length > IMPACT_LENS_LIMIT || before.model.scaleSets.length > IMPACT_LENS_LIMIT) return undefined;
  return compareScaleSets(before.model, after.model);
}

/**
 * One lens on each changed or added scale set of `after` (the report compareDocuments gave), on the line of its resource: "Deploying this (vs HEAD):
 * rolling model update, 5 batches, ≈25 min · 1 change refused". Unchanged scale sets get none.
 */
export function getChangeImpactLenses(after: TemplateDocument, report: ImpactReport, options: ChangeImpactLensOptions): CodeLens[] {
  // The rollout is simulated as if deployed; a finding Azure refuses the template for is said after it.
  const found = simulationFindings(after);
  const seen = new Map<string, number>();
  const lenses: CodeLens[] = [];
  for (const impact of report.scaleSets) {
    if (impact.status !== 'changed' && impact.status !== 'added') continue;
    // The report names scale sets as the model does; the k-th of a name is the k-th scale set of that name.
    const k = seen.get(impact.name) ?? 0;
    seen.set(impact.name, k + 1);
    const scaleSet = after.model.scaleSets.filter((s) => s.displayName === impact.name)[k];
    if (!scaleSet) continue;
    const position = after.lines.rangeOf({ offset: scaleSet.span.offset, length: 0 });
    lenses.push({
      range: { start: position.start, end: position.start },
      command: {
        // VS Code reads `$(name)` in a lens title as an icon; names come from the template.
        title: escapeIcons(
          `Deploying this (vs ${options.label}): ${impactHeadline(impact)}${blockedPart(found.get(scaleSet)?.blockedBy ?? [])}`,
        ),
        tooltip: impact.changes
          .slice(0, 12)
          .map((c) => `${c.class}: ${c.path}${c.unverified ? ' (unverified)' : ''}`)
          .concat(impact.changes.length > 12 ? [`… and ${impact.changes.length - 12} more`] : [])
          .join('\n'),
        command: options.command ?? '',
        arguments: [{ uri: options.uri, path: scaleSet.path, name: scaleSet.displayName, section: 'changeImpact' }],
      },
    });
  }
  return lenses;
}

/** " · blocked by value-out-of-range": the same blockers the simulation lens leads with. */
function blockedPart(blockedBy: readonly { readonly ruleId: string }[]): string {
  return blockedBy.length === 0 ? '' : ` · blocked by ${blockedBy.map((b) => b.ruleId).join(', ')}`;
}
