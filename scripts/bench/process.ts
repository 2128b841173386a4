// Whole-process benchmark: what a user running the CLI in CI waits for. Each command is a fresh `node`
// process (start-up, bundle load, cold code, GC, output included), run side by side in one loop: ours
// (`node dist/cli.js lint --format json PATH`), the anchor as a whole process (anchor/lintCli.ts:
// vscode-json-languageservice with the real ARM template schema, in both set-ups of anchor/armSchema.ts) and
// two floors, `node -e 0` and a `node -e` that only reads the same files. Medians of ≥ 5 rounds, with the
// spread (min–max); the commands of a round run one after another, starting from a different one each round.
// Every process, floors included, is started with process/usageProbe.cjs preloaded (CPU time and peak RSS).
// Ours runs twice: with its code cache (a user's second run) and without (NODE_DISABLE_COMPILE_CACHE=1).
// A floor measures what the targets would need if no code were cold: `node dist/cli.js --version` (Node's
// start-up and the bundle) plus the same lint run warm in one process (process/warmRuns.cjs).
// Targets (issue 12): ≥ 6× the anchor on the 6 MB template and on a folder of 300 templates; a one-file lint
// of a typical 20 KB template within 1.5× of `node -e` reading it. Run `npm run build:prod` first: the
// shipped CLI is the production bundle (the section says which bundle it found).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { findArmSchemas, missingSchemaFiles } from './anchor/armSchema';
import { generateTemplate } from './generateTemplate';
import { formatBytes, formatMs, loadAverage } from './measure';
import { runOnce, stats, type Run } from './process/spawnRun';
import type { BenchSection } from './benchSection';

const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CLI_MAIN = join(ROOT, 'dist', 'cli-main.js');
const WARM_RUNS = join(import.meta.dirname, 'process', 'warmRuns.cjs');
const SCHEMAS = findArmSchemas(ROOT);
const REAL_20KB = join(ROOT, 'test', 'fixtures', 'real-templates', 'sf-win-managed-identity.json');
/** Reads every file under the paths given, as text, and nothing else: the floor for "reading the files". */
const READ_ONLY =
  "const f=require('fs'),p=require('path');const r=(d)=>{for(const e of f.readdirSync(d,{withFileTypes:true}))e.isDirectory()?r(p.join(d,e.name)):f.readFileSync(p.join(d,e.name),'utf8')};for(const a of process.argv.slice(1))f.statSync(a).isDirectory()?r(a):f.readFileSync(a,'utf8')";

type CommandId = 'ours' | 'oursNoCache' | 'asLoaded' | 'bestCase' | 'bare' | 'read' | 'startup';

interface Work {
  readonly name: string;
  readonly bytes: number;
  readonly files: number;
  readonly paths: readonly string[];
  readonly rounds: number;
  /** The targets: ≥ 6× the anchor (whole process), or within 1.5× of node reading the file. */
  readonly target?: 'anchor' | 'read';
}

/** Writes the inputs: the generated templates, a folder of 300 small ones, a real ~20 KB one with its parameters. */
function writeInputs(dir: string): Work[] {
  const works: Work[] = [];
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  if (existsSync(REAL_20KB)) {
    const path = join(dir, 'real', basename(REAL_20KB));
    mkdirSync(join(dir, 'real'));
    copyFileSync(REAL_20KB, path);
    const parameters = REAL_20KB.replace(/\.json$/, '.parameters.json');
    if (existsSync(parameters)) copyFileSync(parameters, join(dir, 'real', basename(parameters)));
    works.push({
      name: `real template (${basename(REAL_20KB)})`,
      bytes: readFileSync(path).length,
      files: 1,
      paths: [path],
      rounds: 9,
      target: 'read',
    });
  }
  const typical = generateTemplate(3);
  works.push({
    name: '3 scale sets (generated, ~20 KB)',
    bytes: typical.length,
    files: 1,
    paths: [file('vmss-3.json', typical)],
    rounds: 9,
    target: 'read',
  });
  for (const count of [1, 10, 100, 1000]) {
    const text = generateTemplate(count);
    works.push({
      name: `${count} scale set${count === 1 ? '' : 's'}`,
      bytes: text.length,
      files: 1,
      paths: [file(`vmss-${count}.json`, text)],
      rounds: count >= 1000 ? 5 : count >= 100 ? 7 : 9,
      ...(count === 1000 ? { target: 'anchor' as const } : {}),
    });
  }
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  const small = generateTemplate(1);
  for (let i = 0; i < 300; i++) writeFileSync(join(folder, `vmss-${String(i).padStart(3, '0')}.json`), small);
  works.push({
    name: 'folder of 300 templates (1 scale set each)',
    bytes: small.length * 300,
    files: 300,
    paths: [folder],
    rounds: 7,
    target: 'anchor',
  });
  return works;
}

