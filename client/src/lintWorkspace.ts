import {
  commands,
  languages,
  ProgressLocation,
  TabInputText,
  window,
  workspace,
  type CancellationToken,
  type Disposable,
  type Uri,
} from 'vscode';
import { decodeText } from '../../server/src/host/decodeText';
import { MAX_LINT_FILE_BYTES, MAX_LINT_FILES } from '../../server/src/core/limits';
import { namesScaleSets } from '../../server/src/core/relevance';
import type { ServerApi } from './serverApi';

const INCLUDE = '**/*.{json,jsonc,bicep}';
const EXCLUDE = '**/{node_modules,.git}/**';
const PARALLEL = 4;

/**
 * "VMSS: Lint Workspace": every template in the workspace into the Problems view. Files are found with
 * findFiles, pre-filtered on their bytes (a template with a scale set names `virtualMachineScaleSets`),
 * opened so the server sees them, and their diagnostics pulled. Files shown in an editor get their
 * diagnostics from the language client as usual; the others land in this collection until they are
 * opened in an editor.
 */
export class WorkspaceLinter implements Disposable {
  private readonly collection = languages.createDiagnosticCollection('vmss-upgrade-workspace');
  private readonly subscriptions: Disposable[];

  constructor(private readonly api: ServerApi) {
    this.subscriptions = [
      this.collection,
      window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.opened) if (tab.input instanceof TabInputText) this.collection.delete(tab.input.uri);
      }),
    ];
  }

  run(): Thenable<void> {
    return window.withProgress(
      { location: ProgressLocation.Notification, title: 'VMSS: Linting workspace', cancellable: true },
      async (progress, token) => {
        const files = await workspace.findFiles(INCLUDE, EXCLUDE, MAX_LINT_FILES, token);
        this.collection.clear();
        let done = 0;
        let templates = 0;
        let problems = 0;
        const filesWithProblems = new Set<string>();
        const queue = [...files];
        const worker = async () => {
          for (let uri = queue.shift(); uri && !token.isCancellationRequested; uri = queue.shift()) {
            const found = await this.lintFile(uri, token);
            if (found !== undefined) {
              templates++;
              problems += found;
              if (found > 0) filesWithProblems.add(uri.toString());
            }
            done++;
            progress.report({
              increment: 100 / Math.max(files.length, 1),
              message: `${done}/${files.length} files, ${templates} templates`,
            });
          }
        };
        await Promise.all(Array.from({ length: PARALLEL }, worker));
        const summary = `VMSS: ${templates} template${templates === 1 ? '' : 's'} checked, ${problems} problem${problems === 1 ? '' : 's'} in ${filesWithProblems.size} file${filesWithProblems.size === 1 ? '' : 's'}${token.isCancellationRequested ? ' (cancelled)' : ''}.`;
        if (problems > 0) await commands.executeCommand('workbench.actions.view.problems');
        void window.showInformationMessage(summary);
      },
    );
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  /** The number of problems in a template, or undefined when the file is not one. */
  private async lintFile(uri: Uri, token: CancellationToken): Promise<number | undefined> {
    try {
      const stat = await workspace.fs.stat(uri);
      if (stat.size > MAX_LINT_FILE_BYTES || !mentionsScaleSets(await workspace.fs.readFile(uri))) return undefined;
      await workspace.openTextDocument(uri);
      if (token.isCancellationRequested) return undefined;
      const diagnostics = await this.api.diagnostics(uri);
      if (!isShownInEditor(uri)) this.collection.set(uri, diagnostics);
      return diagnostics.length;
    } catch {
      return undefined;
    }
  }
}

/** The cheap pre-filter, on raw bytes in UTF-8 or UTF-16 (with a BOM). */
export function mentionsScaleSets(bytes: Uint8Array): boolean {
  return namesScaleSets(decodeText(bytes));
}

function isShownInEditor(uri: Uri): boolean {
  const key = uri.toString();
  return window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof TabInputText && tab.input.uri.toString() === key),
  );
}
