import { isCheckedKind } from '../core/relevance';
import { EMPTY_CONFIG, RULE_IDS, parseRuleConfigText, type ConfigProblem, type Finding } from '../core/rules';
import type { TemplateDocument } from '../core/languageService';
import { DirectoryListings } from '../host/parametersDiscovery';
import { WorkspaceConfig } from '../host/workspaceConfig';
import { loadTemplate, ls } from './loadTemplate';
import type { LintTarget } from './findTemplates';

export interface LintedFile {
  readonly path: string;
  readonly doc: TemplateDocument;
  readonly findings: readonly Finding[];
  readonly configPath: string | undefined;
  readonly configProblems: readonly ConfigProblem[];
}

/**
 * Lints each target with the nearest `.vmss-upgrade.json` above it (the same lookup as the language
 * server). Files found by walking are skipped unless they are templates, REST bodies or CLI output.
 */
export function lintTargets(targets: readonly LintTarget[], options: { parametersPath?: string; now: number }): LintedFile[] {
  const configs = new WorkspaceConfig();
  const listings = new DirectoryListings();
  const out: LintedFile[] = [];
  for (const target of targets) {
    const loaded = loadTemplate(target.path, options.parametersPath, listings);
    // Found by walking a folder: only the kinds the rules check (parameters files and other JSON are skipped).
    if (!target.explicit && !isCheckedKind(loaded.doc.model.kind)) continue;
    const configFile = configs.forFile(target.path);
    const parsed = configFile ? parseRuleConfigText(configFile.text, RULE_IDS) : undefined;
    const findings = ls.findProblems(loaded.doc, parsed?.config ?? EMPTY_CONFIG, { now: options.now, anyDocument: true });
    out.push({ path: target.path, doc: loaded.doc, findings, configPath: configFile?.path, configProblems: parsed?.problems ?? [] });
  }
  return out;
}
