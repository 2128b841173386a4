/**
 * The preview's HTML and Content-Security-Policy. No vscode import: the browser tests serve this very
 * HTML (with a loopback origin as `cspSource`), so what they check is what VS Code loads. The
 * `csp-nonce` meta is where FAST (the toolkit's base) looks for the nonce of the one <style> it adds.
 */

export interface PreviewHtmlOptions {
  /** `webview.cspSource` in VS Code; the test server's origin in tests. */
  readonly cspSource: string;
  readonly nonce: string;
  /** dist/webview.js and dist/webview.css as webview URIs. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Tests only: a stand-in for the theme variables VS Code injects, and the body class it sets. */
  readonly themeStyleUri?: string;
  readonly bodyClass?: string;
  /** The dev page only: a second script (same nonce) that plays a fixture document to the webview. */
  readonly devScriptUri?: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function previewHtml(o: PreviewHtmlOptions): string {
  const theme = o.themeStyleUri ? `\n  <link rel="stylesheet" href="${attr(o.themeStyleUri)}">` : '';
  const body = o.bodyClass ? ` class="${attr(o.bodyClass)}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(o.cspSource, o.nonce))}">
  <meta property="csp-nonce" content="${attr(o.nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">${theme}
  <link rel="stylesheet" href="${attr(o.styleUri)}">
  <title>Upgrade preview</title>
</head>
<body${body}>
  <div id="app"></div>
  <script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>${o.devScriptUri ? `\n  <script nonce="${attr(o.nonce)}" src="${attr(o.devScriptUri)}"></script>` : ''}
</body>
</html>`;
}
