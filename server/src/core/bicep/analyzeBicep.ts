import { SUPPRESSION_DIRECTIVE, type TemplateModel } from '../model/templateModel';
import { readBicepParameters } from './bicepParams';
import { BicepScope } from './bicepScope';
import { findBicepComments } from './comments';
import { moduleScaleSets } from './modules';
import type { ReadFile } from './modules';
import { parseBicep } from './parser';
import type { BicepFile } from './syntax';
import { buildModel } from './toModel';

export interface AnalyzeBicepOptions {
  /** A .bicepparam file or a JSON parameters file whose values override the defaults. */
  readonly parametersText?: string;
  /** Reads a module's file by its path relative to this template (injected, so the engine stays pure). */
  readonly readFile?: ReadFile;
}

/** Reads a Bicep template into the same model as a JSON template. Never throws. */
export function analyzeBicep(text: string, options: AnalyzeBicepOptions = {}): TemplateModel {
  try {
    return analyze(text, options);
  } catch (error) {
    // A bug must not take the editor down: report it as a problem of the file and model nothing.
    return failed(error);
  }
}

/** The same, on a file already parsed (the language server parses once per document version). */
export function analyzeBicepFile(file: BicepFile, text: string, options: AnalyzeBicepOptions = {}): TemplateModel {
  try {
    return analyze(text, options, file);
  } catch (error) {
    return failed(error);
  }
}

function failed(error: unknown): TemplateModel {
  const message = `the Bicep file could not be analysed: ${error instanceof Error ? error.message : String(error)}`;
  return {
    kind: 'template',
    parseErrors: [{ message, span: { offset: 0, length: 0 } }],
    parametersFileErrors: [],
    scaleSets: [],
    loadBalancers: [],
    serviceFabricClusters: [],
    parameters: [],
  };
}

function analyze(text: string, options: AnalyzeBicepOptions, file: BicepFile = parseBicep(text)): TemplateModel {
  const params = options.parametersText === undefined ? undefined : readBicepParameters(options.parametersText);
  const scope = new BicepScope(file, text, params?.values ?? new Map());
  const parts = buildModel(scope);
  const fromModules = options.readFile ? moduleScaleSets(file.statements, scope, '', options.readFile, []) : [];
  return {
    kind: 'template',
    parseErrors: file.problems,
    parametersFileErrors: params?.errors ?? [],
    ...parts,
    scaleSets: [...parts.scaleSets, ...fromModules],
    // Only suppression directives read comment positions: skip the scan of a file that has none.
    commentSpans: text.includes(SUPPRESSION_DIRECTIVE) ? findBicepComments(text) : [],
  };
}
