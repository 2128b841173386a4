import type { Range } from 'vscode-languageserver-types';
import { simInputFromScaleSet } from '../sim/fromScaleSet';
import type { SimInput } from '../sim/simData';
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
  /** The simulator's input for this scale set, with the what-if defaults of the settings applied. */
  readonly simulatorInput: SimInput;
  /** One line per default or assumption that stands in for something the template does not say. */
  readonly assumed: readonly string[];
}

export interface ScaleSetOptions {
  readonly assumedCapacity?: number;
  /** Per-instance failure probability put into the simulator input. */
  readonly failureRate?: number;
}

export function describeScaleSets(doc: ArmDocument, options: ScaleSetOptions = {}): ScaleSetInfo[] {
  return doc.model.scaleSets.map((scaleSet) => {
    const capacity = capacityOf(scaleSet, options.assumedCapacity);
    const whatIf = { ...(capacity.known ? {} : { capacity: capacity.count }), ...(options.failureRate !== undefined ? { failureRate: options.failureRate } : {}) };
    const mapped = simInputFromScaleSet(scaleSet, whatIf);
    const policy = scaleSet.upgradePolicy;
    return {
      name: scaleSet.displayName,
      path: scaleSet.path,
      range: doc.lines.rangeOf(scaleSet.span),
      upgradePolicyRange: policy ? doc.lines.rangeOf({ offset: policy.keySpan.offset, length: policy.value.span.offset + policy.value.span.length - policy.keySpan.offset }) : undefined,
      summary: policySummary(scaleSet),
      capacity,
      simulatorInput: mapped.input,
      assumed: mapped.assumed,
    };
  });
}
