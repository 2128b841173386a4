import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createArmDocument, mayConcernScaleSets, type ArmDocument } from './core/services/armDocument';
import type { ParametersFiles } from './parametersFiles';

export interface CachedDocument {
  readonly uri: string;
  readonly version: number;
  readonly doc: ArmDocument;
  /** The parameters file that fed the analysis, if any. */
  readonly parametersUri: string | undefined;
  /** The findings and diagnostics of this version, memoised by serverContext.analyse (keyed by rule configuration). */
  analysis?: unknown;
}

/**
 * One analysed document per URI and version: parsed and modelled once, then every request of that
 * version reads it. A changed parameters file changes the key, so the template is analysed again.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument & { paramsKey: string }>();

  constructor(private readonly parameters: ParametersFiles) {}

  get(document: TextDocument): CachedDocument {
    const text = document.getText();
    const params = mayConcernScaleSets(text) ? this.parameters.forTemplate(document.uri) : undefined;
    const paramsKey = params?.key ?? '';
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.paramsKey === paramsKey) return cached;
    const doc = createArmDocument(text, params ? { parametersText: params.text } : {});
    const entry = { uri: document.uri, version: document.version, doc, parametersUri: params?.uri, paramsKey };
    this.entries.set(document.uri, entry);
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Drops every analysis (parameters or configuration changed outside the editor). */
  clear(): void {
    this.entries.clear();
  }
}
