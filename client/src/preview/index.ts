/**
 * The preview's API for the extension: `registerPreview(context, deps)` registers the panel serializer
 * (so a reload restores the panel) and returns `show(target?)` for the `vmssUpgrade.showPreview` command,
 * the CodeLens and the editor-title button. The manifest needs `onWebviewPanel:vmssUpgrade.preview`.
 */
import * as vscode from 'vscode';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './previewPanel';
import type { PreviewDeps, PreviewTarget } from './previewPanel';

export { PREVIEW_VIEW_TYPE };
export type { PreviewDeps, PreviewTarget };

export interface PreviewApi extends vscode.Disposable {
  /** Opens (or reveals) the panel on `target`, or on the active editor's document. */
  show(target?: PreviewTarget): void;
  /** The template's baseline changed: an open panel on it redraws its change impact. */
  refreshImpact(uri: vscode.Uri): void;
}

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps): PreviewApi {
  const serializer = vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
      PreviewPanel.revive(panel, context, deps, state);
    },
  });
  context.subscriptions.push(serializer);
  return {
    show: (target) => PreviewPanel.createOrShow(context, deps, target),
    refreshImpact: (uri) => PreviewPanel.current?.refreshImpact(uri),
    dispose: () => {
      serializer.dispose();
      PreviewPanel.current?.dispose();
    },
  };
}
