import { scaleSetRule } from '../defineRule';
import { zoneRebalancing } from '../health/consumers';
import { joinSentences } from '../messageText';
import { originRelated, originSentence } from '../valueOrigin';

/**
 * Automatic zone rebalancing on a scale set with fewer than two zones. Learn lists at least two zones as a
 * prerequisite of automatic zone balance (compute-api-2026.md §4.1); no rejection text is known, hence a warning.
 */
export const ZONE_REBALANCING_WITHOUT_ZONES = scaleSetRule({
  id: 'zone-rebalancing-without-zones',
  defaultSeverity: 'warning',
  title: 'Automatic zone rebalancing with fewer than two zones',
  description:
    'resiliencyPolicy.automaticZoneRebalancingPolicy.enabled is true on a scale set with no zone or one zone; rebalancing moves VMs between zones, so it needs at least two.',
  check: ({ model, scaleSet, facts }) => {
    const on = zoneRebalancing(scaleSet, facts);
    if (on.value !== true || !on.property) return [];
    const zones = scaleSet.zones;
    if (zones?.kind === 'unknown' || (zones && zones.kind !== 'array' && zones.kind !== 'null')) return [];
    if (zones?.kind === 'array' && zones.items.some((z) => z.kind === 'unknown')) return [];
    const count = zones?.kind === 'array' ? zones.items.length : 0;
    if (count > 1) return [];
    const value = on.property.value;
    return [
      {
        message: `Automatic zone rebalancing is on, but the scale set has ${count === 0 ? 'no zones' : 'one zone'}, so there is no other zone to move VMs to.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            'Zone rebalancing recreates VMs of a crowded zone in one with too few, so the documentation lists at least two zones (and a health source) as prerequisites. List the zones in zones, or leave rebalancing off for a regional or single-zone scale set.',
          ),
          assumption: 'Whether Azure rejects the deployment or accepts the setting and never rebalances is not documented.',
          sources: ['API2026'],
        },
        span: value.span,
        related: [
          ...(zones ? [{ span: zones.span, message: `zones: ${count === 0 ? 'empty' : 'one zone'}.` }] : []),
          ...originRelated(model, value),
        ],
      },
    ];
  },
});
