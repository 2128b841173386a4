import { SCALE_SET_LIMITS } from '../../catalog/scaleSetLimits';
import type { RValue } from '../../model/templateModel';
import { capacityCount, instanceLimitOf } from '../../model/capacity';
import { scaleSetRule } from '../defineRule';
import { isEditable } from '../facts';
import type { Fix } from '../ruleTypes';
import { joinSentences } from '../messageText';
import { clip, originRelated, originSentence, showValue } from '../valueOrigin';

/**
 * sku.capacity must be a whole number of instances that the scale set can hold: at most 1,000, or 100 in
 * a single placement group (catalog/scaleSetLimits.ts). The simulator holds a larger count to the limit
 * (sim/capacity.ts), so the preview, CodeLens and hover show the limit; this finding says why.
 */
export const CAPACITY_OUT_OF_RANGE = scaleSetRule({
  id: 'capacity-out-of-range',
  defaultSeverity: 'error',
  title: 'Capacity Azure does not allow',
  description: `sku.capacity is not a whole number of instances, or more than Azure allows in one scale set: ${SCALE_SET_LIMITS.maxInstances}, or ${SCALE_SET_LIMITS.maxInstancesSinglePlacementGroup} in a single placement group (singlePlacementGroup true).`,
  check: ({ model, scaleSet, text }) => {
    const value = scaleSet.capacity;
    if (!value || value.kind === 'unknown' || value.kind === 'null') return [];
    const shown = written(value, text);
    const count = capacityCount(value);
    if (count === undefined) {
      return [
        {
          message: `sku.capacity ${shown} is not a whole number of instances (0 or more), so the deployment fails.`,
          ...(originSentence(value) ? { details: { explanation: originSentence(value), sources: ['S1'] as const } } : {}),
          span: value.span,
          related: originRelated(model, value),
        },
      ];
    }
    const limit = instanceLimitOf(scaleSet);
    if (count <= limit.max) return [];
    const fixes: Fix[] = [];
    const spg = scaleSet.singlePlacementGroup;
    if (limit.max < SCALE_SET_LIMITS.maxInstances && count <= SCALE_SET_LIMITS.maxInstances && spg && isEditable(spg.value)) {
      fixes.push({
        title: 'Set singlePlacementGroup to false',
        edits: [{ kind: 'replaceValue', span: spg.value.span, newValue: false }],
        isPreferred: true,
      });
    }
    if (isEditable(value))
      fixes.push({ title: `Change capacity to ${limit.max}`, edits: [{ kind: 'replaceValue', span: value.span, newValue: limit.max }] });
    return [
      {
        message: `sku.capacity ${shown} is more than the ${limit.max} instances Azure allows ${limit.where}, so the deployment fails.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `Azure allows at most ${SCALE_SET_LIMITS.maxInstances} instances in a scale set, and ${SCALE_SET_LIMITS.maxInstancesSinglePlacementGroup} in a single placement group. The preview, CodeLens and hover simulate ${limit.max}.`,
          ),
          sources: ['S1'],
        },
        span: value.span,
        related: [
          ...originRelated(model, value),
          ...(spg && limit.max < SCALE_SET_LIMITS.maxInstances
            ? [{ span: spg.value.span, message: `singlePlacementGroup true limits the scale set to ${limit.max} instances.` }]
            : []),
        ],
        fixes,
      },
    ];
  },
});

/** A literal number as the template spells it (1e999 rather than Infinity); anything else as messages show values. */
function written(value: RValue, text: string): string {
  if (value.kind === 'number' && isEditable(value)) return clip(text.slice(value.span.offset, value.span.offset + value.span.length));
  return showValue(value);
}
