// Where the whole-process time of `lint --format json` goes, for docs/performance.md ("Whole process: where
// the time goes"). Not part of `npm run bench` (it takes minutes and answers a question, not a target):
//   node --import tsx scripts/bench/profile/run.ts [--rounds N] [phases] [variants] [parallel] [cpu]
// - phases: profile/phases.ts, bundled as the CLI is (minified), in fresh processes: Node's start-up, bundle
//   compile and evaluation, walking, reading, parameters lookup, analysis, rules, report, JSON, GC.
// - variants: whole processes side by side (alternating, medians): the production CLI as it is, the
//   development bundle, and what Node 20 offers for start-up and cold code: a V8 code cache (loader.cjs),
//   NODE_COMPILE_CACHE (Node 22 only: expected to do nothing), V8 flags.
// - parallel: the folder in two halves by two processes at once against one process (what workers could give).
// - cpu: one `--cpu-prof` run of the development bundle per input, self time by source (cpuProfile.ts).
// Inputs: a generated ~20 KB template (3 scale sets), the 6 MB one (1,000) and a folder of 300 small ones.
// The CLI bundles are built here into a temp folder with scripts/build.mjs's CLI settings (keep in step).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build, type BuildOptions } from 'esbuild';
import { generateTemplate } from '../generateTemplate';
import { formatMs } from '../measure';
import { runOnce, stats, type Run } from '../process/spawnRun';
import { summarizeCpuProfile } from './cpuProfile';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOADER = join(import.meta.dirname, 'loader.cjs');
const IMPORT_META_SHIM = "const __importMetaUrl = require('url').pathToFileURL(__filename).href;";

function cliBuild(outfile: string, production: boolean, entry = join(ROOT, 'server', 'src', 'cli', 'main.ts'), banner = ''): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: 'none',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    define: { 'import.meta.url': '__importMetaUrl', VERSION: '"bench"' },
    banner: { js: `${banner}${IMPORT_META_SHIM}` },
  };
}

interface Input {
  readonly name: string;
  readonly path: string;
}

