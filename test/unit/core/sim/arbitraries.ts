import fc from 'fast-check';
import { ASSUMPTIONS } from '../../../../server/src/core/sim/assumptions';
import type { AssumptionValues } from '../../../../server/src/core/sim/assumptions';
import type { SimInput } from '../../../../server/src/core/sim/simData';
import { input } from './helpers';

const assumptionsArb: fc.Arbitrary<AssumptionValues> = fc.record(
  Object.fromEntries(ASSUMPTIONS.map((a) => [a.name, fc.constantFrom(...a.values)])),
) as unknown as fc.Arbitrary<AssumptionValues>;

/** Any plausible input: every policy switch, trigger, assumption, failure model and timing. */
export const simInputArb: fc.Arbitrary<SimInput> = fc
  .record({
    capacity: fc.integer({ min: 1, max: 60 }),
    zones: fc.constantFrom([], ['1'], ['1', '2'], ['1', '2', '3']),
    trigger: fc.constantFrom('aos' as const, 'manual-os' as const, 'model' as const),
    mode: fc.constantFrom('Rolling' as const, 'Rolling' as const, 'Automatic' as const, 'Manual' as const),
    orchestrationMode: fc.constantFrom('Uniform' as const, 'Flexible' as const),
    healthSource: fc.constantFrom('probe' as const, 'extension' as const, 'none' as const),
    batch: fc.integer({ min: 5, max: 100 }),
    unhealthyPct: fc.integer({ min: 5, max: 100 }),
    upgradedPct: fc.integer({ min: 0, max: 100 }),
    pause: fc.constantFrom(0, 30, 600),
    crossZone: fc.boolean(),
    prioritize: fc.boolean(),
    rollbackOnBreach: fc.boolean(),
    maxSurge: fc.boolean(),
    useRolling: fc.boolean(),
    disableRollback: fc.boolean(),
    unhealthy: fc.integer({ min: 0, max: 6 }),
    p: fc.constantFrom(0, 0.01, 0.1, 0.3, 1),
    flap: fc.constantFrom(0, 0, 0.05),
    jitter: fc.constantFrom(0, 0.3),
    healthy: fc.constantFrom(30, 60, 400),
    fdCount: fc.integer({ min: 1, max: 3 }),
    protectedId: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    phased: fc.boolean(),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    assumptions: assumptionsArb,
  })
  .map((r) =>
    input({
      trigger: r.trigger,
      mode: r.mode,
      orchestrationMode: r.orchestrationMode,
      healthSource: r.healthSource,
      seed: r.seed,
      rollingUpgradePolicy: {
        maxBatchInstancePercent: r.batch,
        maxUnhealthyInstancePercent: r.unhealthyPct,
        maxUnhealthyUpgradedInstancePercent: r.upgradedPct,
        pauseTimeBetweenBatchesSeconds: r.pause,
        enableCrossZoneUpgrade: r.crossZone,
        prioritizeUnhealthyInstances: r.prioritize,
        rollbackFailedInstancesOnPolicyBreach: r.rollbackOnBreach,
        maxSurge: r.maxSurge,
      },
      automaticOSUpgradePolicy: { useRollingUpgradePolicy: r.useRolling, disableAutomaticRollback: r.disableRollback },
      fleet: {
        capacity: r.capacity,
        zones: r.zones,
        faultDomainCount: r.fdCount,
        unhealthy: Math.min(r.unhealthy, r.capacity),
        overrides: [
          ...(r.protectedId !== undefined ? [{ id: r.protectedId % r.capacity, protectedFromScaleSetActions: true }] : []),
          ...(r.phased
            ? [
                { id: 0, phaseOrderingNumber: 1 },
                { id: r.capacity - 1, phaseOrderingNumber: 0 },
              ]
            : []),
        ],
      },
      failures: { probability: r.p, flapProbability: r.flap },
      timings: { jitter: r.jitter, healthySeconds: r.healthy },
      assumptions: r.assumptions,
    }),
  );
