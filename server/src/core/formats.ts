/**
 * The formats the engine reads, and which one a document is in: chosen once per document, from its
 * language id or its file name, before anything is parsed. Every adapter (the language server, the CLI,
 * the host's file discovery) asks here, so they cannot disagree.
 */
export type TemplateFormat = 'json' | 'bicep';

/** Bicep for languageId `bicep` or a `.bicep` URI or path (a query or fragment ignored); JSON otherwise. */
export function formatOf(uriOrPath: string, languageId?: string): TemplateFormat {
  return languageId === 'bicep' || /\.bicep$/i.test(uriOrPath.split(/[?#]/)[0]!) ? 'bicep' : 'json';
}
