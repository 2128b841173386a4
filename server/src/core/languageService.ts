import { adviseAt, policyEditsAt } from './features/advisorRequests';
import { simulationFindings } from './features/blockers';
import { compareDocuments, getChangeImpactLenses, type ImpactReport } from './features/changeImpact';
import { getCodeActions, resolveCodeAction } from './features/codeActions';
import { getCodeLenses, resolveCodeLens } from './features/codeLens';
import { doComplete } from './features/completion';
import { toDiagnostics } from './features/diagnostics';
import { doHover } from './features/hover';
import { getInlayHints } from './features/inlayHints';
import { describeScaleSets } from './features/scaleSets';
import { findDocumentSymbols } from './features/symbols';
import { checkDocument, findProblems } from './features/validation';
import type { NeutralEdit, TextEdit } from './edits/neutralEdit';
import { frontEndFor } from './frontEnds/frontEndFor';
import type {
  ChangeImpactLensOptions,
  CodeLensOptions,
  DiagnosticOptions,
  DocumentOptions,
  PathSegment,
  Range,
  TemplateDocument,
} from './languageTypes';
import { isScaleSetDocument, mayConcernScaleSets, showsProblems } from './relevance';
import { RULE_DOCS_BASE_URL } from './rules/docsUrl';
import { advisePolicy } from './advisor';
import type { AdvisorGoals, AdvisorOptions, AdvisorResult, AdvisorWhatIf } from './advisor';

export interface LanguageServiceOptions {
  /**
   * The client command a CodeLens runs to open the preview (the adapter's protocol names it:
   * server/src/protocol.ts, ShowPreviewCommand); without one, lenses carry no command name.
   */
  readonly previewCommand?: string;
  /**
   * The client command the "Tune rolling policy…" lens runs (TunePolicyCommand in server/src/protocol.ts):
   * it applies the tune code action at the lens's range. Without one, that lens is not offered.
   */
  readonly tuneCommand?: string;
  /** Base URL of the rule pages (`<base><rule-id>.md`): the pages shipped beside the server, else the published ones. */
  readonly docsBase?: string;
}

/**
 * The engine's language features behind one facade, in the manner of vscode-json-languageservice's
 * getLanguageService(): adapters (the LSP server, the CLI, the preview's host), tests and benchmarks
 * enter here. A document is created once per version, with the front end of its format chosen then
 * (JSON or Bicep); every feature reads that document and returns LSP-shaped plain objects.
 */
