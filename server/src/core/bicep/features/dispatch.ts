import { writeJsonEdits } from '../../edits/jsonWriter';
import { writeBicepEdits } from '../../edits/bicepWriter';
import type { NeutralEdit, TextEdit } from '../../edits/neutralEdit';
import { createArmDocument, type ArmDocument } from '../../services/armDocument';
import type { ReadFile } from '../modules';
import { createBicepDocument, isBicepDocument, isBicepSource } from './bicepDocument';

/**
 * The calls the adapters make where JSON and Bicep part ways, one per integration point, so each
 * JSON-only call site changes by one line: building the document, and writing a fix.
 */

export interface DocumentSourceOptions {
  /** Text of the parameters file (JSON, or .bicepparam for Bicep). */
  readonly parametersText?: string;
  /** Reads a Bicep module's file relative to the template (the adapter binds it to the template's folder). */
  readonly readFile?: ReadFile;
}

/** A JSON ArmDocument, or a BicepDocument for languageId `bicep` or a `.bicep` URI/path. */
export function createDocumentFor(uriOrPath: string, languageId: string | undefined, text: string, options: DocumentSourceOptions = {}): ArmDocument {
  if (isBicepSource(uriOrPath, languageId)) return createBicepDocument(text, options);
  return createArmDocument(text, options.parametersText === undefined ? {} : { parametersText: options.parametersText });
}

/** Writes a fix's neutral edits with the writer of the document's format; undefined when it cannot be written safely. */
export function writeEditsFor(doc: ArmDocument, edits: readonly NeutralEdit[]): TextEdit[] | undefined {
  return isBicepDocument(doc) ? writeBicepEdits(doc.text, edits, doc.file) : writeJsonEdits(doc.text, edits);
}
