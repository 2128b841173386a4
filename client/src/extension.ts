// The VS Code adapter: starts the language server, wires the commands, the status bar and the preview.
import { window, workspace, type ExtensionContext } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { Baselines } from './baselines';
import { registerCommands } from './commands';
import { createLanguageClient } from './languageClient';
import { WorkspaceLinter } from './lintWorkspace';
import { ParametersChoices } from './parametersChoices';
import { registerPreview } from './preview/index';
import { createServerApi } from './serverApi';
import { registerStatusBar } from './statusBar';
import { TemplateTracker } from './templateTracker';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('VMSS Upgrade Policy', { log: true });
  client = createLanguageClient(context, output);
  const api = createServerApi(client);
  const choices = new ParametersChoices(context.workspaceState, api);
  const tracker = new TemplateTracker(api);
  const linter = new WorkspaceLinter(api);
  const preview = registerPreview(context, {
    scaleSets: api.scaleSets,
    changeImpact: api.changeImpact,
    advise: api.advise,
    applyPolicy: api.applyPolicy,
    log: (message) => output.warn(`preview: ${message}`),
  });
  const baselines = new Baselines(api, (uri) => preview.refreshImpact(uri));
  const documentOf = (uri: { toString(): string }) => workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  context.subscriptions.push(
    output,
    choices,
    tracker,
    linter,
    preview,
    baselines,
    // A template the server knows: compare it with HEAD (or what the user chose) for change impact.
    tracker.onDidChange((uri) => {
      const document = documentOf(uri);
      if (document && tracker.get(uri)?.scaleSets.length) void baselines.track(document);
    }),
    workspace.onDidCloseTextDocument((document) => baselines.forget(document.uri)),
    registerStatusBar(tracker, choices),
    // Another parameters file changes the resolved values: ask the server again.
    choices.onDidChange((uri) => {
      const document = workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (document) void tracker.refresh(document);
    }),
    ...registerCommands({ context, client, preview, linter, choices, baselines }),
    client.onDidChangeState(({ newState }) => {
      const running = newState === State.Running;
      if (running) void choices.resend();
      // A restarted server knows no baselines: tracking starts again as templates are found.
      if (running) for (const document of workspace.textDocuments) baselines.forget(document.uri);
      tracker.setReady(running);
    }),
  );
  try {
    await client.start();
  } catch (error) {
    // Keep the commands registered (Restart can try again); say what went wrong once, in the log.
    output.error(`The language server did not start: ${String(error)}`);
    void window.showErrorMessage('The VMSS Upgrade Policy language server did not start. See the "VMSS Upgrade Policy" output.');
  }
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
