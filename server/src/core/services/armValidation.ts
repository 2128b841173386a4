import type { RuleConfig } from '../rules/config';
import { runRules } from '../rules/runner';
import type { Finding } from '../rules/ruleTypes';
import { isScaleSetDocument, type ArmDocument } from './armDocument';

/**
 * The rules' findings on a document that holds scale sets; nothing for other documents. `now` (epoch ms
 * or ISO text) lets date rules such as expired-sas-token judge; the engine has no clock of its own.
 */
export function findProblems(doc: ArmDocument, config: RuleConfig, now?: number | string): Finding[] {
  return isScaleSetDocument(doc) ? runRules(doc.model, doc.text, { config, ...(now === undefined ? {} : { now }) }) : [];
}
