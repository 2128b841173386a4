import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { formatOf } from '../core/formats';

/** A parameters file by its name: `*.parameters.json(c)` or `*.bicepparam` (a path or a URI). */
export function isParametersFileName(uriOrPath: string): boolean {
  return /\.parameters\.jsonc?$|\.bicepparam$/i.test(basename(uriOrPath));
}

/**
 * Folder listings read once per run: a CLI lint of a folder of 300 templates asks for the same folder's
 * listing 300 times. Owned by the caller (one per run), so a long-running server never sees a stale listing.
 */
export class DirectoryListings {
  /** Per folder: lower-cased name → the name as it is on disk (the first, if names differ only in case). */
  private readonly listings = new Map<string, ReadonlyMap<string, string> | undefined>();

  /** The names in `dir` by their lower-cased form, or undefined when it cannot be read. */
  entries(dir: string): ReadonlyMap<string, string> | undefined {
    if (this.listings.has(dir)) return this.listings.get(dir);
    let entries: Map<string, string> | undefined;
    try {
      entries = new Map();
      for (const name of readdirSync(dir).sort()) {
        const key = name.toLowerCase();
        if (!entries.has(key)) entries.set(key, name);
      }
    } catch {
      entries = undefined;
    }
    this.listings.set(dir, entries);
    return entries;
  }
}

/**
 * The parameters file beside a template: `<name>.parameters.json` or `azuredeploy.parameters.json`, and
 * for a `.bicep` template `<name>.bicepparam` first (names compared case-insensitively, as on Windows
 * where many templates are written). The language server and the CLI both find it here.
 */
export function findParametersFile(templatePath: string, listings = new DirectoryListings()): string | undefined {
  const dir = dirname(templatePath);
  const name = basename(templatePath);
  if (isParametersFileName(name)) return undefined;
  const stem = name.replace(/\.(jsonc?|bicep)$/i, '').toLowerCase();
  const wanted =
    formatOf(name) === 'bicep'
      ? [`${stem}.bicepparam`, `${stem}.parameters.json`]
      : [`${stem}.parameters.json`, 'azuredeploy.parameters.json'];
  const entries = listings.entries(dir);
  if (entries === undefined) return undefined;
  for (const candidate of wanted) {
    const match = entries.get(candidate);
    if (match) return join(dir, match);
  }
  return undefined;
}
