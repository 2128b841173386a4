import { MAX_SYNTAX_ERRORS } from '../limits';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Finding, FindingTag, Severity } from '../rules/ruleTypes';
import { DIAGNOSTIC_SOURCE, JSON_SYNTAX_CODE, type DiagnosticOptions, type TemplateDocument } from '../languageTypes';
import { RULE_DOCS_BASE_URL, ruleDocsUrlAt } from '../rules/docsUrl';

/** JSON syntax errors come from no rule, so their link goes to Azure's page on template syntax. */
const TEMPLATE_SYNTAX_DOCS = 'https://learn.microsoft.com/azure/azure-resource-manager/templates/syntax';

// LSP DiagnosticSeverity and DiagnosticTag values, written out so the engine imports only types.
const SEVERITY: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, info: 3, hint: 4 };
const TAG: Readonly<Record<FindingTag, 1 | 2>> = { unnecessary: 1, deprecated: 2 };

/** Findings of the rules, plus the parser's syntax errors, as LSP diagnostics. */
export function toDiagnostics(doc: TemplateDocument, findings: readonly Finding[], options: DiagnosticOptions): Diagnostic[] {
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

export function findingToDiagnostic(doc: TemplateDocument, finding: Finding, options: DiagnosticOptions): Diagnostic {
  const diagnostic: Diagnostic = {
    range: doc.lines.rangeOf(finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrlAt(options.docsBase ?? RULE_DOCS_BASE_URL, finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({
      location: { uri: options.uri, range: doc.lines.rangeOf(r.span) },
      message: r.message,
    }));
  }
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((t) => TAG[t]);
  return diagnostic;
}
