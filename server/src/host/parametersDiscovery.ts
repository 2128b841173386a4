import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatOf } from '../core/formats';

/** A parameters file by its name: `*.parameters.json(c)` or `*.bicepparam` (a path or a URI). */
export function isParametersFileName(uriOrPath: string): boolean {
  return /\.parameters\.jsonc?$|\.bicepparam$/i.test(basename(uriOrPath));
}

/**
 * The parameters file beside a template: `<name>.parameters.json` or `azuredeploy.parameters.json`, and
 * for a `.bicep` template `<name>.bicepparam` first (names compared case-insensitively, as on Windows
 * where many templates are written). The language server and the CLI both find it here.
 */
export function findParametersFile(templatePath: string): string | undefined {
  const dir = dirname(templatePath);
  const name = basename(templatePath);
  if (isParametersFileName(name)) return undefined;
  const stem = name.replace(/\.(jsonc?|bicep)$/i, '').toLowerCase();
  const wanted =
    formatOf(name) === 'bicep'
      ? [`${stem}.bicepparam`, `${stem}.parameters.json`]
      : [`${stem}.parameters.json`, 'azuredeploy.parameters.json'];
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
