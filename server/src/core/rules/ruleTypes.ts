import type { SourceId } from '../catalog/sources';
import type { NeutralEdit } from '../edits/neutralEdit';
import type { ScaleSetModel, TemplateModel } from '../model/templateModel';
import type { Span } from '../text/span';
import type { FactMemo } from './facts/memo';
import type { Suppression } from './suppressions';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** What `.vmss-upgrade.json` may set a rule to. */
export type SeverityOverride = Severity | 'off';
export const SEVERITY_OVERRIDES: readonly SeverityOverride[] = ['off', 'hint', 'info', 'warning', 'error'];

/** LSP's diagnostic tags, by name: editors fade unnecessary code and strike deprecated code through. */
export type FindingTag = 'unnecessary' | 'deprecated';

export interface RelatedInformation {
  readonly span: Span;
  readonly message: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly NeutralEdit[];
  /** The fix an editor may apply with "fix all" / auto-fix. */
  readonly isPreferred?: boolean;
}

/**
 * The whole story of a finding, beyond its one-line message: shown in full by the hover on the flagged
 * range, `lint --verbose`, JSON (`details`) and SARIF (`message.markdown`). Plain text (front ends escape
 * it); it may quote the template.
 */
export interface FindingDetails {
  /** Why it matters and what follows, with the concrete names and numbers: one or more sentences. */
  readonly explanation: string;
  /** Azure's error text for exactly this case, verbatim (with its code when known). */
  readonly azureError?: string;
  /** The assumption the finding depends on (a simulator assumption, or a fact the sources do not settle). */
  readonly assumption?: string;
  /** Where the facts come from (docs/sources.md): shown as titles with links, never as ids. */
  readonly sources?: readonly SourceId[];
}

/** One problem found in a template, ready for any front end (LSP, CLI, SARIF). */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** What is wrong with which value and what it causes: one or two sentences, at most 160 characters. */
  readonly message: string;
  /** The rest of the story: why, Azure's text, the assumption, the numbers, the sources. */
  readonly details?: FindingDetails;
  /** The scale set's display name; undefined for findings about the document (e.g. suppressions). */
  readonly scaleSet: string | undefined;
  /** The offending text (usually a value or a key). */
  readonly span: Span;
  readonly related: readonly RelatedInformation[];
  readonly tags?: readonly FindingTag[];
  readonly fixes: readonly Fix[];
}

/** What a rule's check returns; the runner adds the rule id, severity and scale set. */
export interface FindingDraft {
  /** One or two sentences, at most 160 characters (CONTRIBUTING.md, "Diagnostic messages"). */
  readonly message: string;
  readonly details?: FindingDetails;
  readonly span: Span;
  readonly related?: readonly RelatedInformation[];
  readonly tags?: readonly FindingTag[];
  readonly fixes?: readonly Fix[];
}

export interface ScaleSetRuleContext {
  readonly model: TemplateModel;
  readonly scaleSet: ScaleSetModel;
  readonly text: string;
  /** This run's memo of shared facts (rules/facts/): pass it to every fact a rule asks. */
  readonly facts: FactMemo;
  /** The current time (ISO text or epoch ms) when the caller gave one; the engine itself has no clock. */
  readonly now?: string | number;
}

export interface DocumentRuleContext {
  readonly model: TemplateModel;
  readonly text: string;
  readonly suppressions: readonly Suppression[];
  readonly knownRuleIds: ReadonlySet<string>;
}

/** What a finding of the rule stops: Azure rejects the template (`deployment`), or the upgrade cannot run or fails at once (`upgrade`). */
export type Blocks = 'deployment' | 'upgrade';

interface RuleBase {
  /** Stable kebab-case id: the diagnostic code, the config key, the suppression name, the docs page. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** Short, for lists and settings UIs. */
  readonly title: string;
  /** One or two sentences on what the rule checks. */
  readonly description: string;
  /** Repository-relative docs page, `docs/rules/<id>.md`. */
  readonly docs: string;
  /** Set when a finding means the upgrade never runs (rules/blocks.ts); absent otherwise. */
  readonly blocks?: Blocks;
}

/** Checks one scale set at a time (most rules). */
export interface ScaleSetRule extends RuleBase {
  readonly scope: 'scaleSet';
  check(ctx: ScaleSetRuleContext): readonly FindingDraft[];
}

/** Checks the document as a whole (e.g. suppression comments). */
export interface DocumentRule extends RuleBase {
  readonly scope: 'document';
  check(ctx: DocumentRuleContext): readonly FindingDraft[];
}

/** Findings the runner itself emits (a rule that crashed); listed so they can be configured and documented. */
export interface RunnerRule extends RuleBase {
  readonly scope: 'runner';
}

export type Rule = ScaleSetRule | DocumentRule | RunnerRule;

export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
