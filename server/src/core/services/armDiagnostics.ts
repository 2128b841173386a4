import type { Diagnostic } from 'vscode-languageserver-types';
import type { Finding, FindingTag, Severity } from '../rules/ruleTypes';
import type { ArmDocument } from './armDocument';

export const DIAGNOSTIC_SOURCE = 'vmss-upgrade';
/** The code of JSON syntax errors, which come from the parser rather than a rule. */
export const JSON_SYNTAX_CODE = 'json-syntax';
/** JSON syntax errors come from no rule, so their link goes to Azure's page on template syntax. */
const TEMPLATE_SYNTAX_DOCS = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax';
/** Past this many, syntax errors are noise: the first ones are what the user must fix. */
const MAX_SYNTAX_ERRORS = 20;

// LSP DiagnosticSeverity and DiagnosticTag values, written out so the engine imports only types.
const SEVERITY: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, info: 3, hint: 4 };
const TAG: Readonly<Record<FindingTag, 1 | 2>> = { unnecessary: 1, deprecated: 2 };

export interface DiagnosticOptions {
  /** The document's URI, for related information. */
  readonly uri: string;
  /** Base URL of the rule pages; `<base><rule-id>.md` is each diagnostic's codeDescription. */
  readonly docsBase: string;
  /** Severity of JSON syntax errors, or 'off'. */
  readonly syntaxSeverity?: Severity | 'off';
}

/** Findings of the rules, plus the parser's syntax errors, as LSP diagnostics. */
export function toDiagnostics(doc: ArmDocument, findings: readonly Finding[], options: DiagnosticOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const syntax = options.syntaxSeverity ?? 'error';
  if (syntax !== 'off') {
    for (const problem of doc.model.parseErrors.slice(0, MAX_SYNTAX_ERRORS)) {
      out.push({
        range: doc.lines.rangeOf(problem.span),
        severity: SEVERITY[syntax],
        code: JSON_SYNTAX_CODE,
        codeDescription: { href: TEMPLATE_SYNTAX_DOCS },
        source: DIAGNOSTIC_SOURCE,
        message: problem.message,
      });
    }
  }
  for (const finding of findings) out.push(findingToDiagnostic(doc, finding, options));
  return out;
}

export function findingToDiagnostic(doc: ArmDocument, finding: Finding, options: DiagnosticOptions): Diagnostic {
  const diagnostic: Diagnostic = {
    range: doc.lines.rangeOf(finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: `${options.docsBase}${finding.ruleId}.md` },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: options.uri, range: doc.lines.rangeOf(r.span) }, message: r.message }));
  }
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((t) => TAG[t]);
  return diagnostic;
}
