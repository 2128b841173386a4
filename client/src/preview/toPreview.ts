/**
 * The language server's ScaleSetInfo → the webview's PreviewScaleSet: passes the simulator input on only
 * when it has the expected shape, and adds the ranges of the policy properties for reveal (from the
 * engine's facade, which reads them with the document's front end). No vscode import, so the server →
 * webview contract is unit-tested with the real engine.
 */
import { impactHeadline, valueText } from '../../../server/src/core/impact/index';
import { getLanguageService } from '../../../server/src/core/languageService';
import type { ChangeImpactRequest, ScaleSetInfo } from '../../../server/src/protocol';
import { isSimInput } from '../../../webview/src/protocol';
import type { Position, PreviewChangeImpact, PreviewScaleSet, Range } from '../../../webview/src/protocol';

const ls = getLanguageService();

export interface TextPositions {
  /** The document's URI and language id, which choose its front end (JSON when absent). */
  readonly uri?: string;
  readonly languageId?: string;
  readonly text: string;
  offsetAt(position: Position): number;
  rangeAt(start: number, end: number): Range;
}

export function toPreviewScaleSet(s: ScaleSetInfo, doc: TextPositions): PreviewScaleSet {
  const policy = s.upgradePolicyRange;
  return {
    name: s.name,
    path: s.path,
    range: s.range,
    upgradePolicyRange: policy ?? null,
    summary: s.summary,
    capacity: s.capacity,
    simulatorInput: isSimInput(s.simulatorInput) ? s.simulatorInput : null,
    assumed: Array.isArray(s.assumed) ? s.assumed.filter((a): a is string => typeof a === 'string') : [],
    propertyRanges: policy ? ls.policyPropertyRanges(doc.uri ?? '', doc.languageId, doc.text, doc.offsetAt(policy.start), doc.rangeAt) : {},
  };
}

/** The server's change-impact answer → the webview's section: the engine's words and the plan's numbers. */
export function toPreviewChangeImpact(result: ChangeImpactRequest.Result): PreviewChangeImpact | null {
  if (!result.report || result.label === null) return null;
  return {
    label: result.label,
    scaleSets: result.report.scaleSets.map((s) => ({
      name: s.name,
      status: s.status,
      headline: impactHeadline(s),
      changes: s.changes.map((c) => ({
        path: c.path,
        before: valueText(c.before),
        after: valueText(c.after),
        class: c.class,
        effect: c.effect,
        unverified: c.unverified,
        mayChange: c.mayChange === true,
        azureError: c.azureError ?? null,
        source: { title: c.source.title, url: c.source.url },
      })),
      rollout: s.rollout
        ? {
            mode: s.rollout.mode,
            summary: s.rollout.summary,
            batchSizes: s.rollout.plan.batches.map((b) => b.size),
            durationSeconds: s.rollout.plan.durationSeconds,
          }
        : null,
    })),
  };
}
