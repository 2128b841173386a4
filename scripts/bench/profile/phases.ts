// Where a whole `lint --format json` process spends its time, phase by phase, for docs/performance.md
// ("Whole process: where the time goes"). Not a benchmark module: profile/run.ts bundles this file with
// esbuild as the CLI is bundled (production settings) and runs it in fresh processes. It does what `lint`
// does (server/src/cli/commands/lint.ts, lintRun.ts, loadTemplate.ts, through the engine's facade) step by step, with a clock around each
// step; keep it in step with those files. Writes the lint report on stdout, as lint does, and one JSON
// object of milliseconds per phase on stderr.
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { writeSync } from 'node:fs';
import { getLanguageService } from '../../../server/src/core/languageService';
import { EMPTY_CONFIG, parseRuleConfigText, RULE_IDS } from '../../../server/src/core/rules';
import { buildLintReport } from '../../../server/src/cli/lintReport';
import { findLintTargets } from '../../../server/src/cli/findTemplates';
import { DirectoryListings, findParametersFile } from '../../../server/src/host/parametersDiscovery';
import { moduleReader, readTextFile } from '../../../server/src/host/readTextFile';
import type { LintedFile } from '../../../server/src/cli/lintRun';
import { WorkspaceConfig } from '../../../server/src/host/workspaceConfig';

declare const BUNDLE_START: number | undefined;
const ls = getLanguageService();

async function main(paths: readonly string[]): Promise<void> {
  const mainStart = performance.now();
  const collections: { startTime: number; duration: number }[] = [];
  const gc = new PerformanceObserver((list) => collections.push(...list.getEntries()));
  gc.observe({ entryTypes: ['gc'] });
  const t = { walk: 0, read: 0, parametersLookup: 0, analyze: 0, config: 0, rules: 0, report: 0, stringify: 0, write: 0 };
  const intervals: { phase: keyof typeof t; t0: number; t1: number }[] = [];
  const clock = <T>(phase: keyof typeof t, fn: () => T): T => {
    const t0 = performance.now();
    const out = fn();
    const t1 = performance.now();
    t[phase] += t1 - t0;
    intervals.push({ phase, t0, t1 });
    return out;
  };
  const targets = clock('walk', () => findLintTargets(paths, process.cwd()));
  const configs = new WorkspaceConfig();
  const listings = new DirectoryListings();
  const files: LintedFile[] = [];
  const now = Date.now();
  for (const target of targets) {
    const text = clock('read', () => readTextFile(target.path));
    const parametersPath = clock('parametersLookup', () => findParametersFile(target.path, listings));
    const parametersText = parametersPath === undefined ? undefined : clock('read', () => readTextFile(parametersPath));
    const doc = clock('analyze', () =>
      ls.createDocument(target.path, undefined, text, {
        ...(parametersText === undefined ? {} : { parametersText }),
        readFile: moduleReader(target.path),
        readUnrelated: true,
      }),
    );
    const configFile = clock('config', () => configs.forFile(target.path));
    const parsed = configFile ? clock('config', () => parseRuleConfigText(configFile.text, RULE_IDS)) : undefined;
    const findings = clock('rules', () => ls.findProblems(doc, parsed?.config ?? EMPTY_CONFIG, { now, anyDocument: true }));
    files.push({ path: target.path, doc, findings, configPath: configFile?.path, configProblems: parsed?.problems ?? [] });
  }
  const report = clock('report', () => buildLintReport(files));
  const json = clock('stringify', () => JSON.stringify(report, null, 2) + '\n');
  clock('write', () => writeSync(1, json));
  const end = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 10)); // let the observer see the last collections
  gc.disconnect();
  // Each collection counted in the phase it interrupted (a phase's time includes its collections).
  const gcIn = { analyze: 0, rules: 0, other: 0 };
  for (const c of collections) {
    const phase = intervals.find((i) => c.startTime >= i.t0 && c.startTime < i.t1)?.phase;
    gcIn[phase === 'analyze' || phase === 'rules' ? phase : 'other'] += c.duration;
  }
  const timing = performance.nodeTiming;
  const result = {
    // From the process's time origin: Node's own start-up, until it runs the main script.
    nodeStartup: timing.bootstrapComplete,
    // Reading and compiling the bundle (until its first line runs), then running its module bodies.
    bundleCompile: typeof BUNDLE_START === 'number' ? BUNDLE_START - timing.bootstrapComplete : Number.NaN,
    bundleEvaluate: typeof BUNDLE_START === 'number' ? mainStart - BUNDLE_START : Number.NaN,
    ...t,
    gc: collections.reduce((sum, c) => sum + c.duration, 0),
    gcCount: collections.length,
    gcInAnalyze: gcIn.analyze,
    gcInRules: gcIn.rules,
    gcElsewhere: gcIn.other,
    files: targets.length,
    total: end,
  };
  process.stderr.write(JSON.stringify(result) + '\n');
}

void main(process.argv.slice(2));
