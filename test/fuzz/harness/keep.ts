import { ServerDriver, type DriverOptions } from './driver';
import { runCase, type RunOptions } from './execute';
import { signature, type Failure } from './failures';
import type { FuzzCase } from './generate';
import { saveReproducer, type Reproducer } from './reproducer';
import { shrinkCase } from './shrink';

/**
 * What happens to a failure the campaign found: replayed alone on a fresh server (does it need the
 * campaign's history?), shrunk against live servers within its budget, and saved as a reproducer.
 */
export interface KeepOptions extends DriverOptions, RunOptions {
  readonly shrinkMs: number;
  readonly outDir: string;
}

/** Does `c` fail with this signature, replayed on `driver`? (Rewritten to fresh URIs, so earlier attempts do not interfere.) */
async function failsWith(
  driver: ServerDriver,
  c: FuzzCase,
  sig: string,
  options: RunOptions,
  attempt: number,
): Promise<{ fails: boolean; usable: boolean }> {
  const folder = `file:///tmp/vmss-fuzz/replay-${attempt}`;
  const rename = (uri: string) => `${folder}/${uri.slice(uri.lastIndexOf('/') + 1)}`;
  const moved: FuzzCase = {
    ...c,
    document: { ...c.document, uri: rename(c.document.uri) },
    ...(c.companion ? { companion: { ...c.companion, uri: rename(c.companion.uri) } } : {}),
  };
  const result = await runCase(driver, moved, options);
  return { fails: result.failures.some((f) => signature(f) === sig), usable: result.serverUsable };
}

let attempts = 0;

/** Replays a failing case on a fresh server, shrinks it (when allowed), saves the reproducer. */
export async function keep(
  c: FuzzCase,
  failure: Failure,
  options: KeepOptions,
  shrink: boolean,
): Promise<{ path: string; reproduced: boolean }> {
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
      ...(shrunk
        ? {
            shrunk: {
              fromLength: c.document.text.length,
              fromSteps: c.steps.length,
              attempts: shrunk.attempts,
              ms: Math.round(performance.now() - started),
              timedOut: shrunk.timedOut,
            },
          }
        : {}),
      case: shrunk?.case ?? c,
    };
    return { path: saveReproducer(options.outDir, reproducer), reproduced };
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
