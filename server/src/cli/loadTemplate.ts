import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { analyzeTemplate } from '../core/analyze';
import { analyzeBicep } from '../core/bicep/analyzeBicep';
import { isBicepSource } from '../core/bicep/features/bicepDocument';
import type { TemplateModel } from '../core/model/types';
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
    ? analyzeBicep(text, { ...(parametersText === undefined ? {} : { parametersText }), readFile: (relative) => readModule(join(dirname(path), relative)) })
    : analyzeTemplate(text, { parametersText });
  return { path, text, model, parametersPath: found };
}

/** A module's text, or undefined when it cannot be read (the module is then not followed). */
function readModule(path: string): string | undefined {
  try {
    return readTextFile(path);
  } catch {
    return undefined;
  }
}

export function findParametersFile(templatePath: string): string | undefined {
  const dir = dirname(templatePath);
  const name = basename(templatePath);
  if (/\.parameters\.jsonc?$/i.test(name) || /\.bicepparam$/i.test(name)) return undefined;
  const stem = name.replace(/\.(jsonc?|bicep)$/i, '').toLowerCase();
  const wanted = isBicepSource(name) ? [`${stem}.bicepparam`, `${stem}.parameters.json`] : [`${stem}.parameters.json`, 'azuredeploy.parameters.json'];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const candidate of wanted) {
    const match = entries.find((entry) => entry.toLowerCase() === candidate);
    if (match) return join(dir, match);
  }
  return undefined;
}
