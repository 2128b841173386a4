/**
 * The "Tune rolling policy…" CodeLens's command: applies the code action of that title that the language
 * server offers at the lens's range (the advisor's recommendation for the default goals), as one edit.
 */
import { CodeActionKind, Range, Uri, commands, window, workspace, type CodeAction } from 'vscode';
import { TUNE_POLICY_TITLE } from '../../server/src/core/languageService';
import type { TunePolicyCommand } from '../../server/src/protocol';

function parseArguments(arg: unknown): TunePolicyCommand.Arguments | undefined {
  const a = arg as Partial<TunePolicyCommand.Arguments> | undefined;
  const ok = (p: unknown) =>
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger((p as { line: unknown }).line) &&
    Number.isInteger((p as { character: unknown }).character);
  return a && typeof a.uri === 'string' && a.range && ok(a.range.start) && ok(a.range.end) ? (a as TunePolicyCommand.Arguments) : undefined;
}

export async function tunePolicy(arg: unknown): Promise<void> {
  const target = parseArguments(arg);
  if (!target) return;
  const { start, end } = target.range;
  // One action resolved: the edit of a lazily computed action is filled in.
  const actions = await commands.executeCommand<CodeAction[] | undefined>(
    'vscode.executeCodeActionProvider',
    Uri.parse(target.uri),
    new Range(start.line, start.character, end.line, end.character),
    CodeActionKind.RefactorRewrite.value,
    1,
  );
  const tune = actions?.find((a) => a.title === TUNE_POLICY_TITLE);
  if (!tune?.edit) {
    void window.showInformationMessage('The policy cannot be tuned here any more: the template changed. The lens updates in a moment.');
    return;
  }
  if (!(await workspace.applyEdit(tune.edit)))
    void window.showWarningMessage('VS Code did not apply the tuned policy: the template changed meanwhile.');
}
