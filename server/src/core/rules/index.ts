/** The rule engine's public API: the table, the runner, configuration and suppressions. */
export type {
  DocumentRule,
  DocumentRuleContext,
  Finding,
  FindingDraft,
  FindingTag,
  Fix,
  RelatedInformation,
  Rule,
  RunnerRule,
  ScaleSetRule,
  ScaleSetRuleContext,
  Severity,
  SeverityOverride,
} from './ruleTypes';
export { ruleDocsPath, SEVERITY_OVERRIDES } from './ruleTypes';
export { getRule, RULE_IDS, RULES } from './registry';
export { runRules, type RunRulesOptions } from './runner';
export { EMPTY_CONFIG, parseRuleConfig, parseRuleConfigText, type ConfigProblem, type ParsedRuleConfig, type RuleConfig } from './config';
export { findSuppressions, SUPPRESSION_DIRECTIVE, type Suppression } from './suppressions';
export { scaleSetRule, type ScaleSetRuleSpec } from './defineRule';
export { buildConfigSchema } from './configSchema';
export { RULE_DOCS_BASE_URL, ruleDocsUrl, ruleDocsUrlAt } from './docsUrl';
export { explainFinding, findingMarkdown, sourceLinks } from './explain';
export type { FindingDetails } from './ruleTypes';
