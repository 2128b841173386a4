/**
 * What each template is compared with for change impact, read on the client (the server runs no process):
 * by default the file at HEAD, through VS Code's git extension; or, chosen with "VMSS: Compare With…", another
 * revision, another file, or `az vmss show` output of the live scale set. Sent to the server with
 * vmssUpgrade/setBaseline; the lenses and the preview's "Change impact" section follow.
 */
import type { Uri } from 'vscode';
import { extensions, window, workspace, type Disposable, type Event, type TextDocument } from 'vscode';
import type { Baseline } from '../../server/src/protocol';
import { decodeText } from '../../server/src/host/decodeText';
import { SECTION } from './settings';

/** The part of the git extension's API (`vscode.git`, version 1) we use. */
interface GitRepository {
  readonly rootUri: Uri;
  readonly state: { readonly HEAD?: { readonly commit?: string }; readonly onDidChange: Event<void> };
  show(ref: string, path: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: Uri): GitRepository | null;
}

/** What the user chose for a template; HEAD (the default) follows new commits. */
type Choice = { readonly kind: 'head' } | { readonly kind: 'fixed'; readonly baseline: Baseline } | { readonly kind: 'off' };

export interface BaselineSink {
  setBaseline(template: Uri, baseline: Baseline | null): Promise<void>;
}

export class Baselines implements Disposable {
  private readonly choices = new Map<string, Choice>();
  /** The HEAD commit each template's baseline was read at, so a commit or checkout reads it again. */
  private readonly readAt = new Map<string, string | undefined>();
  private readonly watched = new Set<GitRepository>();
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly sink: BaselineSink,
    /** Told when a template's baseline changed (the preview redraws its section). */
    private readonly changed: (uri: Uri) => void,
  ) {}

  /** A template became known (or the server restarted): send what it is compared with. */
  async track(document: TextDocument, force = false): Promise<void> {
    const key = document.uri.toString();
    const choice = this.choices.get(key) ?? { kind: 'head' };
    if (choice.kind === 'fixed') {
      // Sent once: the server keeps it until the user chooses again or it restarts.
      if (!force && this.readAt.has(key)) return;
      this.readAt.set(key, undefined);
      return this.send(document.uri, choice.baseline);
    }
    if (choice.kind === 'off' || !workspace.getConfiguration(SECTION, document.uri).get<boolean>('changeImpact.compareWithHead', true))
      return;
    const repo = await this.repositoryOf(document.uri);
    if (!repo) return;
    const commit = repo.state.HEAD?.commit;
    if (!force && this.readAt.has(key) && this.readAt.get(key) === commit) return;
    this.readAt.set(key, commit);
    await this.send(document.uri, await this.readRevision(repo, document.uri, 'HEAD'));
  }

  /** The user's choice from "Compare With…"; `head` goes back to the default. */
  async choose(document: TextDocument, choice: Choice): Promise<void> {
    this.choices.set(document.uri.toString(), choice);
    this.readAt.delete(document.uri.toString());
    if (choice.kind === 'off') await this.send(document.uri, null);
    else await this.track(document, true);
  }

  /** The text of `path` at `ref`, labelled; undefined when git has no such revision or file there. */
  async readRevision(repo: GitRepository, uri: Uri, ref: string): Promise<Baseline | null> {
    try {
      return { label: ref, text: await repo.show(ref, uri.fsPath) };
    } catch {
      return null;
    }
  }

  async repositoryOf(uri: Uri): Promise<GitRepository | undefined> {
    if (uri.scheme !== 'file') return undefined;
    const git = extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!git) return undefined;
    try {
      const api = (git.isActive ? git.exports : await git.activate()).getAPI(1);
      const repo = api.getRepository(uri) ?? undefined;
      if (repo && !this.watched.has(repo)) {
        this.watched.add(repo);
        // A commit, checkout or pull moves HEAD: templates compared with HEAD read it again.
        this.subscriptions.push(repo.state.onDidChange(() => this.headMoved(repo)));
      }
      return repo;
    } catch {
      // Git disabled (Restricted Mode), not installed, or not a repository: no baseline, no lenses.
      return undefined;
    }
  }

  forget(uri: Uri): void {
    this.readAt.delete(uri.toString());
  }

  private headMoved(repo: GitRepository): void {
    for (const document of workspace.textDocuments) {
      const key = document.uri.toString();
      if (!this.readAt.has(key) || this.readAt.get(key) === repo.state.HEAD?.commit) continue;
      if (!document.uri.fsPath.startsWith(repo.rootUri.fsPath)) continue;
      void this.track(document);
    }
  }

  private async send(uri: Uri, baseline: Baseline | null): Promise<void> {
    try {
      await this.sink.setBaseline(uri, baseline);
      this.changed(uri);
    } catch {
      // The server is restarting; track() runs again when it is back.
    }
  }

  dispose(): void {
    while (this.subscriptions.length > 0) this.subscriptions.pop()?.dispose();
  }
}

/** "VMSS: Compare With…": a revision, a file, `az vmss show` output, HEAD again, or nothing. */
export async function pickBaseline(baselines: Baselines, document: TextDocument | undefined): Promise<void> {
  if (!document) {
    void window.showInformationMessage('Open an ARM template or Bicep file with a scale set to compare it.');
    return;
  }
  const items = [
    { label: '$(git-commit) A Git revision…', detail: 'HEAD~1, a branch, a tag or a commit of this file', id: 'revision' },
    { label: '$(file) Another file…', detail: 'an ARM template or Bicep file', id: 'file' },
    { label: '$(cloud) Output of az vmss show…', detail: 'the live scale set, saved as JSON', id: 'live' },
    { label: '$(git-branch) HEAD', detail: 'the last commit of this file (the default)', id: 'head' },
    { label: '$(close) Stop comparing', detail: 'no change-impact lenses for this file', id: 'off' },
  ] as const;
  const picked = await window.showQuickPick(items, { title: 'Compare this template with…', matchOnDetail: true });
  if (!picked) return;
  if (picked.id === 'head' || picked.id === 'off') return baselines.choose(document, { kind: picked.id });
  if (picked.id === 'revision') {
    const repo = await baselines.repositoryOf(document.uri);
    if (!repo) {
      void window.showErrorMessage('This file is not in a Git repository that VS Code has open (or Git is disabled here).');
      return;
    }
    const ref = (
      await window.showInputBox({ title: 'Git revision to compare with', value: 'HEAD~1', prompt: 'A branch, tag, commit or HEAD~n' })
    )?.trim();
    if (!ref) return;
    const baseline = await baselines.readRevision(repo, document.uri, ref);
    if (!baseline) {
      void window.showErrorMessage(`Git has no revision "${ref}" of this file.`);
      return;
    }
    return baselines.choose(document, { kind: 'fixed', baseline });
  }
  const [file] =
    (await window.showOpenDialog({
      title: picked.id === 'live' ? 'az vmss show output (JSON)' : 'Template to compare with',
      canSelectMany: false,
      filters: picked.id === 'live' ? { JSON: ['json'] } : { Templates: ['json', 'jsonc', 'bicep'] },
    })) ?? [];
  if (!file) return;
  let text: string;
  try {
    text = decodeText(await workspace.fs.readFile(file));
  } catch (e) {
    void window.showErrorMessage(`Cannot read ${file.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const label = file.path.split('/').pop() ?? file.toString();
  return baselines.choose(document, {
    kind: 'fixed',
    baseline: { label, text, uri: file.toString(), languageId: /\.bicep$/i.test(file.path) ? 'bicep' : 'json' },
  });
}
