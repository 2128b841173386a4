import { simInputFromScaleSet } from '../sim/fromScaleSet';
import type { ScaleSetInfo, ScaleSetOptions, TemplateDocument } from '../languageTypes';
import { policySummary } from './symbols';
import { capacityOf } from './displayFacts';

export function describeScaleSets(doc: TemplateDocument, options: ScaleSetOptions = {}): ScaleSetInfo[] {
  return doc.model.scaleSets.map((scaleSet) => {
    const capacity = capacityOf(scaleSet, options.assumedCapacity);
    const whatIf = {
      ...(capacity.known ? {} : { capacity: capacity.count }),
      ...(options.failureRate !== undefined ? { failureRate: options.failureRate } : {}),
    };
    const mapped = simInputFromScaleSet(scaleSet, whatIf);
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
      simulatorInput: mapped.input,
      assumed: mapped.assumed,
    };
  });
}
