import { Uri, window } from 'vscode';
import type { ShowPreviewCommand } from '../../../server/src/protocol';
import type { PreviewTarget } from './index';

/**
 * The preview command's argument, whichever way it was run: a CodeLens passes
 * ShowPreviewCommand.Arguments, the editor-title button a Uri, the palette nothing (the active editor).
 */
export function previewTarget(arg: unknown): PreviewTarget | undefined {
  if (arg instanceof Uri) return { uri: arg.toString() };
  if (isArguments(arg))
    return { uri: arg.uri, path: arg.path, name: arg.name, ...(arg.section === 'changeImpact' ? { section: arg.section } : {}) };
  const editor = window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString() } : undefined;
}

function isArguments(value: unknown): value is ShowPreviewCommand.Arguments {
  const v = value as Partial<ShowPreviewCommand.Arguments> | undefined;
  return typeof v === 'object' && v !== null && typeof v.uri === 'string' && Array.isArray(v.path) && typeof v.name === 'string';
}
