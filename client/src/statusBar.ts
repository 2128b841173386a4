import { Disposable, MarkdownString, StatusBarAlignment, Uri, window, workspace, type TextEditor } from 'vscode';
import type { ParametersChoices } from './parametersChoices';
import type { TemplateTracker } from './templateTracker';
import { statusTooltip } from './statusTooltip';
import { escapeIcons } from '../../server/src/core/text/iconLabel';

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
    // The label is a file name: its `$(…)` would show as an icon.
    item.text = `$(server-environment) ${count} scale set${count === 1 ? '' : 's'} · $(symbol-parameter) ${escapeIcons(label)}${chosen ? '' : ' (auto)'}`;
    const tooltip = new MarkdownString(
      statusTooltip(result.scaleSets, used ? { how: chosen ? 'chosen' : 'found', path: parameters } : { how: 'none' }),
    );
    // Template text renders as text (statusTooltip escapes it); nothing in it may run or load.
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.supportThemeIcons = false;
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
