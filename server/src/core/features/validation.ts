import type { TemplateDocument } from '../languageTypes';
import { isScaleSetDocument } from '../relevance';
import type { RuleConfig } from '../rules/config';
import { runRules } from '../rules/runner';
import type { Finding } from '../rules/ruleTypes';

export interface ProblemOptions {
  /**
   * The current time (epoch ms or ISO text) that date rules such as expired-sas-token judge against; the
   * engine has no clock of its own, so without it those rules stay silent.
   */
  readonly now?: number | string;
  /**
   * Run the rules on any document (the CLI lints every file it is given: document-level rules such as the
   * suppression checks then run on files without scale sets too). By default only documents with scale
   * sets are checked, as the editor does.
   */
  readonly anyDocument?: boolean;
}

/** The rules' findings on a document that holds scale sets; nothing for other documents (unless `anyDocument`). */
export function findProblems(doc: TemplateDocument, config: RuleConfig, options: ProblemOptions = {}): Finding[] {
  if (!options.anyDocument && !isScaleSetDocument(doc.model)) return [];
  return runRules(doc.model, doc.text, { config, ...(options.now === undefined ? {} : { now: options.now }) });
}