function writeInputs(dir: string): Input[] {
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  const small = generateTemplate(1);
  for (let i = 0; i < 300; i++) writeFileSync(join(folder, `vmss-${String(i).padStart(3, '0')}.json`), small);
  return [
    { name: '~20 KB template (3 scale sets)', path: file('vmss-3.json', generateTemplate(3)) },
    { name: '6 MB template (1,000 scale sets)', path: file('vmss-1000.json', generateTemplate(1000)) },
    { name: 'folder of 300 templates', path: folder },
  ];
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
const median = (xs: readonly number[]) => stats(xs).median;
const cell = (xs: readonly number[]) => {
  const s = stats(xs);
  return `${formatMs(s.median)} (${formatMs(s.min)}–${formatMs(s.max)})`;
};

async function phases(dir: string, inputs: readonly Input[], rounds: number): Promise<string[]> {
  const harness = join(dir, 'phases.cjs');
  await build(cliBuild(harness, true, join(import.meta.dirname, 'phases.ts'), 'var BUNDLE_START = performance.now();'));
  const out: string[] = [];
  const results = new Map<string, Record<string, number>[]>();
  for (let round = 0; round <= rounds; round++) {
    for (const input of inputs) {
      const { stderr, code } = await runOnce([harness, input.path], join(dir, 'out.json'));
      if (code !== 0) throw new Error(`phases on ${input.name}: exit ${code}: ${stderr}`);
      if (round > 0)
        results.set(input.name, [
          ...(results.get(input.name) ?? []),
          JSON.parse(stderr.trim().split('\n').pop()!) as Record<string, number>,
        ]);
    }
  }
  const keys = [
    'nodeStartup',
    'bundleCompile',
    'bundleEvaluate',
    'walk',
    'read',
    'parametersLookup',
    'analyze',
    'config',
    'rules',
    'report',
    'stringify',
    'write',
    'gc',
    'gcCount',
    'gcInAnalyze',
    'gcInRules',
    'gcElsewhere',
    'total',
  ];
  out.push(
    `| phase (median ms over ${rounds} fresh processes) | ${inputs.map((i) => i.name).join(' | ')} |`,
    `|---|${inputs.map(() => '---').join('|')}|`,
  );
  for (const key of keys)
    out.push(`| ${key} | ${inputs.map((i) => formatMs(median(results.get(i.name)!.map((r) => r[key]!)))).join(' | ')} |`);
  return out;
}

interface Variant {
  readonly name: string;
  readonly argv: (target: string) => string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly prepare?: () => Promise<void>;
}

async function variants(dir: string, inputs: readonly Input[], rounds: number): Promise<string[]> {
  const prod = join(dir, 'cli.prod.cjs');
  const dev = join(dir, 'cli.dev.cjs');
  await build(cliBuild(prod, true));
  await build(cliBuild(dev, false));
  const lint = (target: string) => ['lint', '--format', 'json', target];
  const cache = join(dir, 'cli.prod.codecache');
  const compileCacheDir = join(dir, 'node-compile-cache');
  mkdirSync(compileCacheDir);
  const list: Variant[] = [
    { name: 'production bundle, plain `node` (as shipped)', argv: (t) => [prod, ...lint(t)] },
    { name: 'development bundle (not minified)', argv: (t) => [dev, ...lint(t)] },
    { name: 'loader.cjs, no cache (the loader alone)', argv: (t) => [LOADER, prod, ...lint(t)] },
    {
      name: 'loader.cjs + V8 code cache (made after a ~20 KB lint)',
      argv: (t) => [LOADER, '--cache', cache, prod, ...lint(t)],
      prepare: async () => void (await runOnce([LOADER, '--cache', cache, prod, ...lint(inputs[0]!.path)], join(dir, 'out.json'))),
    },
    {
      name: 'NODE_COMPILE_CACHE set (Node 22 feature)',
      argv: (t) => [prod, ...lint(t)],
      env: { ...process.env, NODE_COMPILE_CACHE: compileCacheDir },
    },
    { name: '--always-sparkplug (baseline code at once)', argv: (t) => ['--always-sparkplug', prod, ...lint(t)] },
    { name: '--no-lazy-feedback-allocation', argv: (t) => ['--no-lazy-feedback-allocation', prod, ...lint(t)] },
    { name: '--max-semi-space-size=64 (larger young generation)', argv: (t) => ['--max-semi-space-size=64', prod, ...lint(t)] },
    { name: '--max-semi-space-size=1 (smaller young generation)', argv: (t) => ['--max-semi-space-size=1', prod, ...lint(t)] },
  ];
  for (const v of list) await v.prepare?.();
  const out: string[] = [];
  for (const input of inputs) {
    const runs = new Map<string, Run[]>(list.map((v) => [v.name, []]));
    process.stderr.write(`profile: variants on ${input.name} (load ${load()})\n`);
    for (let round = 0; round <= rounds; round++) {
      for (let k = 0; k < list.length; k++) {
        const v = list[(k + round) % list.length]!;
        const { run, code, stderr } = await runOnce(v.argv(input.path), join(dir, 'out.json'), v.env);
        if (code !== 0 && code !== 1) throw new Error(`${v.name} on ${input.name}: exit ${code}: ${stderr}`);
        if (round > 0) runs.get(v.name)!.push(run);
      }
    }
    const base = runs.get(list[0]!.name)!;
    out.push(
      '',
      `${input.name}, ${rounds} rounds, load ${load()}:`,
      '',
      '| variant | wall ms median (min–max) | CPU ms median (min–max) | CPU vs as shipped |',
      '|---|---|---|---|',
    );
    for (const v of list) {
      const r = runs.get(v.name)!;
      const cpu = r.map((x) => x.cpuMs!);
      out.push(
        `| ${v.name} | ${cell(r.map((x) => x.wallMs))} | ${cell(cpu)} | ${(median(cpu) / median(base.map((x) => x.cpuMs!))).toFixed(2)}× |`,
      );
    }
  }
  out.push(
    '',
    `NODE_COMPILE_CACHE: ${readdirSync(compileCacheDir).length} entries written (Node ${process.version}); module.enableCompileCache is ${typeof ((await import('node:module')) as { enableCompileCache?: unknown }).enableCompileCache}; code cache ${existsSync(cache) ? `${(readFileSync(cache).length / 1024).toFixed(0)} KB` : 'not written'}`,
  );
  return out;
}

/**
 * What worker threads could give on a folder, bounded from above by processes: the folder's files split in
 * two halves linted by two CLI processes at once, against one process for all, alternating.
 */
async function parallel(dir: string, rounds: number): Promise<string[]> {
  const prod = join(dir, 'cli.prod.cjs');
  if (!existsSync(prod)) await build(cliBuild(prod, true));
  const folder = join(dir, 'folder');
  const halves = [join(dir, 'half-a'), join(dir, 'half-b')];
  const files = readdirSync(folder).sort();
  halves.forEach((h, k) => {
    mkdirSync(h);
    for (const f of files.slice(k * 150, (k + 1) * 150)) writeFileSync(join(h, f), readFileSync(join(folder, f)));
  });
  const lint = (target: string, n: number) => runOnce([prod, 'lint', '--format', 'json', target], join(dir, `par-${n}.json`));
  const one: number[] = [];
  const two: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    let t0 = performance.now();
    await lint(folder, 0);
    if (round > 0) one.push(performance.now() - t0);
    t0 = performance.now();
    await Promise.all(halves.map((h, k) => lint(h, k + 1)));
    if (round > 0) two.push(performance.now() - t0);
  }
  return [
    '',
    `Folder of 300, ${rounds} rounds (load ${load()}, ${cpus().length} CPUs): one process ${cell(one)} ms; two processes at once on 150 each ${cell(two)} ms wall`,
  ];
}

