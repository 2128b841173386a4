import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { compareNatural } from '../core/text/naturalOrder';
import { CliError } from './io';
import { walkTemplateFiles } from './walkFolder';

const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface LintTarget {
  readonly path: string;
  /** Named on the command line (always linted) or found by walking a folder or glob (linted if it looks like a template). */
  readonly explicit: boolean;
}

/**
 * Expands the paths given to `lint`: files as they are, folders recursively (*.json, *.jsonc, *.bicep, without
 * node_modules and hidden folders: walkFolder.ts), and glob patterns. Sorted and without duplicates, so output is stable.
 */
export function findLintTargets(paths: readonly string[], cwd: string): LintTarget[] {
  const out = new Map<string, LintTarget>();
  const add = (path: string, explicit: boolean) => {
    const key = resolve(cwd, path);
    if (!out.has(key) || explicit) out.set(key, { path, explicit });
  };
  for (const path of paths) {
    if (mayBePattern(path) && glob().isDynamicPattern(path)) {
      const matches = glob().globSync(path, { cwd, ignore: IGNORED, onlyFiles: true, dot: false });
      if (matches.length === 0) throw new CliError(`no files match ${path}`);
      for (const match of matches) add(match, false);
      continue;
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(resolve(cwd, path)).isDirectory();
    } catch {
      throw new CliError(`cannot read ${path}: no such file or folder`);
    }
    if (!isDirectory) {
      add(path, true);
      continue;
    }
    for (const match of walkTemplateFiles(resolve(cwd, path))) add(joinPath(path, match), false);
  }
  return [...out.values()].sort((a, b) => compareNatural(a.path, b.path));
}

/** No glob syntax at all (most paths): tinyglobby need not be asked, or even loaded. */
function mayBePattern(path: string): boolean {
  return /[*?[\]{}()!+@]/.test(path);
}

/**
 * tinyglobby, loaded on first use: evaluating it (and fdir's look-up of picomatch on disk) took 2.5 ms of
 * every CLI start, and only a path with glob syntax needs it.
 */
function glob(): typeof Tinyglobby {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('tinyglobby') as typeof Tinyglobby;
}

function joinPath(dir: string, file: string): string {
  return dir === '.' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}
