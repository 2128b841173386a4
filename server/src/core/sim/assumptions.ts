/**
 * Where Azure's documentation is silent or contradicts itself (azure-upgrade-policy.md §6,
 * anchors-orchestrators.md §1.1), the simulator uses a named assumption with a default the caller can
 * switch. Every run lists the values it used; Monte Carlo can report which switch would change the outcome.
 */

export interface AssumptionValues {
  readonly batchRounding: 'floor' | 'ceil' | 'round';
  readonly upgradedDenominator: 'upgraded' | 'total';
  readonly rolledBackInstances: 'failedButServing' | 'unhealthy' | 'notCounted';
  readonly pauseAfterHealthWait: 'sequential' | 'overlap';
  readonly zoneOrder: 'ascending' | 'descending' | 'largestFirst';
  readonly domainOrder: 'ascending' | 'descending';
  readonly domainBoundaries: 'within' | 'ignore';
  readonly batchShrinksWithUnhealthy: 'yes' | 'no';
  readonly preBatchGateCountsBatch: 'no' | 'yes';
  readonly checkAfterLastBatch: 'yes' | 'no';
  readonly modelUpdateHealthWait: 'fiveMinutes' | 'none';
  readonly manualOsPolicy: 'aosRules' | 'rollingPolicy';
  readonly surgeFailure: 'keepOld' | 'deleteOld';
  readonly osUpgradeMaxSurge: 'fromTemplate' | 'policyOnly';
  readonly updateDomainsPerZone: 'five' | 'one';
  readonly upgradeTimeout: 'none' | 'oneHour' | 'twelveHours';
}

export type AssumptionName = keyof AssumptionValues;

export interface AssumptionInfo {
  readonly name: AssumptionName;
  readonly values: readonly string[];
  readonly default: string;
  /** What it decides, what each value means, and the reference fact behind the default. */
  readonly description: string;
}

export const ASSUMPTIONS: readonly AssumptionInfo[] = [
  {
    name: 'batchRounding',
    values: ['floor', 'ceil', 'round'],
    default: 'floor',
    description:
      'Batch size = max(1, rounding(N × maxBatchInstancePercent / 100)). floor matches every documented example (10 at 20% → 2; ≤ 5 instances → 1); the rule for other sizes is undocumented.',
  },
  {
    name: 'upgradedDenominator',
    values: ['upgraded', 'total'],
    default: 'upgraded',
    description:
      'Denominator of maxUnhealthyUpgradedInstancePercent: instances upgraded so far (API text; Azure\'s halt message "100% of instances are in an unhealthy state after being upgraded") or all instances (the docs\' 10-instance example).',
  },
  {
    name: 'rolledBackInstances',
    values: ['failedButServing', 'unhealthy', 'notCounted'],
    default: 'failedButServing',
    description:
      'A rolled-back instance counts as a failed upgrade in the post-batch check but serves again on its previous disk (failedButServing); stays unhealthy as well (unhealthy); or is treated as never upgraded (notCounted). Undocumented.',
  },
  {
    name: 'pauseAfterHealthWait',
    values: ['sequential', 'overlap'],
    default: 'sequential',
    description:
      "pauseTimeBetweenBatches starts after the batch's health wait and rollbacks (sequential) or at the end of the batch's upgrades, overlapping the wait (overlap). Undocumented.",
  },
  {
    name: 'zoneOrder',
    values: ['ascending', 'descending', 'largestFirst'],
    default: 'ascending',
    description:
      'Order in which zones are upgraded when batches stay within one zone. Azure says only that zones are not updated concurrently.',
  },
  {
    name: 'domainOrder',
    values: ['ascending', 'descending'],
    default: 'ascending',
    description:
      'Order of update domains (Uniform) or fault domains (Flexible) within a zone. Service Fabric: "Update domains do not receive updates in a particular order".',
  },
  {
    name: 'domainBoundaries',
    values: ['within', 'ignore'],
    default: 'within',
    description:
      'Batches never span two update/fault domains (within; the automatic OS upgrade documentation: "updated within Update Domain boundaries") or are filled across them (ignore).',
  },
  {
    name: 'batchShrinksWithUnhealthy',
    values: ['yes', 'no'],
    default: 'yes',
    description:
      'Unhealthy instances shrink a batch: b_k = max(1, min(b, floor(N × maxUnhealthyInstancePercent / 100) − unhealthy)). The API says unhealthy instances can make a batch smaller; the formula is an assumption.',
  },
  {
    name: 'preBatchGateCountsBatch',
    values: ['no', 'yes'],
    default: 'no',
    description:
      'The pre-batch gate counts only instances already unhealthy (no) or also the batch about to go down (yes). The docs say "checked prior to starting any batch".',
  },
  {
    name: 'checkAfterLastBatch',
    values: ['yes', 'no'],
    default: 'yes',
    description:
      'The maxUnhealthyUpgradedInstancePercent check also runs after the last batch, so a failure there faults the upgrade (yes; a one-instance scale set whose instance fails reports "100% … after being upgraded").',
  },
  {
    name: 'modelUpdateHealthWait',
    values: ['fiveMinutes', 'none'],
    default: 'fiveMinutes',
    description:
      'Whether the 5-minute health wait documented for automatic OS upgrades also applies to Rolling model updates (fiveMinutes), or instances are judged when their upgrade ends (none).',
  },
  {
    name: 'manualOsPolicy',
    values: ['aosRules', 'rollingPolicy'],
    default: 'aosRules',
    description:
      'The manual OS upgrade (osRollingUpgrade) picks its policy like an automatic OS upgrade, i.e. 20/20/20 unless useRollingUpgradePolicy (aosRules), or always uses rollingUpgradePolicy (rollingPolicy).',
  },
  {
    name: 'surgeFailure',
    values: ['keepOld', 'deleteOld'],
    default: 'keepOld',
    description:
      'With maxSurge, a new instance that never becomes healthy is deleted and the old one kept (keepOld; the MaxSurge documentation deletes old instances only once the new ones are healthy), or the old one is deleted anyway (deleteOld).',
  },
  {
    name: 'osUpgradeMaxSurge',
    values: ['fromTemplate', 'policyOnly'],
    default: 'fromTemplate',
    description:
      "An OS upgrade with the default 20/20/20 policy still uses the template's maxSurge (fromTemplate; the MaxSurge documentation: on Uniform, automatic OS upgrades use the MaxSurge method) or only when useRollingUpgradePolicy is true (policyOnly).",
  },
  {
    name: 'updateDomainsPerZone',
    values: ['five', 'one'],
    default: 'five',
    description:
      'Update domains in each zone of a zonal Uniform scale set: five, as a regional Uniform scale set has (five; a guess: no source gives the count per zone), or one, so only zones bound batches (one).',
  },
  {
    name: 'upgradeTimeout',
    values: ['none', 'oneHour', 'twelveHours'],
    default: 'none',
    description:
      'When the rolling upgrade gives up with RollingUpgradeTimeoutError: never (none; Azure documents the code, "the message gives the duration", but no limit), or at the first batch boundary after one or twelve hours (oneHour, twelveHours; made-up limits).',
  },
];

