import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CursorDocument, LanguageService, Span, TemplateDocument } from '../core/languageService';
import { CARRY_SPANS_FROM, REUSE_ANALYSIS_FROM } from '../core/limits';
import { moduleReader } from '../host/readTextFile';
import { toPath } from '../host/workspaceConfig';
import type { EditLog } from './editLog';
import type { ParametersFiles } from './parametersFiles';

export interface CachedDocument {
  readonly uri: string;
  readonly version: number;
  readonly doc: TemplateDocument;
  /** The parameters file that fed the analysis, if any. */
  readonly parametersUri: string | undefined;
  /** The findings and diagnostics of this version, memoised by serverContext.analyse (keyed by rule configuration). */
  analysis?: unknown;
  /**
   * The previous version's `analysis`, when this version's model was made from that version's: its findings
   * can be carried over (serverContext.analyse takes it, once).
   */
  previousAnalysis?: unknown;
  /** What blocks each scale set's upgrade, for the CodeLens: computed on the first resolve, shared by the rest. */
  lensFindings?: ReturnType<LanguageService['simulationFindings']>;
}

/**
 * One analysed document per URI and version: parsed and modelled once, then every request of that
 * version reads it. A changed parameters file changes the key, so the template is analysed again.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument & { paramsKey: string; concerns: boolean }>();

  constructor(
    private readonly ls: LanguageService,
    private readonly parameters: ParametersFiles,
    private readonly edits: EditLog,
  ) {}

  get(document: TextDocument): CachedDocument {
    const cached = this.entries.get(document.uri);
    const sameText = cached?.version === document.version;
    // Every request asks; the scan of the text for our words is done once per version.
    const concerns = sameText ? cached!.concerns : this.ls.mayConcernScaleSets(document.getText());
    const params = concerns ? this.parameters.forTemplate(document.uri) : undefined;
    const paramsKey = params?.key ?? '';
    if (cached && sameText && cached.paramsKey === paramsKey) return cached;
    const text = document.getText();
    const path = toPath(document.uri);
    const readFile = path === undefined ? undefined : moduleReader(path);
    // A large document is analysed from its previous version (same parameters file): only what the edit touched is read again.
    const previous = cached && cached.paramsKey === paramsKey && text.length >= REUSE_ANALYSIS_FROM ? cached : undefined;
    const doc = this.ls.createDocument(document.uri, document.languageId, text, {
      ...(params ? { parametersText: params.text } : {}),
      ...(readFile ? { readFile } : {}),
      ...(previous ? { previous: previous.doc } : {}),
    });
    const entry = {
      uri: document.uri,
      version: document.version,
      doc,
      parametersUri: params?.uri,
      paramsKey,
      concerns,
      ...(previous && doc.lineage ? { previousAnalysis: previous.analysis } : {}),
    };
    this.entries.set(document.uri, entry);
    this.edits.analysed(document.uri, document.version);
    return entry;
  }

  /**
   * For completion: the analysis of this version if there is one; else, for a large document, the last
   * analysis with its scale-set spans carried through the edits since (the cursor features read only
   * the text, positions and where each scale set is); else a fresh analysis.
   */
  forCursor(document: TextDocument): CursorDocument {
    const cached = this.entries.get(document.uri);
    if (!cached || cached.version === document.version || document.getText().length < CARRY_SPANS_FROM) return this.get(document).doc;
    const scaleSets = [];
    for (const scaleSet of cached.doc.model.scaleSets) {
      const span = this.edits.mapSpan(document.uri, cached.version, scaleSet.span);
      if (!span) return this.get(document).doc;
      scaleSets.push({ ...scaleSet, span });
    }
    return { text: document.getText(), lines: document, model: { scaleSets }, frontEnd: cached.doc.frontEnd };
  }

  /** This version of the document is analysed (its parameters file may still have changed since: get() checks). */
  isAnalysed(document: TextDocument): boolean {
    return this.entries.get(document.uri)?.version === document.version;
  }

  /**
   * True when every edit since the document was last analysed lies inside one scale set of that analysis:
   * analysing the new version then reads that scale set again and carries the rest over, which is quick
   * enough not to wait for typing to pause (typingPause.ts).
   */
  editsInsideOneScaleSet(document: TextDocument): boolean {
    return this.lastAnalysisAround(document) !== undefined;
  }

  /**
   * The last analysis of a large document edited since only inside one of its scale sets: the entry, that
   * scale set's span in the analysed text and where it is now. Everything outside it is the same text.
   */
  lastAnalysisAround(document: TextDocument): { entry: CachedDocument; edited: Span; editedNow: Span } | undefined {
    const cached = this.entries.get(document.uri);
    if (!cached || cached.version === document.version || document.getText().length < REUSE_ANALYSIS_FROM) return undefined;
    const scaleSet = cached.doc.model.scaleSets.find((s) => this.edits.allInside(document.uri, cached.version, s.span));
    const editedNow = scaleSet && this.edits.mapSpan(document.uri, cached.version, scaleSet.span);
    return scaleSet && editedNow ? { entry: cached, edited: scaleSet.span, editedNow } : undefined;
  }

  /** A span of the analysed version `since` in the current text (editLog.ts: mapSpan). */
  mapSpan(uri: string, since: number, span: Span): Span | undefined {
    return this.edits.mapSpan(uri, since, span);
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.edits.forget(uri);
  }

  /** Drops every analysis (parameters or configuration changed outside the editor). */
  clear(): void {
    this.entries.clear();
  }
}
