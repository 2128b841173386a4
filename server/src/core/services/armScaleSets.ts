import type { Range } from 'vscode-languageserver-types';
import type { ArmDocument } from './armDocument';
import { policySummary } from './armSymbols';
import { capacityOf } from './scaleSetFacts';

/** A scale set as the server resolved it, for the client and the preview webview (vmssUpgrade/scaleSets). */
export interface ScaleSetInfo {
  /** Display name: the resolved name, else the name expression, else the JSON path. */
  readonly name: string;
  /** JSON path of the resource (or request body) in the document. */
  readonly path: readonly (string | number)[];
  /** The whole resource. */
  readonly range: Range;
  /** `properties.upgradePolicy`, when present: where the CodeLens sits and the preview points. */
  readonly upgradePolicyRange: Range | undefined;
  /** One line: mode, batch and health percentages, pause, automatic OS upgrades. */
  readonly summary: string;
  readonly capacity: { readonly count: number; readonly known: boolean };
  /**
   * The simulator's input for this scale set (SimInput of core/sim/types.ts) with the what-if defaults
   * applied, as plain JSON; undefined while the engine has no scale-set → simulator mapping.
   */
  readonly simulatorInput: unknown;
}

export interface ScaleSetOptions {
  readonly assumedCapacity?: number;
}

export function describeScaleSets(doc: ArmDocument, options: ScaleSetOptions = {}): ScaleSetInfo[] {
  return doc.model.scaleSets.map((scaleSet) => ({
    name: scaleSet.displayName,
    path: scaleSet.path,
    range: doc.lines.rangeOf(scaleSet.span),
    upgradePolicyRange: scaleSet.upgradePolicy
      ? doc.lines.rangeOf({ offset: scaleSet.upgradePolicy.keySpan.offset, length: scaleSet.upgradePolicy.value.span.offset + scaleSet.upgradePolicy.value.span.length - scaleSet.upgradePolicy.keySpan.offset })
      : undefined,
    summary: policySummary(scaleSet),
    capacity: capacityOf(scaleSet, options.assumedCapacity),
    simulatorInput: undefined,
  }));
}
