import { simInputFromScaleSet } from '../sim/fromScaleSet';
import type { ScaleSetInfo, ScaleSetOptions, TemplateDocument } from '../languageTypes';
import { policySummary } from './symbols';
import { capacityOf, editorWhatIf } from './displayFacts';
import { simulationFindings, type SimulationFindings } from './blockers';
import type { SimInput } from '../sim/simData';

export function describeScaleSets(doc: TemplateDocument, options: ScaleSetOptions = {}): ScaleSetInfo[] {
  const found = simulationFindings(doc, options.now === undefined ? {} : { now: options.now });
  return doc.model.scaleSets.map((scaleSet) => {
    const capacity = capacityOf(scaleSet, options.assumedCapacity);
    const mapped = simInputFromScaleSet(scaleSet, editorWhatIf(scaleSet, options));
    const policy = scaleSet.upgradePolicy;
    return {
      name: scaleSet.displayName,
      path: scaleSet.path,
      range: doc.lines.rangeOf(scaleSet.span),
      upgradePolicyRange: policy
        ? doc.lines.rangeOf({
            offset: policy.keySpan.offset,
            length: policy.value.span.offset + policy.value.span.length - policy.keySpan.offset,
          })
        : undefined,
      summary: policySummary(scaleSet),
      capacity,
      // What blocks the upgrade and an expired SAS URL go with the input, so the preview simulates them.
      simulatorInput: withFindings(mapped.input, found.get(scaleSet)),
      assumed: mapped.assumed,
    };
  });
}

function withFindings(input: SimInput, found: SimulationFindings | undefined): SimInput {
  if (!found) return input;
  return {
    ...input,
    ...(found.blockedBy.length > 0 ? { blockedBy: found.blockedBy } : {}),
    ...(found.firstBatchFails !== undefined ? { firstBatchFails: found.firstBatchFails } : {}),
  };
}
