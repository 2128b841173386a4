// Bundles the four targets with esbuild: the extension (node, cjs, external vscode), the language server
// (node, cjs), the webview (browser, iife) and the CLI (node, cjs, with a shebang).
// Usage: node scripts/build.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

// Node targets are CommonJS bundles, where ESM dependencies' import.meta.url would be undefined.
const importMetaShim = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";
const node = {
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: importMetaShim },
};

const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', ...node, external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js', ...node },
  { ...common, entryPoints: ['webview/src/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli-main.js',
    ...node,
    define: { ...node.define, VERSION: JSON.stringify(pkg.version) },
  },
  // The executable: a few lines that run cli-main.js through a V8 code cache (server/src/host/codeCache.ts).
  { ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js', ...node, banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
}
