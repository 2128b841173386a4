/**
 * Where rule documentation is published: the repository's docs/rules/<id>.md. Editors that have the
 * extension installed open the copies shipped in the .vsix instead (the server passes their folder as
 * the base). Every link to a rule's page (diagnostics, SARIF, the client's "Show Rule Documentation") is
 * built here.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/vmss-upgrade-policy/vmss-upgrade-policy/blob/main/docs/rules/';

/** The published page of a rule. */
export function ruleDocsUrl(ruleId: string): string {
  return ruleDocsUrlAt(RULE_DOCS_BASE_URL, ruleId);
}

/** The page of a rule under another base (a folder URL ending in `/`). */
export function ruleDocsUrlAt(base: string, ruleId: string): string {
  return `${base}${ruleId}.md`;
}
