import type { TemplateDocument } from '../languageTypes';
import { isScaleSetDocument } from '../relevance';
import type { RuleConfig } from '../rules/config';
import { runRulesDetailed } from '../rules/runner';
import type { TemplateModel } from '../model/templateModel';
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
  return checkDocument(doc, config, options).findings;
}

/** One check of a document: its findings, and what the check of its next version may carry over. */
export interface DocumentProblems {
  readonly findings: Finding[];
  /** How many scale sets' findings were carried over from `previous` rather than checked again. */
  readonly carried: number;
  /** The model checked, each scale set's findings, and the configuration and time they were found under. */
  readonly model: TemplateModel;
  readonly byScaleSet: readonly (readonly Finding[])[];
  readonly key: string;
}

/**
 * findProblems, carrying findings over from the check of the previous version (`previous`) for the scale
 * sets the document's lineage carried over, when nothing else the rules read changed: the load balancers
 * and clusters (lineage.neighboursUnchanged), the configuration and the time (`now`: pass it at the
 * precision the rules need, e.g. the minute, or nothing is carried over between calls). The findings
 * equal those of a full check.
 */
export function checkDocument(
  doc: TemplateDocument,
  config: RuleConfig,
  options: ProblemOptions & { readonly previous?: DocumentProblems } = {},
): DocumentProblems {
  const key = `${JSON.stringify(config)}|${String(options.now)}|${options.anyDocument === true}`;
  if (!options.anyDocument && !isScaleSetDocument(doc.model)) return { findings: [], carried: 0, model: doc.model, byScaleSet: [], key };
  const { previous } = options;
  const lineage = doc.lineage;
  const carry =
    previous && lineage?.neighboursUnchanged && previous.model === lineage.from && previous.key === key
      ? { origins: lineage.origins, change: lineage.change, byScaleSet: previous.byScaleSet }
      : undefined;
  const run = runRulesDetailed(doc.model, doc.text, {
    config,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(carry ? { carry } : {}),
  });
  return { findings: run.findings, carried: run.carried, model: doc.model, byScaleSet: run.byScaleSet, key };
}
