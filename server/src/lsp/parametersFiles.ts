import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { decodeText } from '../host/decodeText';
import { findParametersFile, isParametersFileName } from '../host/parametersDiscovery';
import { fileKey, toPath } from '../host/workspaceConfig';

/** The parameters file chosen for a template, and its text at this moment. */
export interface ParametersSource {
  readonly uri: string;
  readonly text: string;
  /** Changes whenever the text may have changed, so the document cache knows to re-analyse. */
  readonly key: string;
}

/**
 * Which parameters file feeds which template: the one the client chose (vmssUpgrade/setParametersFile),
 * else `<name>.parameters.json` or `azuredeploy.parameters.json` beside it. Text comes from the editor
 * when the file is open there, else from disk (UTF-8 or UTF-16 with a BOM).
 */
export class ParametersFiles {
  private readonly chosen = new Map<string, string | null>();
  private readonly diskCache = new Map<string, { text: string; generation: number }>();
  /** Automatic choices, so a request does not list the template's folder again. */
  private readonly found = new Map<string, string | undefined>();
  private generation = 0;

  constructor(private readonly openText: (uri: string) => { text: string; version: number } | undefined) {}

  /** The client's choice for a template; null goes back to the automatic one. */
  choose(templateUri: string, parametersUri: string | null): void {
    if (parametersUri === null) this.chosen.delete(templateUri);
    else this.chosen.set(templateUri, parametersUri);
  }

  uriFor(templateUri: string): string | undefined {
    const chosen = this.chosen.get(templateUri);
    if (chosen) return chosen;
    if (this.found.has(templateUri)) return this.found.get(templateUri);
    const path = toPath(templateUri);
    const found = !path || isParametersFileName(templateUri) ? undefined : findParametersFile(path);
    const uri = found === undefined ? undefined : pathToFileURL(found).toString();
    this.found.set(templateUri, uri);
    return uri;
  }

  forTemplate(templateUri: string): ParametersSource | undefined {
    const uri = this.uriFor(templateUri);
    if (!uri) return undefined;
    const open = this.openText(uri);
    if (open) return { uri, text: open.text, key: `${uri}#open${open.version}` };
    const disk = this.readDisk(uri);
    return disk === undefined ? undefined : { uri, text: disk.text, key: `${uri}#disk${disk.generation}` };
  }

  /** The templates (among `templateUris`) that read this parameters file. */
  templatesUsing(parametersUri: string, templateUris: Iterable<string>): string[] {
    const key = fileKey(parametersUri);
    return [...templateUris].filter((t) => {
      const uri = t === parametersUri ? undefined : this.uriFor(t);
      return uri !== undefined && fileKey(uri) === key;
    });
  }

  /** A parameters file changed on disk (or was created or deleted): read it again when next needed. */
  changedOnDisk(uri: string): void {
    this.diskCache.delete(fileKey(uri));
    this.found.clear();
    this.generation++;
  }

  private readDisk(uri: string): { text: string; generation: number } | undefined {
    const cached = this.diskCache.get(fileKey(uri));
    if (cached) return cached;
    const path = toPath(uri);
    if (!path) return undefined;
    try {
      const entry = { text: decodeText(readFileSync(path)), generation: ++this.generation };
      this.diskCache.set(fileKey(uri), entry);
      return entry;
    } catch {
      return undefined;
    }
  }
}
