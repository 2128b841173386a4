// `npm run bench`: the benchmarks run what ships. Every benchmark module in this folder (and the report in
// index.ts) is bundled by esbuild with the options of the shipped bundles (scripts/build.mjs: bundled,
// Node 20, jsonc-parser's ESM build), into .bench/, and run there: the engine code measured is the code
// the server, the CLI and the webview run, not tsx's per-module transform (which reads every imported
// constant through a getter). Usage: npm run bench [-- NAME...]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', '.bench');
const entries = readdirSync(here)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(here, f));
const ownDirname = {
  name: 'own-dirname',
  setup(build) {
    build.onLoad({ filter: /scripts[\\/]bench[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))),
      loader: 'ts',
    }));
  },
};
await esbuild.build({
  entryPoints: entries,
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  // The modules find fixtures, dist/ and their helper files relative to their own source folder, wherever the
  // bundle lies: each file's `import.meta.dirname` becomes the folder that file sits in (subfolders included).
  plugins: [ownDirname],
  // Bundled dependencies that are CommonJS still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // esbuild itself (process.ts bundles the anchor's script with it) must run from its package, not a bundle.
  external: ['esbuild'],
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [join(out, 'index.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, BENCH_BUNDLES: out },
});
process.exit(result.status ?? 1);
