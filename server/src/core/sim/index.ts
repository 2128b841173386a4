/** The upgrade simulator's public API (pure; see docs/simulator.md). */
export type * from './simData';
export { ASSUMPTIONS, DEFAULT_ASSUMPTIONS, alternatives, assumptionInfo, withAssumptions } from './assumptions';
export type { AssumptionInfo, AssumptionName, AssumptionValues } from './assumptions';
export {
  AZURE_POLICY_DEFAULTS,
  ASSUMED_CAPACITY,
  DEFAULT_FAILURES,
  DEFAULT_SEED,
  DEFAULT_START_TIME,
  DEFAULT_TIMINGS,
  HEALTH_WAIT_SECONDS,
  defaultFleet,
  defaultInput,
  policySources,
  templatePolicy,
  triggerPlan,
} from './defaults';
export type { PolicySource, TriggerPlan } from './defaults';
export { simulate } from './simulate';
export { approvalSeconds, withApprovedAfter } from './approvals';
export { assumptionNotes, planInput, planReasons, planUpgrade, reasonWords, sizeRange } from './plan';
export { MAX_SIMULATED_INSTANCES } from './capacity';
export { WHAT_IF_LIMITS, expected, inRange, whatIfProblem } from './whatIfLimits';
export type { WhatIfLimit, WhatIfNumber } from './whatIfLimits';
export { fullResourceId, osUpgradeHistory, osUpgradeHistoryEntry, rollingUpgradeStatus, scaleSetResourceId } from './azureShapes';
export { DEFAULT_TARGET_VERSION, targetVersionProblem } from './targetImage';
export { haltMessage } from './messages';
export {
  OUTCOMES,
  TrialRunner,
  alternativeScope,
  compareOutcomes,
  mergeChunks,
  monteCarlo,
  percentile,
  runTrials,
  sensitivity,
  summarizeTrials,
} from './monteCarlo';
export type { MonteCarloSummary, Sensitivity, TrialChunk } from './monteCarlo';
export { binomialTail, closedForm, haltProbabilityDp } from './closedForm';
export { gateAllowance } from './gates';
export type { ClosedForm, DpSpec } from './closedForm';
export { formatDuration, summarizeMonteCarlo, summarizeRun } from './summary';
export { Rng } from './rng';
export type { RngState } from './rng';
export { simInputFromScaleSet } from './fromScaleSet';
export type { MappedInput, WhatIf } from './fromScaleSet';
export type { Origin, Provenance } from './provenance';
export { buildReport } from './report';
export type { SimReport } from './report';
export { renderText } from './textReport';
