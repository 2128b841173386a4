import { getLanguageService, type TemplateDocument } from '../core/languageService';
import type { DirectoryListings } from '../host/parametersDiscovery';
import { findParametersFile } from '../host/parametersDiscovery';
import { moduleReader } from '../host/readTextFile';
import { readTextFile } from './io';

/** The CLI's one entry into the engine's language features (the simulator it calls through core/sim). */
export const ls = getLanguageService();

export interface LoadedTemplate {
  readonly path: string;
  /** The template, parsed and analysed (its text is `doc.text`, its model `doc.model`). */
  readonly doc: TemplateDocument;
  /** The parameters file used, if any: the one given, else one found beside the template. */
  readonly parametersPath: string | undefined;
}

/**
 * Reads a template and its parameters file: the one given, else the one found beside it
 * (host/parametersDiscovery.ts). A `.bicep` template reads its local modules relative to itself. Every
 * file given is read whole, also one that names nothing of ours, so its parse errors are reported. A run over
 * many files passes one `listings`, so each folder is listed once.
 */
export function loadTemplate(path: string, parametersPath?: string, listings?: DirectoryListings): LoadedTemplate {
  const text = readTextFile(path);
  const found = parametersPath ?? findParametersFile(path, listings);
  const parametersText = found === undefined ? undefined : readTextFile(found);
  const doc = ls.createDocument(path, undefined, text, {
    ...(parametersText === undefined ? {} : { parametersText }),
    readFile: moduleReader(path),
    readUnrelated: true,
  });
  return { path, doc, parametersPath: found };
}
