/**
 * The engine's facade as the language server builds it, for feature tests: documents are created
 * through it (choosing the JSON or Bicep front end as the server does) and every feature is called on it.
 */
import { getLanguageService, type DocumentOptions, type TemplateDocument } from '../../server/src/core/languageService';
import { ShowPreviewCommand } from '../../server/src/protocol';

export const ls = getLanguageService({ previewCommand: ShowPreviewCommand.command });

/** A JSON document (an ARM template, parameters file, REST body or `az vmss show` output). */
export function jsonDocument(text: string, options: DocumentOptions = {}): TemplateDocument {
  return ls.createDocument('file:///test/azuredeploy.json', 'json', text, options);
}

/** A Bicep document. */
export function bicepDocument(text: string, options: DocumentOptions = {}): TemplateDocument {
  return ls.createDocument('file:///test/main.bicep', 'bicep', text, options);
}
