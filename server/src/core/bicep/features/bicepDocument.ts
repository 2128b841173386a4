import type { ArmDocument } from '../../services/armDocument';
import { formatOf } from '../../formats';
import { LineIndex } from '../../text/lineIndex';
import { analyzeBicepFile, type AnalyzeBicepOptions } from '../analyzeBicep';
import { parseBicep } from '../parser';
import type { BicepFile } from '../syntax';

/**
 * A Bicep document for the language features: the same shape as a JSON ArmDocument (features that read
 * only the model — diagnostics, hints, lenses, symbols, the scale-set list — work unchanged), plus the
 * Bicep syntax tree for the features that read text (cursor context, completion, edits).
 */
export interface BicepDocument extends ArmDocument {
  readonly format: 'bicep';
  readonly file: BicepFile;
}

export function createBicepDocument(text: string, options: AnalyzeBicepOptions = {}): BicepDocument {
  const file = parseBicep(text);
  return { text, parsed: undefined, model: analyzeBicepFile(file, text, options), lines: new LineIndex(text), format: 'bicep', file };
}

/** True for a BicepDocument, or a lighter view of one that kept its `format` (see bicepCursorContext). */
export function isBicepDocument<T extends object>(doc: T): doc is T & { readonly format: 'bicep'; readonly file?: BicepFile } {
  return (doc as { readonly format?: unknown }).format === 'bicep';
}

/** True for the documents the Bicep front end reads: languageId `bicep`, or a `.bicep` URI or path. */
export function isBicepSource(uriOrPath: string, languageId?: string): boolean {
  return formatOf(uriOrPath, languageId) === 'bicep';
}
