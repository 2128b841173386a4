import { DOCS } from './sources';

/** Load-balancer probes as scale-set health probes (reference §2, §3.2 #10; S4). */
export const LOAD_BALANCER_PROBE = {
  /** ARM's defaults when a probe omits them. */
  defaults: { intervalInSeconds: 15, numberOfProbes: 2 },
  /** The smallest probe interval Azure Load Balancer accepts. */
  minimumIntervalInSeconds: 5,
  /** S4: the probe rate must be "less than two minutes" (interval × probes). */
  maximumDetectionSeconds: 120,
  /** S4: with singlePlacementGroup false the probe must be on a Standard load balancer; Basic is the default SKU. */
  requiredSkuWithoutSinglePlacementGroup: 'Standard',
  defaultSku: 'Basic',
  docs: DOCS.automaticOsUpgrade,
} as const;
