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

const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['webview/src/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' }, define: { VERSION: JSON.stringify(pkg.version) } },
];

if (watch) {
  for (const options of targets) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(targets.map((options) => esbuild.build(options)));
  chmodSync('dist/cli.js', 0o755);
}
