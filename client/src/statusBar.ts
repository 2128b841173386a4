import { Disposable, MarkdownString, StatusBarAlignment, Uri, window, workspace, type TextEditor } from 'vscode';
import type { ParametersChoices } from './parametersChoices';
import type { TemplateTracker } from './templateTracker';

/**
 * The status bar item on templates: how many scale sets the server found, and which parameters file
 * feeds them. Clicking it selects the parameters file.
 */
export function registerStatusBar(tracker: TemplateTracker, choices: ParametersChoices): Disposable {
  const item = window.createStatusBarItem('vmssUpgrade.status', StatusBarAlignment.Right, 100);
  item.name = 'VMSS Upgrade Policy';
  item.command = 'vmssUpgrade.selectParametersFile';
  const render = (editor: TextEditor | undefined = window.activeTextEditor) => {
    const result = editor ? tracker.get(editor.document.uri) : undefined;
    if (!editor || !result) {
      item.hide();
      return;
    }
    const count = result.scaleSets.length;
    const chosen = choices.get(editor.document.uri);
    // When nothing was chosen, the server says which file it found beside the template (if any).
    const used = chosen ?? (result.parametersUri ? Uri.parse(result.parametersUri) : undefined);
    const parameters = used ? workspace.asRelativePath(used, false) : 'none';
    const label = used ? used.path.slice(used.path.lastIndexOf('/') + 1) : 'no parameters';
    item.text = `$(server-environment) ${count} scale set${count === 1 ? '' : 's'} · $(symbol-parameter) ${label}${chosen ? '' : ' (auto)'}`;
    const tooltip = new MarkdownString(`**VMSS Upgrade Policy**\n\n`);
    for (const s of result.scaleSets) {
      const capacity = `${s.capacity.count} instance${s.capacity.count === 1 ? '' : 's'}${s.capacity.known ? '' : ' (assumed)'}`;
      tooltip.appendMarkdown(`- \`${s.name.replace(/`/g, "'")}\` · ${capacity}: ${s.summary}\n`);
    }
    const how = chosen ? 'chosen' : used ? 'found beside the template' : 'none found beside the template (`<name>.parameters.json`, `azuredeploy.parameters.json` or a `.bicepparam`); parameter defaults are used';
    tooltip.appendMarkdown(`\nParameters file: ${used ? `\`${parameters}\` (${how})` : how}\n\nClick to select another.`);
    item.tooltip = tooltip;
    item.show();
  };
  render();
  return Disposable.from(
    item,
    window.onDidChangeActiveTextEditor((editor) => render(editor)),
    tracker.onDidChange(() => render()),
    choices.onDidChange(() => render()),
  );
}

