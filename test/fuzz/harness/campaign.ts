import { ServerDriver, type DriverOptions } from './driver';
import { runCase, type RunOptions } from './execute';
import { signature, type Failure, type FailureKind } from './failures';
import { generateCase } from './generate';
import { keep } from './keep';

/**
 * A campaign: cases `from` … `from + docs - 1` of one seed against one long-running server (replaced
 * after a hang or a crash), within a time budget; every new kind of failure is replayed on a fresh
 * server, shrunk and saved as a reproducer. Returns the figures the summary prints.
 */
export interface CampaignOptions extends DriverOptions, RunOptions {
  readonly seed: number;
  readonly docs: number;
  readonly from?: number;
  /** Stop starting new documents after this long (shrinking included). */
  readonly budgetMs?: number;
  /** Time to shrink one failure; 0 saves failures unshrunk. */
  readonly shrinkMs: number;
  /** Failures shrunk per campaign (the first of each signature, in order). */
  readonly maxShrinks: number;
  /** Where reproducers are written; none when undefined. */
  readonly outDir?: string;
  /** Resident memory growth of one server over the campaign that counts as a failure. */
  readonly rssGrowthLimitMb: number;
  readonly log?: (line: string) => void;
}

export interface Distinct {
  readonly signature: string;
  readonly first: Failure & { readonly index: number };
  count: number;
  reproducer?: string;
  reproducedOnFreshServer?: boolean;
}

export interface Summary {
  readonly seed: number;
  documents: number;
  requests: number;
  fixesChecked: number;
  fixesApplied: number;
  readonly counts: Record<FailureKind, number>;
  readonly distinct: Distinct[];
  servers: number;
  /** Cases the harness itself failed on (its bug, logged with the stack); the server is replaced. */
  harnessErrors: number;
  /** Answers later than the deadline in wall time but within it in the server's CPU time (a busy machine). */
  slowUnderLoad: number;
  peakRssMb: number;
  peakHwmMb: number;
  /** The case during which a server's peak resident memory (VmHWM) reached its highest. */
  peakCase?: { index: number; hwmMb: number; source: string; mutations: readonly string[]; length: number };
  /** Per server: the floor of resident memory over 50 documents after its first 25, and over its last 50. */
  readonly rssGrowth: { baselineMb: number; finalMb: number; documents: number }[];
  elapsedMs: number;
  shrinkMs: number;
  readonly slowest: Record<string, number>;
  readonly byMethod: Record<string, number>;
}

const WARM_UP = 25;
/** Documents over which the floor of resident memory is taken, after the warm-up and at the end. */
const RSS_WINDOW = 50;
/** A case slower than this is logged (not a failure: its requests each had their deadline). */
const SLOW_CASE_MS = 30_000;

export function emptyCounts(): Record<FailureKind, number> {
  return {
    crash: 0,
    memory: 0,
    hang: 0,
    error: 0,
    'invalid-range': 0,
    'corrupting-fix': 0,
    'fix-keeps-finding': 0,
    'unstable-diagnostics': 0,
    markup: 0,
  };
}