/** The anchor script bundled once into `dir` (CommonJS, like our node bundles), run with plain node. */
async function bundleAnchor(dir: string): Promise<string> {
  const outfile = join(dir, 'anchor.cjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'anchor', 'lintCli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return outfile;
}

/** Checks one command's output once per work: the JSON parses and covers every file; says why the anchor could not validate, if so. */
function checkOutput(id: CommandId, out: string, work: Work): string | undefined {
  if (id === 'bare' || id === 'read' || id === 'startup') return undefined;
  const report = JSON.parse(readFileSync(out, 'utf8')) as { files: { diagnostics: { message: string }[] }[] };
  if (report.files.length !== work.files) throw new Error(`${id} reported ${report.files.length} files of ${work.files} for ${work.name}`);
  if (id === 'ours') return undefined;
  const failed = report.files
    .flatMap((f) => f.diagnostics)
    .some((d) => /Unable to load schema|Problems loading reference/i.test(d.message));
  return failed ? 'the schema its $schema names is not in the schema set' : undefined;
}

/** The same lint warm: `main` called again and again in one process (process/warmRuns.cjs); the timed runs, ms. */
function warmLint(work: Work, out: string): number[] {
  const [warmup, runs] = work.bytes > 1_000_000 ? [8, 7] : [15, 9];
  const argv = [WARM_RUNS, CLI_MAIN, out, String(warmup), String(runs), 'lint', '--format', 'json', ...work.paths];
  const result = spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`warm runs on ${work.name} exited with ${result.status}: ${result.stderr.slice(0, 500)}`);
  return JSON.parse(result.stdout) as number[];
}

