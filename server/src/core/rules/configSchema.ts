import type { Rule } from './ruleTypes';
import { SEVERITY_OVERRIDES } from './ruleTypes';

/**
 * The JSON Schema of `.vmss-upgrade.json`, built from the rule table so completion lists every rule.
 * schemas/vmss-upgrade.schema.json is this object, pretty-printed; a test keeps them equal.
 */
export function buildConfigSchema(rules: readonly Rule[]): object {
  const severity = { $ref: '#/definitions/severity' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'VMSS Upgrade Policy configuration (.vmss-upgrade.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'Severity per rule id; "off" turns a rule off.',
        additionalProperties: false,
        properties: Object.fromEntries(
          [...rules]
            .sort((a, b) => a.id.localeCompare(b.id))
            .map((rule) => [
              rule.id,
              { ...severity, description: `${rule.title}. ${rule.description} Default: ${rule.defaultSeverity}. Docs: ${rule.docs}` },
            ]),
        ),
      },
    },
    definitions: {
      severity: { type: 'string', enum: [...SEVERITY_OVERRIDES] },
    },
  };
}
