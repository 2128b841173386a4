// Placeholder extension entry: replaced by the real client (issue: the extension).
import type { ExtensionContext } from 'vscode';

export function activate(_context: ExtensionContext): void {}

export function deactivate(): void {}
