import { analyzeTemplate } from '../core/arm/analyzeTemplate';
import { analyzeBicep } from '../core/bicep/analyzeBicep';
import { isBicepSource } from '../core/bicep/features/bicepDocument';
import type { TemplateModel } from '../core/model/templateModel';
import { findParametersFile } from '../host/parametersDiscovery';
import { moduleReader } from '../host/readTextFile';
import { readTextFile } from './io';

export interface LoadedTemplate {
  readonly path: string;
  readonly text: string;
  readonly model: TemplateModel;
  /** The parameters file used, if any: the one given, else one found beside the template. */
  readonly parametersPath: string | undefined;
}

/**
 * Reads a template and its parameters file: the one given, else `<name>.parameters.json` or
 * `azuredeploy.parameters.json` beside it (names compared case-insensitively, as on Windows where many
 * templates are written). A `.bicep` template reads `<name>.bicepparam` first, and its local modules
 * relative to itself.
 */
export function loadTemplate(path: string, parametersPath?: string): LoadedTemplate {
  const text = readTextFile(path);
  const found = parametersPath ?? findParametersFile(path);
  const parametersText = found === undefined ? undefined : readTextFile(found);
  const model = isBicepSource(path)
    ? analyzeBicep(text, { ...(parametersText === undefined ? {} : { parametersText }), readFile: moduleReader(path) })
    : analyzeTemplate(text, { parametersText });
  return { path, text, model, parametersPath: found };
}