/** The time limit of assumption upgradeTimeout, in seconds; undefined for none. */
export function upgradeTimeoutSeconds(values: AssumptionValues): number | undefined {
  return values.upgradeTimeout === 'oneHour' ? 3600 : values.upgradeTimeout === 'twelveHours' ? 43_200 : undefined;
}

export const DEFAULT_ASSUMPTIONS: AssumptionValues = Object.fromEntries(
  ASSUMPTIONS.map((a) => [a.name, a.default]),
) as unknown as AssumptionValues;

export function assumptionInfo(name: string): AssumptionInfo | undefined {
  const lower = name.toLowerCase();
  return ASSUMPTIONS.find((a) => a.name.toLowerCase() === lower);
}

/** Applies NAME=VALUE switches over the defaults; throws on an unknown name or value (a usage error). */
export function withAssumptions(base: AssumptionValues, switches: Readonly<Record<string, string>>): AssumptionValues {
  const out: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(switches)) {
    const info = assumptionInfo(name);
    if (!info) throw new Error(`unknown assumption '${name}' (known: ${ASSUMPTIONS.map((a) => a.name).join(', ')})`);
    const match = info.values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (!match) throw new Error(`assumption ${info.name} must be one of ${info.values.join(', ')} (got '${value}')`);
    out[info.name] = match;
  }
  return out as unknown as AssumptionValues;
}

/**
 * What an input is, as far as telling which switches can matter: `updateDomainsPerZone` only on a zonal
 * Uniform scale set, `upgradeTimeout` only when some run lasts as long as the smaller of the two limits.
 */
export interface AlternativeScope {
  readonly zonal: boolean;
  readonly uniform: boolean;
  /** The longest run (plan, or any trial) under the current values, in seconds. */
  readonly longestSeconds: number;
}

function canMatter(name: AssumptionName, value: string, values: AssumptionValues, scope: AlternativeScope): boolean {
  if (name === 'updateDomainsPerZone') return scope.zonal && scope.uniform;
  if (name === 'upgradeTimeout') {
    const limit = (v: string) => upgradeTimeoutSeconds({ ...values, upgradeTimeout: v } as AssumptionValues) ?? Number.POSITIVE_INFINITY;
    return Math.min(limit(value), limit(values.upgradeTimeout)) <= scope.longestSeconds;
  }
  return true;
}

/**
 * Every single-switch alternative to the given values, for sensitivity analysis; with a scope, without the
 * switches that cannot change anything for that input (they would only cost re-runs).
 */
export function alternatives(
  values: AssumptionValues,
  scope?: AlternativeScope,
): { name: AssumptionName; value: string; values: AssumptionValues }[] {
  const out: { name: AssumptionName; value: string; values: AssumptionValues }[] = [];
  for (const info of ASSUMPTIONS) {
    for (const value of info.values) {
      if (value === values[info.name]) continue;
      if (scope && !canMatter(info.name, value, values, scope)) continue;
      out.push({ name: info.name, value, values: { ...values, [info.name]: value } as AssumptionValues });
    }
  }
  return out;
}
