import { commands, Uri, window, type Disposable, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { pickBaseline, type Baselines } from './baselines';
import type { WorkspaceLinter } from './lintWorkspace';
import type { ParametersChoices } from './parametersChoices';
import { pickParametersFile } from './parametersPicker';
import { previewTarget } from './preview/previewTarget';
import type { PreviewApi } from './preview/index';
import { showRuleDocumentation } from './ruleDocs';
import { tunePolicy } from './tunePolicy';

export interface CommandDeps {
  readonly context: ExtensionContext;
  readonly client: LanguageClient;
  readonly preview: PreviewApi;
  readonly linter: WorkspaceLinter;
  readonly choices: ParametersChoices;
  readonly baselines: Baselines;
}

/** The "VMSS: …" commands. Ids match package.json's contributes.commands (vmssUpgrade.tunePolicy, a lens's, excepted). */
export function registerCommands({ context, client, preview, linter, choices, baselines }: CommandDeps): Disposable[] {
  return [
    commands.registerCommand('vmssUpgrade.compareWith', () => pickBaseline(baselines, window.activeTextEditor?.document)),
    // Also the command the server's CodeLenses carry (ShowPreviewCommand in server/src/protocol.ts).
    commands.registerCommand('vmssUpgrade.showPreview', (arg?: unknown) => {
      const target = previewTarget(arg);
      if (!target) return window.showInformationMessage('Open an ARM template with a scale set to preview its upgrade.');
      return preview.show(target);
    }),
    // The command of the "Tune rolling policy…" lens (TunePolicyCommand in server/src/protocol.ts); not in the palette.
    commands.registerCommand('vmssUpgrade.tunePolicy', (arg?: unknown) => tunePolicy(arg)),
    commands.registerCommand('vmssUpgrade.lintWorkspace', () => linter.run()),
    commands.registerCommand('vmssUpgrade.selectParametersFile', (arg?: unknown) =>
      pickParametersFile(choices, arg instanceof Uri ? arg : window.activeTextEditor?.document.uri),
    ),
    commands.registerCommand('vmssUpgrade.showRuleDocumentation', (ruleId?: unknown) =>
      showRuleDocumentation(context.extensionUri, ruleId),
    ),
    commands.registerCommand('vmssUpgrade.restartServer', async () => {
      await client.restart();
      void window.setStatusBarMessage('VMSS: language server restarted', 3000);
    }),
  ];
}
