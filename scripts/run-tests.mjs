// Runs node's test runner on every *.test.ts under the given folders (Node 20's --test takes no globs),
// with tsx as the TypeScript loader. Usage: node scripts/run-tests.mjs DIR... [-- extra node args]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureBrowser } from './browser.mjs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const dirs = split === -1 ? args : args.slice(0, split);
const extra = split === -1 ? [] : args.slice(split + 1);

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry === 'node_modules' || entry === 'fixtures') continue;
      collect(join(path, entry), out);
    }
  } else if (path.endsWith('.test.ts')) {
    out.push(path);
  }
  return out;
}

const files = dirs.flatMap((dir) => collect(dir, []));
if (files.length === 0) {
  console.error(`no test files under ${dirs.join(', ')}`);
  process.exit(1);
}
// The browser suites (the preview in Chromium, the extension in code-server) get the one browser ensureBrowser
// finds or installs, as CHROMIUM_PATH; without one they would fail as many stack traces as they have tests.
const env = { ...process.env };
if (files.some((file) => /(^|[\\/])test[\\/](webview|e2e)[\\/]/.test(file))) {
  const browser = ensureBrowser();
  if (browser.error) {
    console.error(browser.error);
    process.exit(1);
  }
  env.CHROMIUM_PATH = browser.path;
}
const setup = new URL('../test/helpers/fastCheckSetup.cjs', import.meta.url).href;
const exitAfterTests = new URL('../test/helpers/exitAfterTests.cjs', import.meta.url).href;
const preloads = ['--import', 'tsx', '--import', setup, '--import', exitAfterTests];
const result = spawnSync(process.execPath, [...preloads, '--test', '--test-reporter=spec', ...extra, ...files], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);
