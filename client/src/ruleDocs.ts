import { commands, FileType, languages, Uri, window, workspace, type QuickPickItem } from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../server/src/core/languageService';
import { ruleDocsUrl } from '../../server/src/core/rules';

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
    await commands.executeCommand('vscode.open', Uri.parse(ruleDocsUrl(id)));
  }
}

async function pickRule(rulesDir: Uri): Promise<string | undefined> {
  const atCursor = rulesAtCursor();
  // The picker shows at once (busy) while the pages are read.
  const items = listRules(rulesDir).then((all): RuleItem[] => [
    ...atCursor.map((id): RuleItem => ({ id, label: id, description: 'at the cursor', detail: all.get(id) })),
    ...[...all].filter(([id]) => !atCursor.includes(id)).map(([id, summary]): RuleItem => ({ id, label: id, detail: summary })),
  ]);
  return (await window.showQuickPick(items, { title: 'VMSS: Rule documentation', placeHolder: 'Rule id', matchOnDetail: true }))?.id;
}

/** Rule ids of our diagnostics at the cursor of the active editor. */
function rulesAtCursor(): string[] {
  const editor = window.activeTextEditor;
  if (!editor) return [];
  const ids = languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.contains(editor.selection.active))
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')))
    .filter((id) => id !== '');
  return [...new Set(ids)];
}

/** Rule id → one-line summary (the first paragraph line of its page), from the shipped pages. */
async function listRules(rulesDir: Uri): Promise<Map<string, string>> {
  let entries: [string, FileType][] = [];
  try {
    entries = await workspace.fs.readDirectory(rulesDir);
  } catch {
    return new Map();
  }
  const pages = entries
    .filter(([name, type]) => type === FileType.File && name.endsWith('.md'))
    .map(([name]) => name)
    .sort();
  const summaries = await Promise.all(
    pages.map(async (name) => summaryOf(new TextDecoder().decode(await workspace.fs.readFile(Uri.joinPath(rulesDir, name))))),
  );
  return new Map(pages.map((name, i) => [name.slice(0, -3), summaries[i]!]));
}

/** The first line of prose: not a heading, not the bold metadata line. */
function summaryOf(markdown: string): string {
  const line = markdown
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('#') && !l.startsWith('**'));
  return line === undefined ? '' : line.length > 140 ? `${line.slice(0, 139)}…` : line;
}
