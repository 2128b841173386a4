import { JSON_SYNTAX_CODE } from '../core/languageService';
import { parseRuleConfig, parseRuleConfigText, RULE_IDS, type RuleConfig, type Severity } from '../core/rules';
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

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/**
 * Rule severities for one document: the editor's `vmssUpgrade.rules`, then the workspace's
 * `.vmss-upgrade.json` on top (the project's file is shared by everyone, the CLI and CI, so it wins).
 */
export function effectiveRuleConfig(settings: ServerSettings, file: WorkspaceConfigFile | undefined): EffectiveRuleConfig {
  const { [JSON_SYNTAX_CODE]: editorSyntax, ...editorRules } = settings.rules;
  const fromEditor = parseRuleConfig({ rules: editorRules }, RULE_IDS);
  const fromFile = file ? parseRuleConfigText(file.text, RULE_IDS) : undefined;
  const rules = { ...fromEditor.config.rules, ...(fromFile?.config.rules ?? {}) };
  const syntaxSeverity = (editorSyntax && SEVERITIES.has(editorSyntax) ? editorSyntax : 'error') as Severity | 'off';
  const problems = [
    ...fromEditor.problems.map((p) => `vmssUpgrade.rules: ${p.message}`),
    ...(fromFile?.problems ?? []).map((p) => `${file!.path}: ${p.message}`),
  ];
  return { config: { rules }, syntaxSeverity, key: JSON.stringify([rules, syntaxSeverity]), problems };
}
