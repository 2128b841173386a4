import { scaleSetRule } from '../defineRule';
import { isEditable } from '../facts';
import { originNote } from '../valueOrigin';

/**
 * properties.zoneBalance with at most one zone. The Compute API says it may be set only when `zones` has
 * more than one zone (compute-api-2026.md §4.5); no rejection text is known, hence a warning.
 */
export const ZONE_BALANCE_WITHOUT_ZONES = scaleSetRule({
  id: 'zone-balance-without-zones',
  defaultSeverity: 'warning',
  title: 'zoneBalance with fewer than two zones',
  description:
    'properties.zoneBalance is set on a scale set with no zone or one zone; the Compute API allows it only with more than one zone.',
  check: ({ scaleSet }) => {
    const balance = scaleSet.zoneBalance;
    if (!balance || balance.value.kind === 'null' || balance.value.kind === 'unknown') return [];
    const zones = scaleSet.zones;
    if (zones?.kind === 'unknown' || (zones && zones.kind !== 'array' && zones.kind !== 'null')) return [];
    const count = zones?.kind === 'array' ? zones.items.length : 0;
    if (count > 1) return [];
    return [
      {
        message: `zoneBalance is set${originNote(balance.value)}, but the scale set has ${count === 0 ? 'no zones' : 'one zone'}; the Compute API allows it only with more than one zone, so Azure may reject it.`,
        span: balance.keySpan,
        related: zones ? [{ span: zones.span, message: `zones: ${count === 0 ? 'empty' : 'one zone'}.` }] : [],
        fixes: isEditable(balance.value)
          ? [{ title: 'Remove zoneBalance', edits: [{ kind: 'removeProperty', keySpan: balance.keySpan }], isPreferred: true }]
          : [],
      },
    ];
  },
});