export default async function processBench(): Promise<BenchSection[]> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build:prod` first');
  const production = !readFileSync(CLI, 'utf8').trimEnd().split('\n').pop()!.startsWith('//# sourceMappingURL=');
  const bundle = production
    ? 'production bundle (minified)'
    : 'DEVELOPMENT bundle (npm run build; run npm run build:prod for the shipped one)';
  const loadAtStart = loadAverage();
  const dir = mkdtempSync(join(tmpdir(), 'vmss-bench-process-'));
  try {
    const works = writeInputs(dir);
    const missing = missingSchemaFiles(SCHEMAS);
    const anchor = missing.length === 0 ? await bundleAnchor(dir) : undefined;
    const out = join(dir, 'stdout.json');
    // Ours with its V8 code cache (host/codeCache.ts) in a folder of this run's own, made by the untimed
    // round 0, as a user's second run finds it; and with the cache off, as a first run on a fresh CI machine.
    const cacheEnv = { ...process.env, VMSS_UPGRADE_CODE_CACHE_DIR: join(dir, 'code-cache'), NODE_DISABLE_COMPILE_CACHE: '' };
    const commands = (work: Work): [CommandId, string[], NodeJS.ProcessEnv?][] => [
      ['ours', [CLI, 'lint', '--format', 'json', ...work.paths], cacheEnv],
      ['oursNoCache', [CLI, 'lint', '--format', 'json', ...work.paths], { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }],
      ...(anchor
        ? ([
            ['asLoaded', [anchor, '--schemas', SCHEMAS, '--setup', 'asLoaded', ...work.paths]],
            ['bestCase', [anchor, '--schemas', SCHEMAS, '--setup', 'bestCase', ...work.paths]],
          ] as [CommandId, string[]][])
        : []),
      ['bare', ['-e', '0']],
      ['read', ['-e', READ_ONLY, ...work.paths]],
      ['startup', [CLI, '--version'], cacheEnv],
    ];
    const results: { work: Work; runs: Map<CommandId, Run[]>; notes: Map<CommandId, string>; warm: number[] }[] = [];
    for (const work of works) {
      const list = commands(work);
      const runs = new Map<CommandId, Run[]>(list.map(([id]) => [id, []]));
      const notes = new Map<CommandId, string>();
      process.stderr.write(`bench: process: ${work.name}, ${work.rounds} rounds (load ${loadAverage()})\n`);
      // Round 0 is a warm-up (page cache, first exec of each binary) and checks every output; it is not timed.
      for (let round = 0; round <= work.rounds; round++) {
        for (let k = 0; k < list.length; k++) {
          const [id, argv, env] = list[(k + round) % list.length]!;
          const { run, code, stderr } = await runOnce(argv, out, env);
          if (code !== 0 && !(code === 1 && id !== 'bare' && id !== 'read'))
            throw new Error(`${id} on ${work.name} exited with ${code}: ${stderr.slice(0, 500)}`);
          if (round === 0) {
            const note = checkOutput(id, out, work);
            if (note) notes.set(id, note);
          } else {
            runs.get(id)!.push(run);
          }
        }
      }
      results.push({ work, runs, notes, warm: warmLint(work, out) });
    }
    const loadAtEnd = loadAverage();

    const cell = (xs: Run[] | undefined, pick: (r: Run) => number | undefined) => {
      const values = (xs ?? []).map(pick).filter((x): x is number => x !== undefined);
      if (values.length === 0) return { text: '—', median: Number.NaN };
      const s = stats(values);
      return { text: `${formatMs(s.median)} (${formatMs(s.min)}–${formatMs(s.max)})`, median: s.median };
    };
    const times = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '—');
    const anchorCell = (r: (typeof results)[number], id: CommandId, pick: (run: Run) => number | undefined, ours: number): string[] => {
      if (!anchor) return ['schemas not found', '—'];
      const note = r.notes.get(id);
      if (note) return [`n/a: ${note}`, '—'];
      const c = cell(r.runs.get(id), pick);
      return [c.text, times(c.median / ours)];
    };
    const wallRows: string[][] = [];
    const cpuRows: string[][] = [];
    const verdicts: string[] = [
      `built CLI measured: ${bundle}`,
      `load average (1 / 5 / 15 min) at the start of this section ${loadAtStart}; at the end ${loadAtEnd} (${cpus().length} CPUs)`,
    ];
    for (const r of results) {
      const wall = (run: Run) => run.wallMs;
      const cpu = (run: Run) => run.cpuMs;
      const ours = cell(r.runs.get('ours'), wall);
      const noCache = cell(r.runs.get('oursNoCache'), wall);
      const bare = cell(r.runs.get('bare'), wall);
      const read = cell(r.runs.get('read'), wall);
      const startup = cell(r.runs.get('startup'), wall).median;
      const warm = stats(r.warm).median;
      const floor = startup + warm;
      const label = [r.work.name, formatBytes(r.work.bytes)];
      wallRows.push([
        ...label,
        ours.text,
        noCache.text,
        ...anchorCell(r, 'asLoaded', wall, ours.median),
        ...anchorCell(r, 'bestCase', wall, ours.median),
        bare.text,
        read.text,
        `${(ours.median / read.median).toFixed(2)}×`,
        `${formatMs(floor)} (${formatMs(startup)} + ${formatMs(warm)})`,
      ]);
      const oursCpu = cell(r.runs.get('ours'), cpu);
      const rss = (id: CommandId) => cell(r.runs.get(id), (run) => (run.maxRssKb === undefined ? undefined : run.maxRssKb / 1024)).median;
      const mb = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
      cpuRows.push([
        ...label,
        oursCpu.text,
        cell(r.runs.get('oursNoCache'), cpu).text,
        ...anchorCell(r, 'asLoaded', cpu, oursCpu.median),
        ...anchorCell(r, 'bestCase', cpu, oursCpu.median),
        cell(r.runs.get('bare'), cpu).text,
        cell(r.runs.get('read'), cpu).text,
        `${mb(rss('ours'))} / ${mb(rss('asLoaded'))} / ${mb(rss('bestCase'))}`,
      ]);
      const asLoaded = cell(r.runs.get('asLoaded'), wall).median / ours.median;
      const best = cell(r.runs.get('bestCase'), wall).median / ours.median;
      if (r.work.target === 'anchor') {
        verdicts.push(
          !anchor
            ? `${r.work.name}: anchor skipped (${missing.join(', ')} not found)`
            : r.notes.has('asLoaded')
              ? `${r.work.name}: the anchor could not validate it (${r.notes.get('asLoaded')})`
              : `${r.work.name}: ${times(asLoaded)} faster than the anchor as VS Code loads the schema, whole process (target ≥ 6×) — ${asLoaded >= 6 ? 'met' : 'NOT met'}; ${times(best)} the best-case anchor — ${best >= 6 ? '≥ 6× too' : 'short of 6×'}; if no code were cold, ${formatMs(floor)} ms (start-up ${formatMs(startup)} + warm lint ${formatMs(warm)}), ${times(cell(r.runs.get('asLoaded'), wall).median / floor)} the anchor`,
        );
      }
      if (r.work.target === 'read') {
        const ratio = ours.median / read.median;
        verdicts.push(
          `${r.work.name}, ${formatBytes(r.work.bytes)}: one-file lint ${formatMs(ours.median)} ms is ${ratio.toFixed(2)}× \`node -e\` reading the file (${formatMs(read.median)} ms; \`node -e 0\` ${formatMs(bare.median)} ms) (target ≤ 1.5×) — ${ratio <= 1.5 ? 'met' : 'NOT met'}; without the code cache (a first run) ${formatMs(noCache.median)} ms, ${(noCache.median / read.median).toFixed(2)}×`,
        );
      }
    }
    const spread = 'median (min–max) ms';
    return [
      {
        title: `Whole process: \`node dist/cli.js lint --format json\` vs the anchor's whole process (vscode-json-languageservice, real ARM schema), wall time, ${spread}`,
        header: [
          'work',
          'size',
          'ours',
          'ours, no code cache',
          'anchor as VS Code loads it',
          '× faster',
          'anchor, best case (trimmed)',
          '× faster',
          '`node -e 0`',
          '`node -e` reading the files',
          'ours / read',
          'floor if no code were cold: start-up (`--version`) + warm lint',
        ],
        rows: wallRows,
        verdicts,
      },
      {
        title: `Whole process, CPU time (user + system, from process.resourceUsage() at exit; less inflated by a busy machine than wall time), ${spread}`,
        header: [
          'work',
          'size',
          'ours',
          'ours, no code cache',
          'anchor as VS Code loads it',
          '× less',
          'anchor, best case',
          '× less',
          '`node -e 0`',
          '`node -e` reading',
          'peak RSS MB: ours / as loaded / best case',
        ],
        rows: cpuRows,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
