import { commands, FileType, languages, Uri, window, workspace, type QuickPickItem } from 'vscode';

export const RULES_URL = 'https://github.com/vmss-upgrade-policy/vmss-upgrade-policy/blob/main/docs/rules/';
const SOURCE = 'vmss-upgrade';

interface RuleItem extends QuickPickItem {
  readonly id: string;
}

/**
 * "VMSS: Show Rule Documentation": opens `docs/rules/<id>.md` (shipped in the .vsix) in the Markdown
 * preview, or the page online when it is not there. Without an id it offers the rules of the problems
 * under the cursor first, then every rule.
 */
export async function showRuleDocumentation(extensionUri: Uri, ruleId?: unknown): Promise<void> {
  const rulesDir = Uri.joinPath(extensionUri, 'docs', 'rules');
  const id = typeof ruleId === 'string' && /^[\w-]+$/.test(ruleId) ? ruleId : await pickRule(rulesDir);
  if (!id) return;
  const page = Uri.joinPath(rulesDir, `${id}.md`);
  try {
    await workspace.fs.stat(page);
    await commands.executeCommand('markdown.showPreview', page);
  } catch {
    await commands.executeCommand('vscode.open', Uri.parse(`${RULES_URL}${id}.md`));
  }
}

async function pickRule(rulesDir: Uri): Promise<string | undefined> {
  const atCursor = rulesAtCursor();
  const all = await listRules(rulesDir);
  const items: RuleItem[] = [
    ...atCursor.map((id): RuleItem => ({ id, label: id, description: 'at the cursor', detail: all.get(id) })),
    ...[...all].filter(([id]) => !atCursor.includes(id)).map(([id, title]): RuleItem => ({ id, label: id, detail: title })),
  ];
  if (items.length === 0) {
    void window.showInformationMessage('No rule documentation was found in this installation.');
    return undefined;
  }
  return (await window.showQuickPick(items, { title: 'VMSS: Rule documentation', matchOnDetail: true }))?.id;
}

/** Rule ids of our diagnostics at the cursor of the active editor. */
function rulesAtCursor(): string[] {
  const editor = window.activeTextEditor;
  if (!editor) return [];
  const ids = languages.getDiagnostics(editor.document.uri)
    .filter((d) => d.source === SOURCE && d.range.contains(editor.selection.active))
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')))
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** Rule id → title (the page's first heading), from the shipped pages. */
async function listRules(rulesDir: Uri): Promise<Map<string, string>> {
  const rules = new Map<string, string>();
  let entries: [string, FileType][] = [];
  try {
    entries = await workspace.fs.readDirectory(rulesDir);
  } catch {
    return rules;
  }
  for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== FileType.File || !name.endsWith('.md')) continue;
    const text = new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(rulesDir, name)));
    rules.set(name.slice(0, -3), /^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? '');
  }
  return rules;
}