export async function runCampaign(options: CampaignOptions): Promise<Summary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const summary: Summary = {
    seed: options.seed,
    documents: 0,
    requests: 0,
    fixesChecked: 0,
    fixesApplied: 0,
    counts: emptyCounts(),
    distinct: [],
    servers: 0,
    harnessErrors: 0,
    slowUnderLoad: 0,
    peakRssMb: 0,
    peakHwmMb: 0,
    rssGrowth: [],
    elapsedMs: 0,
    shrinkMs: 0,
    slowest: {},
    byMethod: {},
  };
  const bySignature = new Map<string, Distinct>();
  let driver: ServerDriver | undefined;
  let growth: Summary['rssGrowth'][number] | undefined;
  let floor: { documents: number; recent: number[] } = { documents: 0, recent: [] };
  let shrinks = 0;
  const retire = async (d: ServerDriver, kill: boolean) => {
    summary.slowUnderLoad += d.slowUnderLoad;
    summary.peakRssMb = Math.max(summary.peakRssMb, d.peak.rssMb);
    summary.peakHwmMb = Math.max(summary.peakHwmMb, d.peak.hwmMb, d.memory()?.hwmMb ?? 0);
    if (kill) d.kill();
    else await d.shutdown();
  };
  const from = options.from ?? 0;
  try {
    for (let index = from; index < from + options.docs; index++) {
      if (options.budgetMs !== undefined && performance.now() - started > options.budgetMs) break;
      if (!driver) {
        driver = await ServerDriver.start(options);
        summary.servers++;
        growth = undefined;
        floor = { documents: 0, recent: [] };
      }
      const c = generateCase(options.seed, index);
      const caseStarted = performance.now();
      let result;
      try {
        result = await runCase(driver, c, options);
      } catch (error) {
        // A bug of the harness, not of the server: counted and logged, and the campaign goes on with a fresh server.
        summary.harnessErrors++;
        log(`case ${index}: the harness failed: ${error instanceof Error ? error.stack : String(error)}`);
        await retire(driver, true);
        driver = undefined;
        continue;
      }
      summary.documents++;
      summary.requests += result.stats.requests;
      summary.fixesChecked += result.stats.fixesChecked;
      summary.fixesApplied += result.stats.fixesApplied;
      for (const [method, n] of result.stats.byMethod) summary.byMethod[method] = (summary.byMethod[method] ?? 0) + n;
      for (const [method, ms] of result.stats.slowest) summary.slowest[method] = Math.max(summary.slowest[method] ?? 0, Math.round(ms));
      for (const f of result.failures) {
        summary.counts[f.kind]++;
        const sig = signature(f);
        const known = bySignature.get(sig);
        if (known) {
          known.count++;
          continue;
        }
        const distinct: Distinct = { signature: sig, first: { ...f, index }, count: 1 };
        bySignature.set(sig, distinct);
        summary.distinct.push(distinct);
        log(`case ${index} (${c.source}; ${c.mutations.join(', ') || 'unmutated'}): ${f.kind} in ${f.method}: ${f.detail.slice(0, 200)}`);
        if (options.outDir) {
          const shrinkStarted = performance.now();
          try {
            const saved = await keep(c, f, { ...options, outDir: options.outDir }, shrinks++ < options.maxShrinks);
            distinct.reproducer = saved.path;
            distinct.reproducedOnFreshServer = saved.reproduced;
            log(`  reproducer ${saved.path}${saved.reproduced ? '' : ' (did not fail on a fresh server)'}`);
          } catch (error) {
            summary.harnessErrors++;
            log(`  the harness failed keeping it: ${error instanceof Error ? error.stack : String(error)}`);
          }
          summary.shrinkMs += performance.now() - shrinkStarted;
        }
      }
      const memory = driver.memory();
      const caseMs = performance.now() - caseStarted;
      if (caseMs > SLOW_CASE_MS)
        log(
          `case ${index} (${c.source}; ${c.mutations.join(', ') || 'unmutated'}; ${c.document.text.length} characters) took ${Math.round(caseMs / 1000)} s`,
        );
      const hwm = Math.max(memory?.hwmMb ?? 0, driver.peak.hwmMb);
      if (hwm > (summary.peakCase?.hwmMb ?? 0))
        summary.peakCase = { index, hwmMb: hwm, source: c.source, mutations: c.mutations, length: c.document.text.length };
      if (memory) {
        // The floor of resident memory over a window of documents: a large document raises the resident
        // size for a while (the heap grows and shrinks lazily), a leak raises the floor.
        floor.documents++;
        floor.recent.push(memory.rssMb);
        if (floor.recent.length > RSS_WINDOW) floor.recent.shift();
        if (!growth && floor.documents === WARM_UP + RSS_WINDOW)
          summary.rssGrowth.push((growth = { baselineMb: Math.min(...floor.recent), finalMb: 0, documents: 0 }));
        if (growth) {
          growth.finalMb = Math.min(...floor.recent);
          growth.documents++;
        }
      }
      if (!result.serverUsable) {
        await retire(driver, true);
        driver = undefined;
      }
      if (summary.documents % 500 === 0)
        log(
          `${summary.documents} documents, ${summary.requests} requests, ${summary.fixesApplied} fixes applied, ${summary.distinct.length} distinct failures, ${Math.round(memory?.rssMb ?? 0)} MB resident, ${Math.round((performance.now() - started) / 1000)} s`,
        );
    }
  } finally {
    if (driver) await retire(driver, false);
  }
  for (const g of summary.rssGrowth) {
    if (g.finalMb - g.baselineMb > options.rssGrowthLimitMb) {
      summary.counts.memory++;
      const f: Failure = {
        kind: 'memory',
        method: 'campaign',
        detail: `resident memory grew from ${Math.round(g.baselineMb)} MB to ${Math.round(g.finalMb)} MB over ${g.documents} documents`,
        step: -1,
      };
      summary.distinct.push({ signature: signature(f), first: { ...f, index: -1 }, count: 1 });
    }
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
