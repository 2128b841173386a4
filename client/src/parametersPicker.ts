import { Uri, window, workspace, type QuickPickItem } from 'vscode';
import { escapeIcons } from '../../server/src/core/text/iconLabel';
import type { ParametersChoices } from './parametersChoices';

interface Choice extends QuickPickItem {
  readonly parameters: Uri | null | 'browse';
}

const MAX_FILES = 500;

/** "VMSS: Select Parameters File": picks the parameters file that feeds a template's values. */
export async function pickParametersFile(choices: ParametersChoices, template: Uri | undefined): Promise<void> {
  if (!template) {
    void window.showInformationMessage('Open an ARM template first, then select its parameters file.');
    return;
  }
  const current = choices.get(template)?.toString();
  const found = await findParametersFiles(template);
  const items: Choice[] = [
    {
      label: '$(sync) Automatic',
      description: 'the one beside the template (<name>.parameters.json, azuredeploy.parameters.json, .bicepparam)',
      parameters: null,
      picked: current === undefined,
    },
    ...found.map((uri): Choice => ({
      // A file name's `$(…)` would show as an icon.
      label: `$(file) ${escapeIcons(workspace.asRelativePath(uri, false))}`,
      ...(uri.toString() === current ? { description: 'in use' } : {}),
      parameters: uri,
    })),
    { label: '$(folder-opened) Browse…', parameters: 'browse' },
  ];
  const picked = await window.showQuickPick(items, {
    title: `Parameters file for ${workspace.asRelativePath(template, false)}`,
    placeHolder: 'The values the checks and the preview use',
  });
  if (!picked) return;
  let parameters = picked.parameters;
  if (parameters === 'browse') {
    const opened = await window.showOpenDialog({
      canSelectMany: false,
      filters: { 'Parameters files': ['json', 'jsonc', 'bicepparam'] },
      defaultUri: Uri.joinPath(template, '..'),
    });
    if (!opened?.[0]) return;
    parameters = opened[0];
  }
  await choices.set(template, parameters);
}

/** Parameters files in the workspace, those nearest the template first. */
async function findParametersFiles(template: Uri): Promise<Uri[]> {
  const files = await workspace.findFiles('**/*{.parameters*.json,.parameters*.jsonc,.bicepparam}', '**/node_modules/**', MAX_FILES);
  const folder = template.path.slice(0, template.path.lastIndexOf('/') + 1);
  const distance = (uri: Uri) =>
    uri.path.startsWith(folder) ? uri.path.slice(folder.length).split('/').length : 100 + uri.path.split('/').length;
  return files.sort((a, b) => distance(a) - distance(b) || a.path.localeCompare(b.path));
}
