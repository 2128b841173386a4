import { ServerDriver, type DriverOptions } from './driver';
import { signature, type Failure, type FailureKind } from './failures';
import { generateCase, type FuzzCase } from './generate';
import { runCase, type RunOptions } from './execute';
import { saveReproducer, type Reproducer } from './reproducer';
import { shrinkCase } from './shrink';

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
  /** Resident memory of each server after its first 25 documents and at its end. */
  readonly rssGrowth: { baselineMb: number; finalMb: number; documents: number }[];
  elapsedMs: number;
  shrinkMs: number;
  readonly slowest: Record<string, number>;
}

const WARM_UP = 25;

export function emptyCounts(): Record<FailureKind, number> {
  return { crash: 0, memory: 0, hang: 0, error: 0, 'invalid-range': 0, 'corrupting-fix': 0, 'fix-keeps-finding': 0, 'unstable-diagnostics': 0, markup: 0 };
}

export async function runCampaign(options: CampaignOptions): Promise<Summary> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const summary: Summary = {
    seed: options.seed, documents: 0, requests: 0, fixesChecked: 0, fixesApplied: 0, counts: emptyCounts(), distinct: [], servers: 0, harnessErrors: 0, slowUnderLoad: 0,
    peakRssMb: 0, peakHwmMb: 0, rssGrowth: [], elapsedMs: 0, shrinkMs: 0, slowest: {},
  };
  const bySignature = new Map<string, Distinct>();
  let driver: ServerDriver | undefined;
  let growth: Summary['rssGrowth'][number] | undefined;
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
      }
      const c = generateCase(options.seed, index);
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
            const saved = await keep(c, f, options, shrinks++ < options.maxShrinks);
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
      if (memory) {
        const count = summary.documents;
        if (!growth && count >= WARM_UP) summary.rssGrowth.push((growth = { baselineMb: memory.rssMb, finalMb: memory.rssMb, documents: 0 }));
        if (growth) {
          growth.finalMb = memory.rssMb;
          growth.documents++;
        }
      }
      if (!result.serverUsable) {
        await retire(driver, true);
        driver = undefined;
      }
      if (summary.documents % 500 === 0) log(`${summary.documents} documents, ${summary.requests} requests, ${summary.fixesApplied} fixes applied, ${summary.distinct.length} distinct failures, ${Math.round(memory?.rssMb ?? 0)} MB resident, ${Math.round((performance.now() - started) / 1000)} s`);
    }
  } finally {
    if (driver) await retire(driver, false);
  }
  for (const g of summary.rssGrowth) {
    if (g.finalMb - g.baselineMb > options.rssGrowthLimitMb) {
      summary.counts.memory++;
      const f: Failure = { kind: 'memory', method: 'campaign', detail: `resident memory grew from ${Math.round(g.baselineMb)} MB to ${Math.round(g.finalMb)} MB over ${g.documents} documents`, step: -1 };
      summary.distinct.push({ signature: signature(f), first: { ...f, index: -1 }, count: 1 });
    }
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** Does `c` fail with this signature, replayed on `driver`? (Rewritten to fresh URIs, so earlier attempts do not interfere.) */
async function failsWith(driver: ServerDriver, c: FuzzCase, sig: string, options: RunOptions, attempt: number): Promise<{ fails: boolean; usable: boolean }> {
  const folder = `file:///tmp/vmss-fuzz/replay-${attempt}`;
  const rename = (uri: string) => `${folder}/${uri.slice(uri.lastIndexOf('/') + 1)}`;
  const moved: FuzzCase = { ...c, document: { ...c.document, uri: rename(c.document.uri) }, ...(c.companion ? { companion: { ...c.companion, uri: rename(c.companion.uri) } } : {}) };
  const result = await runCase(driver, moved, options);
  return { fails: result.failures.some((f) => signature(f) === sig), usable: result.serverUsable };
}

let attempts = 0;

/** Replays a failing case on a fresh server, shrinks it (when allowed), saves the reproducer. */
async function keep(c: FuzzCase, failure: Failure, options: CampaignOptions, shrink: boolean): Promise<{ path: string; reproduced: boolean }> {
  const sig = signature(failure);
  let driver: ServerDriver | undefined;
  const stillFails = async (candidate: FuzzCase) => {
    driver ??= await ServerDriver.start(options);
    const { fails, usable } = await failsWith(driver, candidate, sig, options, attempts++);
    if (!usable) {
      driver.kill();
      driver = undefined;
    }
    return fails;
  };
  const started = performance.now();
  try {
    const reproduced = await stillFails(c);
    const shrunk = reproduced && shrink && options.shrinkMs > 0 ? await shrinkCase(c, stillFails, options.shrinkMs) : undefined;
    const reproducer: Reproducer = {
      signature: sig,
      failure,
      found: { seed: c.seed, index: c.index, source: c.source, mutations: c.mutations },
      reproducedOnFreshServer: reproduced,
      ...(shrunk ? { shrunk: { fromLength: c.document.text.length, fromSteps: c.steps.length, attempts: shrunk.attempts, ms: Math.round(performance.now() - started), timedOut: shrunk.timedOut } } : {}),
      case: shrunk?.case ?? c,
    };
    return { path: saveReproducer(options.outDir!, reproducer), reproduced };
  } finally {
    (driver as ServerDriver | undefined)?.kill();
  }
}

/** Replays a saved case on a fresh server: its failures now (none once the bug is fixed). */
export async function replay(c: FuzzCase, options: DriverOptions & RunOptions): Promise<Failure[]> {
  const driver = await ServerDriver.start(options);
  try {
    return (await runCase(driver, c, options)).failures;
  } finally {
    driver.kill();
  }
}
