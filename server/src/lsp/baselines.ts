import type { ImpactReport, LanguageService, TemplateDocument } from '../core/languageService';
import type { Baseline } from '../protocol';
import type { ParametersFiles } from './parametersFiles';

/**
 * What each open template is compared with for change impact (the client sends it: the server runs no
 * process). The baseline is read with the template's own parameters file, so a change of a parameter's
 * default shows; it is parsed once per baseline text and parameters version.
 */
export class Baselines {
  private readonly chosen = new Map<string, Baseline>();
  private readonly parsed = new Map<string, { readonly key: string; readonly doc: TemplateDocument }>();
  /** The last report per template, for the document version and baseline it compared. */
  private readonly reports = new Map<
    string,
    { readonly before: TemplateDocument; readonly after: TemplateDocument; readonly report?: ImpactReport }
  >();

  constructor(
    private readonly ls: LanguageService,
    private readonly parameters: ParametersFiles,
  ) {}

  set(templateUri: string, baseline: Baseline | null): void {
    this.parsed.delete(templateUri);
    this.reports.delete(templateUri);
    if (baseline) this.chosen.set(templateUri, baseline);
    else this.chosen.delete(templateUri);
  }

  forget(templateUri: string): void {
    this.set(templateUri, null);
  }

  /** The baseline of a template as a document of the engine, with its label; undefined when there is none. */
  documentFor(templateUri: string, languageId: string): { readonly label: string; readonly doc: TemplateDocument } | undefined {
    const baseline = this.chosen.get(templateUri);
    if (!baseline) return undefined;
    const params = this.parameters.forTemplate(templateUri);
    const key = `${params?.key ?? ''}`;
    let parsed = this.parsed.get(templateUri);
    if (parsed?.key !== key) {
      const doc = this.ls.createDocument(baseline.uri ?? templateUri, baseline.uri ? baseline.languageId : languageId, baseline.text, {
        ...(params ? { parametersText: params.text } : {}),
      });
      parsed = { key, doc };
      this.parsed.set(templateUri, parsed);
    }
    return { label: baseline.label, doc: parsed.doc };
  }

  /** The change-impact report of this version of the template against its baseline (computed once per pair). */
  impactFor(
    templateUri: string,
    languageId: string,
    after: TemplateDocument,
  ): { readonly label: string; readonly report?: ImpactReport } | undefined {
    const baseline = this.documentFor(templateUri, languageId);
    if (!baseline) return undefined;
    let memo = this.reports.get(templateUri);
    if (memo?.before !== baseline.doc || memo.after !== after) {
      memo = { before: baseline.doc, after, report: this.ls.compareDocuments(baseline.doc, after) };
      this.reports.set(templateUri, memo);
    }
    return { label: baseline.label, ...(memo.report ? { report: memo.report } : {}) };
  }
}
