import { Uri, window, type ExtensionContext } from 'vscode';
import type { ShowPreviewCommand } from '../../server/src/protocol';
import type { ServerApi } from './serverApi';

/** What the preview opens on: a document, and optionally one scale set in it (from a CodeLens). */
export type PreviewTarget = { readonly uri: string } & Partial<Omit<ShowPreviewCommand.Arguments, 'uri'>>;

export interface PreviewHost {
  show(target?: PreviewTarget): unknown;
}

/**
 * The preview panel, owned by client/src/preview/.
 * TODO(preview): replace this stand-in with `registerPreview(context, { requestScaleSets })` from
 * './preview' when that module lands.
 */
export function createPreviewHost(_context: ExtensionContext, _api: ServerApi): PreviewHost {
  return {
    show: () => window.showInformationMessage('VMSS: the upgrade preview is not part of this build yet.'),
  };
}

/**
 * The preview command's argument, whichever way it was run: a CodeLens passes
 * ShowPreviewCommand.Arguments, the editor-title button a Uri, the palette nothing (the active editor).
 */
export function previewTarget(arg: unknown): PreviewTarget | undefined {
  if (arg instanceof Uri) return { uri: arg.toString() };
  if (isArguments(arg)) return { uri: arg.uri, path: arg.path, name: arg.name };
  const editor = window.activeTextEditor;
  return editor ? { uri: editor.document.uri.toString() } : undefined;
}

function isArguments(value: unknown): value is ShowPreviewCommand.Arguments {
  const v = value as Partial<ShowPreviewCommand.Arguments> | undefined;
  return typeof v === 'object' && v !== null && typeof v.uri === 'string' && Array.isArray(v.path) && typeof v.name === 'string';
}
