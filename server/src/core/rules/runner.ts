import type { ScaleSetModel, TemplateModel } from '../model/templateModel';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';
import type { RuleConfig } from './config';
import { FactMemo } from './facts/memo';
import { INTERNAL_RULE_ERROR } from './meta/suppressionRules';
import { RULE_IDS, RULES } from './registry';
import { findSuppressions, isSuppressible, SUPPRESSION_DIRECTIVE, type Suppression } from './suppressions';
import type { Finding, FindingDraft, Rule, ScaleSetRule, ScaleSetRuleContext, Severity } from './ruleTypes';
import { clip } from './valueOrigin';
import { shiftFinding } from './carryFindings';
import type { TextChange } from '../text/textChange';

export interface RunRulesOptions {
  /** Severity overrides, as read from `.vmss-upgrade.json` or editor settings. */
  readonly config?: RuleConfig;
  /** The rule table to run; the full table by default (tests pass a subset). */
  readonly rules?: readonly Rule[];
  /**
   * The current time (ISO 8601 text or epoch milliseconds) for rules that judge dates, such as SAS
   * expiry. The engine has no clock: the CLI and server pass the real time; without it those rules stay silent.
   */
  readonly now?: string | number;
  /**
   * Findings of the previous version to carry over: for scale set i, when `origins[i]` ≥ 0, the findings
   * the previous run had for scale set `origins[i]`, spans moved through `change` (the caller checked
   * that nothing else the rules read changed: model/lineage.ts, features/validation.ts).
   */
  readonly carry?: {
    readonly origins: readonly number[];
    readonly change: TextChange;
    readonly byScaleSet: readonly (readonly Finding[])[];
  };
}

/** A run's findings, and each scale set's before suppressions (what the next version's run may carry over). */
export interface RuleRun {
  readonly findings: Finding[];
  readonly byScaleSet: readonly (readonly Finding[])[];
  /** How many scale sets' findings were carried over rather than checked. */
  readonly carried: number;
}

/**
 * Runs every enabled rule: scale-set rules once per scale set, document rules once. Severity comes from
 * the config override, else the rule's default; `off` skips the rule. A rule that throws does not stop
 * the others: the runner reports `internal-rule-error` for that rule and scale set instead.
 * Findings on the line after a matching suppression comment are dropped. Sorted by position, then id.
 */
export function runRules(model: TemplateModel, text: string, options: RunRulesOptions = {}): Finding[] {
  return runRulesDetailed(model, text, options).findings;
}

