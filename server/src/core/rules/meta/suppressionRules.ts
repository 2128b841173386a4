import { closestName } from '../../catalog/closestName';
import type { DocumentRule, FindingDraft, RunnerRule } from '../ruleTypes';
import { ruleDocsPath } from '../ruleTypes';
import { SUPPRESSION_DIRECTIVE } from '../suppressions';
import { clip } from '../valueOrigin';

/** Rules about the tool's own comments and health, emitted by document checks and by the runner. */

export const SUPPRESSION_MISSING_REASON: DocumentRule = {
  id: 'suppression-missing-reason',
  scope: 'document',
  defaultSeverity: 'warning',
  title: 'Suppression without a reason',
  description: `A \`${SUPPRESSION_DIRECTIVE}\` comment must say why, after \`--\`, so reviewers can judge it. The suppression still applies.`,
  docs: ruleDocsPath('suppression-missing-reason'),
  check: (ctx) =>
    ctx.suppressions
      .filter((s) => s.reason === undefined)
      .map((s): FindingDraft => {
        const names = s.ruleIds.map((r) => `"${clip(r.id)}"`);
        const shown =
          names.length === 0
            ? 'no rule'
            : names.length <= 2
              ? names.join(', ')
              : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
        return {
          message: `This suppression of ${shown} gives no reason; add one after " -- " so the next reader knows why the check is off.`,
          details: {
            explanation: `For example: "// ${SUPPRESSION_DIRECTIVE} ${clip(s.ruleIds[0]?.id ?? '<rule-id>')} -- set by the platform team". The suppression still applies.`,
          },
          span: s.span,
        };
      }),
};

export const SUPPRESSION_UNKNOWN_RULE: DocumentRule = {
  id: 'suppression-unknown-rule',
  scope: 'document',
  defaultSeverity: 'warning',
  title: 'Suppression names an unknown rule',
  description: `A \`${SUPPRESSION_DIRECTIVE}\` comment names a rule id that does not exist (or names none), so it silences nothing.`,
  docs: ruleDocsPath('suppression-unknown-rule'),
  check: (ctx) => {
    const known = [...ctx.knownRuleIds];
    const out: FindingDraft[] = [];
    for (const s of ctx.suppressions) {
      if (s.ruleIds.length === 0) {
        out.push({
          message: 'This suppression names no rule, so it silences nothing; blanket suppressions are not supported.',
          details: {
            explanation: `Name the rule ids to silence, e.g. "// ${SUPPRESSION_DIRECTIVE} value-out-of-range -- reason".`,
          },
          span: s.span,
        });
        continue;
      }
      for (const r of s.ruleIds) {
        if (ctx.knownRuleIds.has(r.id)) continue;
        const suggestion = closestName(r.id, known);
        out.push({
          message: `"${clip(r.id)}" is not a rule of VMSS Upgrade Policy, so this suppression silences nothing for it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
          span: r.span,
          fixes: suggestion
            ? [
                {
                  title: `Change to "${suggestion}"`,
                  edits: [{ kind: 'replaceText', span: r.span, newText: suggestion }],
                  isPreferred: true,
                },
              ]
            : [],
        });
      }
    }
    return out;
  },
};

export const INTERNAL_RULE_ERROR: RunnerRule = {
  id: 'internal-rule-error',
  scope: 'runner',
  defaultSeverity: 'warning',
  title: 'A rule failed',
  description:
    'A rule threw an exception on this scale set. Its findings are missing; every other rule still ran. This is a bug in the extension.',
  docs: ruleDocsPath('internal-rule-error'),
};

export const META_RULES = [SUPPRESSION_MISSING_REASON, SUPPRESSION_UNKNOWN_RULE, INTERNAL_RULE_ERROR] as const;
