// Rules benchmark: lint (analysis + every rule) of the generated 1/10/100/1000-scale-set templates, against
// the floor (jsonc-parser parseTree on the same text) and the anchor a user has today:
// vscode-json-languageservice doValidation with the real ARM template schema, in two set-ups (see `anchors`).
// Targets: ≥ 10× faster than the anchor on every size, ≤ 2× parseTree on the 6 MB template.
import { join } from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { analyzeTemplate } from '../../server/src/core/arm/analyzeTemplate';
import { runRules } from '../../server/src/core/rules';
import { createArmSchemaAnchor, findArmSchemas, missingSchemaFiles } from './anchor/armSchema';
import { generateTemplate } from './generateTemplate';
import { formatBytes, formatMs, measure, measurePair } from './measure';
import type { BenchSection } from './benchSection';

const SCHEMAS = findArmSchemas(join(import.meta.dirname, '..', '..'));
const NOW = Date.parse('2026-11-25T00:00:00Z');

function lint(text: string): number {
  return runRules(analyzeTemplate(text), text, { now: NOW }).length;
}

type Validate = (text: string) => Promise<number>;

/**
 * The anchor in its two set-ups (anchor/armSchema.ts), each with its schemas loaded and compiled once
 * beforehand (as its server keeps them).
 */
async function anchors(): Promise<{ bestCase: Validate; asLoaded: Validate } | undefined> {
  if (missingSchemaFiles(SCHEMAS).length > 0) return undefined;
  const best = createArmSchemaAnchor('bestCase', SCHEMAS);
  const loaded = createArmSchemaAnchor('asLoaded', SCHEMAS);
  const bestCase: Validate = async (text) => (await best.validate(text)).length;
  const asLoaded: Validate = async (text) => (await loaded.validate(text)).length;
  const warm = generateTemplate(1);
  await bestCase(warm);
  await asLoaded(warm);
  return { bestCase, asLoaded };
}

/**
 * Both sides warmed alike before anything is timed: a second of runs each on the 60 KB template, so the
 * engine's optimising compiler has done its work for us and for the anchor (a language server is warm after
 * the first few edits; without this the first sizes measured would time the compiler).
 */
async function warmUp(anchor: { bestCase: Validate; asLoaded: Validate } | undefined): Promise<void> {
  const text = generateTemplate(10);
  const until = async (fn: () => unknown) => {
    const end = performance.now() + 1000;
    while (performance.now() < end) await fn();
  };
  await until(() => lint(text));
  if (anchor) {
    await until(() => anchor.bestCase(text));
    await until(() => anchor.asLoaded(text));
  }
}

async function measureAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export default async function rulesBench(): Promise<BenchSection> {
  const anchor = await anchors();
  await warmUp(anchor);
  const rows: string[][] = [];
  const verdicts: string[] = [];
  let worstBest = Number.POSITIVE_INFINITY;
  let worstLoaded = Number.POSITIVE_INFINITY;
  const ratio = (x: number) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}×` : '—');
  for (const count of [1, 10, 100, 1000]) {
    const text = generateTemplate(count);
    // The ratio to the floor from alternating runs (load and GC hit both alike); lint's own time, which
    // the anchor is compared with, from runs of lint alone, as the anchor runs alone.
    const [floor, paired] = measurePair(
      () => parseTree(text, [] as ParseError[], { allowTrailingComma: true }),
      () => lint(text),
      { minRuns: count >= 1000 ? 9 : 15 },
    );
    const linted = measure(() => lint(text), { minRuns: count >= 1000 ? 9 : 15 });
    const runs = count >= 1000 ? 3 : count >= 100 ? 5 : 15;
    const bestMs = anchor ? await measureAsync(() => anchor.bestCase(text), runs) : Number.NaN;
    const loadedMs = anchor ? await measureAsync(() => anchor.asLoaded(text), runs) : Number.NaN;
    const vsFloor = paired.medianMs / floor.medianMs;
    worstBest = Math.min(worstBest, bestMs / linted.medianMs);
    worstLoaded = Math.min(worstLoaded, loadedMs / linted.medianMs);
    if (count === 1000)
      verdicts.push(`6 MB template: lint is ${vsFloor.toFixed(2)}× parseTree (target ≤ 2×) — ${vsFloor <= 2 ? 'met' : 'NOT met'}`);
    rows.push([
      String(count),
      formatBytes(text.length),
      formatMs(floor.medianMs),
      formatMs(linted.medianMs),
      `${vsFloor.toFixed(2)}×`,
      formatMs(bestMs),
      ratio(bestMs / linted.medianMs),
      formatMs(loadedMs),
      ratio(loadedMs / linted.medianMs),
    ]);
  }
  verdicts.unshift(
    anchor
      ? `lint vs the anchor as VS Code loads the template schema (the baseline ../shared/arm-schemas/README.md prescribes): at least ${worstLoaded.toFixed(1)}× faster on every size (target ≥ 10×) — ${worstLoaded >= 10 ? 'met' : 'NOT met'}; ` +
          `vs the anchor's best case (one trimmed, inlined schema): at least ${worstBest.toFixed(1)}× — ${worstBest >= 10 ? '≥ 10× too' : 'short of 10×'}`
      : `anchor skipped: ${missingSchemaFiles(SCHEMAS).join(', ')} not found`,
  );
  return {
    title:
      'Rules: lint (analysis + every rule) vs parseTree and vs vscode-json-languageservice doValidation with the real ARM schema (median ms)',
    header: [
      'scale sets',
      'size',
      'parseTree',
      'lint',
      'lint / parseTree',
      'anchor, best case',
      '× faster',
      'anchor as VS Code loads it',
      '× faster',
    ],
    rows,
    verdicts,
  };
}
