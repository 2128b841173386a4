/** The policy advisor's public API (pure; docs/advisor.md, docs/cli.md `advise`). */
export { advisePolicy, DEFAULT_TRIALS, DEFAULT_FAILURE_RATE, DEFAULT_MAX_HALT, MAX_TRIALS } from './advise';
export type { AdvisorOptions } from './advise';
export { changedProperties, dominates, samePolicy, missedGoals, paretoFront } from './pareto';
export { MAX_PROPOSED_GATE_PERCENT } from './space';
export type * from './types';
export { assumptionEffects } from './assumptionEffects';
export { adviceContract } from './contract';
export { ADVISOR_WHAT_IF_NUMBERS, advisorWhatIf } from './whatIfInput';
export type { AdviceContract, ContractCandidate } from './contract';
export {
  changeList,
  HEADER as ADVICE_TABLE_HEADER,
  measureCells,
  pct as formatPHalt,
  policyCells,
  renderAdviceMarkdown,
  renderAdviceText,
  verdict as adviceVerdict,
} from './render';
/** The goal `--max-duration` takes as ISO 8601 (the parser the rules and the simulator use). */
export { parseIsoDuration } from '../catalog/durations';
