// The engine in server/src/core is bundled into the server, the webview and the CLI, so it must not
// touch the editor, the protocol, Node, the DOM, clocks or randomness. This test reads every source file
// there and fails on any import or global that would break that.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = join(import.meta.dirname, '../../../server/src/core');
const ALLOWED_PACKAGES = new Set(['jsonc-parser', 'vscode-languageserver-types', 'vscode-languageserver-textdocument']);
const FORBIDDEN_CALLS = [
  /\bDate\.now\s*\(/,
  /\bMath\.random\s*\(/,
  /\bnew Date\s*\(\s*\)/,
  /\bset(Timeout|Interval|Immediate)\s*\(/,
  /\bprocess\./,
  /\b(window|document|globalThis)\./,
  /\brequire\s*\(/,
  /\bperformance\.now\s*\(/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Strips comments and string contents so that words in docs do not count as code. */
function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const files = sources(CORE);

test('the engine has source files to check', () => {
  assert.ok(files.length >= 5, `expected engine sources under ${CORE}, found ${files.length}`);
});

test('the engine imports only relative modules and pure packages', () => {
  const offending: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
    )) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (spec.startsWith('.')) continue;
      if (!ALLOWED_PACKAGES.has(spec)) offending.push(`${relative(CORE, file)}: ${spec}`);
    }
  }
  assert.deepEqual(offending, []);
});

test('the engine uses no clock, randomness, timers, process or DOM', () => {
  const offending: string[] = [];
  for (const file of files) {
    const code = codeOnly(readFileSync(file, 'utf8'));
    for (const pattern of FORBIDDEN_CALLS) if (pattern.test(code)) offending.push(`${relative(CORE, file)}: ${pattern}`);
  }
  assert.deepEqual(offending, []);
});

test('the purity check catches an impure line', () => {
  const sample = "import * as fs from 'node:fs';\nconst t = Date.now();";
  assert.ok(FORBIDDEN_CALLS.some((p) => p.test(codeOnly(sample))));
  assert.match(sample, /from\s+['"]node:fs['"]/);
});
