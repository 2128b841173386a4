import { pathToFileURL } from 'node:url';
import { RULE_IDS, parseRuleConfigText, runRules, type ConfigProblem, type Finding } from '../core/rules';
import type { TemplateModel } from '../core/model/templateModel';
import { WorkspaceConfig } from '../host/workspaceConfig';
import { loadTemplate } from './loadTemplate';
import type { LintTarget } from './findTemplates';

export interface LintedFile {
  readonly path: string;
  readonly text: string;
  readonly model: TemplateModel;
  readonly findings: readonly Finding[];
  readonly configPath: string | undefined;
  readonly configProblems: readonly ConfigProblem[];
}

/** Kinds of JSON that are linted when found by walking a folder; parameters files and other JSON are skipped. */
const LINTABLE = new Set<TemplateModel['kind']>(['template', 'restBody', 'vmssShow']);

/**
 * Lints each target with the nearest `.vmss-upgrade.json` above it (the same lookup as the language
 * server). Files found by walking are skipped unless they are templates, REST bodies or CLI output.
 */
export function lintTargets(targets: readonly LintTarget[], options: { parametersPath?: string; now: number }): LintedFile[] {
  const configs = new WorkspaceConfig();
  const out: LintedFile[] = [];
  for (const target of targets) {
    const loaded = loadTemplate(target.path, options.parametersPath);
    if (!target.explicit && !LINTABLE.has(loaded.model.kind)) continue;
    const configFile = configs.forDocument(pathToFileURL(target.path).toString());
    const parsed = configFile ? parseRuleConfigText(configFile.text, RULE_IDS) : undefined;
    const findings = runRules(loaded.model, loaded.text, { config: parsed?.config, now: options.now });
    out.push({ path: target.path, text: loaded.text, model: loaded.model, findings, configPath: configFile?.path, configProblems: parsed?.problems ?? [] });
  }
  return out;
}
