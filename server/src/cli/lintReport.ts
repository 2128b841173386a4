import { explainFinding, sourceLinks, type Finding, type Severity } from '../core/rules';
import type { LineIndex } from '../core/text/lineIndex';
import type { Range } from '../core/text/span';
import type { LintedFile } from './lintRun';
import { capParseErrors } from './parseErrorCap';

/** The stable JSON of `vmss-upgrade lint --format json` (documented in docs/cli.md). Ranges are 0-based, as in LSP. */
export interface LintReport {
  readonly version: 1;
  readonly files: readonly LintFileReport[];
}

export interface LintFileReport {
  readonly path: string;
  readonly kind: LintedFile['doc']['model']['kind'];
  readonly config: string | null;
  readonly configProblems: readonly { message: string }[];
  /** The first MAX_PARSE_ERRORS (100) parse errors. */
  readonly parseErrors: readonly { message: string; range: Range }[];
  /** Parse errors beyond those listed. */
  readonly parseErrorsOmitted: number;
  readonly diagnostics: readonly LintDiagnostic[];
}

export interface LintDiagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  /** One or two sentences, at most 160 characters. */
  readonly message: string;
  /** The whole story as plain text: explanation, Azure's error text, assumption, sources and the rule's page. */
  readonly explanation: string;
  /** The same, by part; null when the rule gives no details. */
  readonly details: LintDetails | null;
  readonly scaleSet: string | null;
  readonly range: Range;
  readonly related: readonly { message: string; range: Range }[];
  readonly fixes: readonly string[];
}

export interface LintDetails {
  readonly explanation: string;
  readonly azureError: string | null;
  readonly assumption: string | null;
  readonly sources: readonly { readonly title: string; readonly url: string }[];
}

export function buildLintReport(files: readonly LintedFile[]): LintReport {
  return { version: 1, files: files.map(fileReport) };
}

function fileReport(file: LintedFile): LintFileReport {
  const { lines, model } = file.doc;
  const errors = capParseErrors(model.parseErrors);
  return {
    path: file.path,
    kind: model.kind,
    config: file.configPath ?? null,
    configProblems: file.configProblems.map((p) => ({ message: p.message })),
    parseErrors: errors.listed.map((e) => ({ message: e.message, range: lines.rangeOf(e.span) })),
    parseErrorsOmitted: errors.omitted,
    diagnostics: file.findings.map((f) => diagnostic(f, lines)),
  };
}

function diagnostic(finding: Finding, lines: LineIndex): LintDiagnostic {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    explanation: explainFinding(finding),
    details: finding.details
      ? {
          explanation: finding.details.explanation,
          azureError: finding.details.azureError ?? null,
          assumption: finding.details.assumption ?? null,
          sources: sourceLinks(finding.details),
        }
      : null,
    scaleSet: finding.scaleSet ?? null,
    range: lines.rangeOf(finding.span),
    related: finding.related.map((r) => ({ message: r.message, range: lines.rangeOf(r.span) })),
    fixes: finding.fixes.map((fix) => fix.title),
  };
}

export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
