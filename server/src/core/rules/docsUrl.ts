/**
 * Where rule documentation is published. The pages are the repository's docs/rules/<id>.md; editors that
 * have the extension installed open the copies shipped in the .vsix instead.
 */
export const RULE_DOCS_BASE_URL = 'https://github.com/vmss-upgrade-policy/vmss-upgrade-policy/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}${ruleId}.md`;
}
