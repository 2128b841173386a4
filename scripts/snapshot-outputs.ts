// Records what the built CLI (dist/cli.js) answers on every fixture, the examples and generated templates —
// scan, lint (JSON and SARIF) and simulate (JSON with Monte Carlo, status, history) per scale set — so that a
// restructuring can prove the product's behaviour unchanged:
//   npm run build && node --import tsx scripts/snapshot-outputs.ts OUT_DIR
//   ... change the code, build again, record into OUT_DIR2 ...
//   diff -r OUT_DIR OUT_DIR2
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generateBicep } from './bench/bicep';
import { generateTemplate } from './bench/generateTemplate';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const out = process.argv[2];
if (!out) {
  console.error('usage: node --import tsx scripts/snapshot-outputs.ts OUT_DIR');
  process.exit(2);
}

function templatesUnder(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) templatesUnder(path, found);
    else if (/\.(json|jsonc|bicep)$/.test(entry) && !/\.parameters\.json$/.test(entry)) found.push(path);
  }
  return found;
}

/** Runs the CLI from the project root (so paths in its output are relative and the same in every run). */
function cli(args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return `exit ${result.status}\n--- stdout\n${result.stdout}--- stderr\n${result.stderr}`;
}

// A fixed folder, so the paths the outputs quote are the same in every run.
const generated = join(tmpdir(), 'vmss-snapshot-generated');
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, 'generated-100.json'), generateTemplate(100));
writeFileSync(join(generated, 'generated-100.bicep'), generateBicep(100));

const files = [
  ...templatesUnder(join(ROOT, 'examples')),
  ...templatesUnder(join(ROOT, 'test', 'fixtures')),
  join(generated, 'generated-100.json'),
  join(generated, 'generated-100.bicep'),
];
let written = 0;
for (const file of files) {
  const name = file.startsWith(generated) ? `generated/${relative(generated, file)}` : relative(ROOT, file);
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  const record = (what: string, args: string[]) => {
    writeFileSync(join(dir, `${what}.txt`), cli(args));
    written++;
  };
  record('scan', ['scan', '--format', 'json', file]);
  record('lint', ['lint', '--format', 'json', file]);
  record('lint-sarif', ['lint', '--format', 'sarif', file]);
  record('lint-text', ['lint', file]);
  let names: string[] = [];
  try {
    const scan = JSON.parse(
      spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 }).stdout,
    ) as { scaleSets?: { name?: unknown }[] };
    names = (scan.scaleSets ?? []).map((s) => String(s.name)).slice(0, 5);
  } catch {
    names = [];
  }
  for (const [i, scaleSet] of names.entries()) {
    const pick = ['--scale-set', scaleSet];
    record(`simulate-${i}`, [
      'simulate',
      file,
      ...pick,
      '--format',
      'json',
      '--trials',
      '300',
      '--failure-rate',
      '0.05',
      '--start',
      '2026-01-01T00:00:00Z',
    ]);
    record(`simulate-${i}-text`, ['simulate', file, ...pick, '--failure-rate', '0.05']);
    record(`status-${i}`, ['simulate', file, ...pick, '--format', 'status', '--start', '2026-01-01T00:00:00Z']);
    record(`history-${i}`, ['simulate', file, ...pick, '--format', 'history', '--start', '2026-01-01T00:00:00Z']);
  }
}
console.log(`${written} outputs of ${files.length} templates in ${out}`);