/** runRules, with each scale set's findings kept apart. */
export function runRulesDetailed(model: TemplateModel, text: string, options: RunRulesOptions = {}): RuleRun {
  const rules = options.rules ?? RULES;
  const overrides = options.config?.rules ?? {};
  const severityOf = (rule: Rule): Severity | undefined => {
    const chosen = overrides[rule.id] ?? rule.defaultSeverity;
    return chosen === 'off' ? undefined : chosen;
  };
  // The line index is only needed to match suppression comments to lines; most templates have none.
  const hasDirectives = text.includes(SUPPRESSION_DIRECTIVE);
  const lines = hasDirectives ? new LineIndex(text) : undefined;
  const suppressions = lines ? findSuppressions(text, lines, model.commentSpans) : [];
  const knownRuleIds = rules === RULES ? RULE_IDS : new Set([...RULES, ...rules].map((r) => r.id));
  const internalSeverity = severityOf(INTERNAL_RULE_ERROR);
  const findings: Finding[] = [];
  // Reaches rules as ctx.now (read through rules/facts/clock.ts), only when given.
  const now = options.now;

  const reportCrash = (rule: Rule, scaleSet: ScaleSetModel | undefined, error: unknown) => {
    if (!internalSeverity) return;
    const where = scaleSet ? ` on scale set "${clip(scaleSet.displayName)}"` : '';
    const reason = error instanceof Error ? error.message : String(error);
    findings.push(
      toFinding(
        {
          message: `Rule ${rule.id} failed${where}, so its findings here are missing. This is a bug in VMSS Upgrade Policy; please report it.`,
          details: {
            explanation: `The rule threw: ${reason}. The other rules ran normally. Please report this with the template (or a part of it that shows the failure).`,
          },
          span: anchorOf(scaleSet),
        },
        INTERNAL_RULE_ERROR.id,
        internalSeverity,
        scaleSet?.displayName,
      ),
    );
  };

  const scaleSetRules: ScaleSetRule[] = [];
  const scaleSetSeverities: Severity[] = [];
  for (const rule of rules) {
    const severity = severityOf(rule);
    if (!severity) continue;
    if (rule.scope === 'scaleSet') {
      scaleSetRules.push(rule);
      scaleSetSeverities.push(severity);
    } else if (rule.scope === 'document') {
      try {
        for (const draft of rule.check({ model, text, suppressions, knownRuleIds }))
          findings.push(toFinding(draft, rule.id, severity, undefined));
      } catch (error) {
        reportCrash(rule, undefined, error);
      }
    }
  }
  // Scale set by scale set, one context each: the facts the rules share are then warm in the caches.
  // (A plain loop: this runs rules × scale sets times, so it makes no closure or pair per call.)
  // The facts the rules share, remembered for this run only.
  const facts = new FactMemo();
  const byScaleSet: Finding[][] = [];
  const carry = options.carry;
  let carried = 0;
  for (let s = 0; s < model.scaleSets.length; s++) {
    const scaleSet = model.scaleSets[s]!;
    const first = findings.length;
    const origin = carry?.origins[s] ?? -1;
    const before = origin >= 0 ? carry!.byScaleSet[origin] : undefined;
    if (before) {
      for (const finding of before) findings.push(shiftFinding(finding, carry!.change));
      byScaleSet.push(findings.slice(first));
      carried++;
      continue;
    }
    const ctx: ScaleSetRuleContext = now === undefined ? { model, scaleSet, text, facts } : { model, scaleSet, text, facts, now };
    for (let i = 0; i < scaleSetRules.length; i++) {
      const rule = scaleSetRules[i]!;
      try {
        const drafts = rule.check(ctx);
        for (let j = 0; j < drafts.length; j++) findings.push(toFinding(drafts[j]!, rule.id, scaleSetSeverities[i]!, scaleSet.displayName));
      } catch (error) {
        reportCrash(rule, scaleSet, error);
      }
    }
    byScaleSet.push(findings.slice(first));
  }

  const shown = (lines ? findings.filter((f) => !isSuppressed(f, suppressions, lines)) : findings).sort(
    // Rule ids are ASCII: code-unit order (localeCompare would start ICU's collator, 8 ms of a CLI run).
    (a, b) => a.span.offset - b.span.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
  return { findings: shown, byScaleSet, carried };
}

function toFinding(draft: FindingDraft, ruleId: string, severity: Severity, scaleSet: string | undefined): Finding {
  const related = draft.related ?? [];
  const fixes = draft.fixes ?? [];
  // Written out, not spread: the same keys in the same order, `details` and `tags` only when there are some.
  const { message, details, span, tags } = draft;
  if (details)
    return tags?.length
      ? { ruleId, severity, message, details, scaleSet, span, related, tags, fixes }
      : { ruleId, severity, message, details, scaleSet, span, related, fixes };
  return tags?.length
    ? { ruleId, severity, message, scaleSet, span, related, tags, fixes }
    : { ruleId, severity, message, scaleSet, span, related, fixes };
}

function isSuppressed(finding: Finding, suppressions: readonly Suppression[], lines: LineIndex): boolean {
  if (!isSuppressible(finding.ruleId) || suppressions.length === 0) return false;
  const line = lines.positionAt(finding.span.offset).line;
  return suppressions.some((s) => s.line + 1 === line && s.ruleIds.some((r) => r.id === finding.ruleId));
}

/** Where to report a crash: the scale set's name, else the first character of its declaration. */
function anchorOf(scaleSet: ScaleSetModel | undefined): Span {
  if (!scaleSet) return { offset: 0, length: 0 };
  return scaleSet.name?.span ?? { offset: scaleSet.span.offset, length: 1 };
}
