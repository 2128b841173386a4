/** Change impact's public API (pure): compare two template models, render the report (docs/cli.md, `diff`). */
export { compareScaleSets, modeOf } from './compare';
export type { ImpactChange, ImpactReport, ImpactRollout, ScaleSetImpact, ScaleSetStatus, ShownValue, UpgradeModeName } from './compare';
export { IMPACT_CLASSES, IMPACT_TABLE } from './table';
export type { ImpactClass, ImpactRow } from './table';
export { impactHeadline, renderImpactMarkdown, renderImpactText, valueText } from './render';
