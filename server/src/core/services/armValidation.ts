import type { RuleConfig } from '../rules/config';
import { runRules } from '../rules/runner';
import type { Finding } from '../rules/types';
import { isScaleSetDocument, type ArmDocument } from './armDocument';

/** The rules' findings on a document that holds scale sets; nothing for other documents. */
export function findProblems(doc: ArmDocument, config: RuleConfig): Finding[] {
  return isScaleSetDocument(doc) ? runRules(doc.model, doc.text, { config }) : [];
}
