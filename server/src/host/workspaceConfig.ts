import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from './decodeText';

export const CONFIG_FILE_NAME = '.vmss-upgrade.json';

export interface WorkspaceConfigFile {
  readonly path: string;
  readonly text: string;
}

/**
 * Finds the `.vmss-upgrade.json` that applies to a document: the nearest one in its folder or a parent,
 * not above the workspace folder that holds the document. Lookups are cached per folder until a config
 * file changes (the server watches `**\/.vmss-upgrade.json`).
 */
export class WorkspaceConfig {
  private readonly byFolder = new Map<string, WorkspaceConfigFile | undefined>();
  private roots: string[] = [];

  setWorkspaceFolders(uris: readonly string[]): void {
    this.roots = uris
      .map(toPath)
      .filter((p): p is string => p !== undefined)
      .map((p) => resolve(p));
    this.byFolder.clear();
  }

  /** Forget every lookup (a config file was created, changed or deleted). */
  invalidate(): void {
    this.byFolder.clear();
  }

  forDocument(uri: string): WorkspaceConfigFile | undefined {
    const path = toPath(uri);
    return path === undefined ? undefined : this.forFile(path);
  }

  /** The same for a file path (the CLI has paths; a URI round trip per file cost it 7–9 ms on 300 files). */
  forFile(path: string): WorkspaceConfigFile | undefined {
    return this.forFolder(dirname(resolve(path)));
  }

  private forFolder(folder: string): WorkspaceConfigFile | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const candidate = join(folder, CONFIG_FILE_NAME);
    let found: WorkspaceConfigFile | undefined;
    try {
      found = { path: candidate, text: decodeText(readFileSync(candidate)) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Only a missing file sends the lookup up a folder; one that is there but unreadable applies as none.
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        const parent = dirname(folder);
        const isRoot = this.roots.includes(folder) || parent === folder;
        found = isRoot ? undefined : this.forFolder(parent);
      } else {
        found = undefined;
      }
    }
    this.byFolder.set(folder, found);
    return found;
  }
}

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * One key per file whatever the URI spelling (VS Code writes `file:///c%3A/…`, Node `file:///C:/…`):
 * the resolved path, case-folded on Windows; other URIs as they are.
 */
export function fileKey(uri: string): string {
  const path = toPath(uri);
  if (path === undefined) return uri;
  const resolved = resolve(path);
  return process.platform === 'win32' ? resolved.toLowerCase() : resolved;
}
