import { parseRuleConfig, parseRuleConfigText, type RuleConfig } from '../core/rules/config';
import { RULES } from '../core/rules/registry';
import type { Severity } from '../core/rules/ruleTypes';
import { JSON_SYNTAX_CODE } from '../core/services/armDiagnostics';
import type { ServerSettings } from './settings';
import type { WorkspaceConfigFile } from '../host/workspaceConfig';

export interface EffectiveRuleConfig {
  readonly config: RuleConfig;
  readonly syntaxSeverity: Severity | 'off';
  /** Identifies the configuration, so cached diagnostics are reused only under the same one. */
  readonly key: string;
  /** Problems in the settings or the config file, for the log. */
  readonly problems: readonly string[];
}

const KNOWN_RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Rule severities for one document: the editor's `vmssUpgrade.rules`, then the workspace's
 * `.vmss-upgrade.json` on top (the project's file is shared by everyone, the CLI and CI, so it wins).
 */
export function effectiveRuleConfig(settings: ServerSettings, file: WorkspaceConfigFile | undefined): EffectiveRuleConfig {
  const { [JSON_SYNTAX_CODE]: editorSyntax, ...editorRules } = settings.rules;
  const fromEditor = parseRuleConfig({ rules: editorRules }, KNOWN_RULE_IDS);
  const fromFile = file ? parseRuleConfigText(file.text, KNOWN_RULE_IDS) : undefined;
  const rules = { ...fromEditor.config.rules, ...(fromFile?.config.rules ?? {}) };
  const syntaxSeverity = (editorSyntax && SEVERITIES.has(editorSyntax) ? editorSyntax : 'error') as Severity | 'off';
  const problems = [
    ...fromEditor.problems.map((p) => `vmssUpgrade.rules: ${p.message}`),
    ...(fromFile?.problems ?? []).map((p) => `${file!.path}: ${p.message}`),
  ];
  return { config: { rules }, syntaxSeverity, key: JSON.stringify([rules, syntaxSeverity]), problems };
}