export function getLanguageService(options: LanguageServiceOptions = {}) {
  const docsBase = options.docsBase ?? RULE_DOCS_BASE_URL;
  const lensOptions = (o: CodeLensOptions): CodeLensOptions => ({
    ...(options.previewCommand === undefined ? {} : { command: options.previewCommand }),
    ...(options.tuneCommand === undefined ? {} : { tuneCommand: options.tuneCommand }),
    ...o,
  });
  return Object.freeze({
    /** Parses and analyses one version of a document, with the front end its language id or name selects. */
    createDocument: (
      uriOrPath: string,
      languageId: string | undefined,
      text: string,
      documentOptions: DocumentOptions = {},
    ): TemplateDocument => frontEndFor(uriOrPath, languageId).createDocument(text, documentOptions),
    /** Before parsing: may this JSON text hold anything of ours? (Bicep files always may.) */
    mayConcernScaleSets,
    /** A checked kind of document with scale sets: what the editor's features serve. */
    isScaleSetDocument: (doc: TemplateDocument) => isScaleSetDocument(doc.model),
    /** Whether the editor shows this document's problems (see relevance.ts). */
    showsProblems: (doc: TemplateDocument) => showsProblems(doc.model, doc.text),
    doComplete,
    /** Hover: the policy property's documentation, and each finding on the hovered range in full (pass the findings). */
    doHover: (doc: TemplateDocument, position: Parameters<typeof doHover>[1], o: Parameters<typeof doHover>[2] = {}) =>
      doHover(doc, position, { docsBase, ...o }),
    findProblems,
    checkDocument,
    toDiagnostics: (
      doc: TemplateDocument,
      findings: Parameters<typeof toDiagnostics>[1],
      o: Omit<DiagnosticOptions, 'docsBase'> & { docsBase?: string },
    ) => toDiagnostics(doc, findings, { docsBase, ...o }),
    getCodeActions,
    resolveCodeAction,
    /** Writes a fix's neutral edits in the document's format; undefined when they cannot be written safely. */
    writeEdits: (doc: TemplateDocument, edits: readonly NeutralEdit[]): TextEdit[] | undefined => doc.frontEnd.writeEdits(doc, edits),
    getCodeLenses: (doc: TemplateDocument, o: CodeLensOptions) => getCodeLenses(doc, lensOptions(o)),
    /** `found`: the document's simulationFindings, when the caller keeps them for the next lens. */
    resolveCodeLens: (
      doc: TemplateDocument,
      lens: Parameters<typeof resolveCodeLens>[1],
      o: CodeLensOptions,
      found?: ReturnType<typeof simulationFindings>,
    ) => resolveCodeLens(doc, lens, lensOptions(o), found),
    /**
     * Change impact: what deploying `after` over the baseline `before` does to each scale set (core/impact);
     * undefined past IMPACT_LENS_LIMIT scale sets (the CLI's diff has no limit).
     */
    compareDocuments,
    /** A lens on each scale set the report says the edit changes (the baseline: the file at HEAD, a revision, a file). */
    getChangeImpactLenses: (after: TemplateDocument, report: ImpactReport, o: ChangeImpactLensOptions) =>
      getChangeImpactLenses(after, report, options.previewCommand === undefined ? o : { command: options.previewCommand, ...o }),
    getInlayHints,
    findDocumentSymbols,
    describeScaleSets,
    /** Per scale set: the findings that block its upgrade, and an expired SAS URL (features/blockers.ts). */
    simulationFindings,
    /**
     * The policy advisor (core/advisor): the rolling policies of one of the document's scale sets scored by the
     * simulator, their Pareto front and the recommendation for the goals (docs/advisor.md).
     */
    advisePolicy: (
      scaleSet: TemplateDocument['model']['scaleSets'][number],
      goals: AdvisorGoals = {},
      whatIf: AdvisorWhatIf = {},
      o: AdvisorOptions = {},
    ): AdvisorResult => advisePolicy(scaleSet, goals, whatIf, o),
    /** The advice for the scale set at a JSON path, with the editor's what-if defaults under the caller's (the preview's advisor). */
    adviseAt,
    /** The edits that write a policy the advice for these goals evaluated into the scale set at a JSON path. */
    policyEditsAt,
    /** Syntax paths by offset, for fingerprints that survive unrelated edits (undefined in Bicep). */
    nodePaths: (doc: TemplateDocument): ((offset: number) => readonly PathSegment[] | undefined) => doc.frontEnd.nodePaths(doc),
    /** Where each upgrade-policy property sits, by canonical name: what the preview selects on "reveal". */
    policyPropertyRanges: (
      uriOrPath: string,
      languageId: string | undefined,
      text: string,
      upgradePolicyOffset: number,
      rangeAt: (start: number, end: number) => Range,
    ) => frontEndFor(uriOrPath, languageId).policyPropertyRanges(text, upgradePolicyOffset, rangeAt),
  });
}

export type LanguageService = ReturnType<typeof getLanguageService>;
export type * from './languageTypes';
export type { Advice, AdvisorGoals, AdvisorPolicy, AdvisorRefusal, AdvisorResult, AdvisorWhatIfInput, Candidate } from './advisor';
export type { PolicyEditResult } from './features/advisorRequests';
/** The title of the "Tune rolling policy…" code action, which the client's lens command looks for. */
export { TUNE_POLICY_TITLE } from './features/tunePolicy';
export type { ImpactChange, ImpactReport, ScaleSetImpact } from './features/changeImpact';
export { DIAGNOSTIC_SOURCE, JSON_SYNTAX_CODE } from './languageTypes';
export { formatOf } from './formats';
export type { DocumentProblems, ProblemOptions } from './features/validation';