async function cpuProfiles(dir: string, inputs: readonly Input[]): Promise<string[]> {
  const dev = join(dir, 'cli.dev.cjs');
  if (!existsSync(dev)) await build(cliBuild(dev, false));
  const out: string[] = [];
  for (const input of inputs.slice(1)) {
    const profileDir = join(dir, `prof-${inputs.indexOf(input)}`);
    await runOnce(
      ['--cpu-prof', '--cpu-prof-interval', '200', '--cpu-prof-dir', profileDir, dev, 'lint', '--format', 'json', input.path],
      join(dir, 'out.json'),
    );
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))!;
    const { groups, functions, totalMs } = summarizeCpuProfile(join(profileDir, file), dev, `${dev}.map`);
    out.push(
      '',
      `${input.name}: CPU profile of the development bundle, ${formatMs(totalMs)} ms sampled (load ${load()})`,
      '',
      '| where | self ms | share |',
      '|---|---|---|',
    );
    for (const [name, ms] of groups.slice(0, 16)) out.push(`| ${name} | ${formatMs(ms)} | ${((100 * ms) / totalMs).toFixed(1)}% |`);
    out.push('', '| function (source) | self ms | share |', '|---|---|---|');
    for (const [name, ms] of functions.slice(0, 15)) out.push(`| ${name} | ${formatMs(ms)} | ${((100 * ms) / totalMs).toFixed(1)}% |`);
  }
  return out;
}

async function main(argv: readonly string[]): Promise<void> {
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : 7;
  const parts = argv.filter((a, i) => !a.startsWith('--') && i !== roundsAt + 1);
  const wanted = (part: string) => parts.length === 0 || parts.includes(part);
  const dir = mkdtempSync(join(tmpdir(), 'vmss-profile-'));
  const out = [
    `# Whole-process profile (${new Date().toISOString()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}); load at start ${load()}`,
  ];
  try {
    const inputs = writeInputs(dir);
    if (wanted('phases')) out.push('', '## Phases', '', ...(await phases(dir, inputs, rounds)));
    if (wanted('variants')) out.push('', '## Variants', ...(await variants(dir, inputs, rounds)));
    if (wanted('parallel')) out.push('', '## Two processes on halves of the folder', ...(await parallel(dir, rounds)));
    if (wanted('cpu')) out.push('', '## CPU profiles', ...(await cpuProfiles(dir, inputs)));
    out.push('', `Load at end: ${load()}`);
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main(process.argv.slice(2));
