// Peak memory of a child process, measured from outside: /proc/<pid>/status on Linux (VmHWM, the
// resident-set high-water mark, counts what Node's heap limit does not: typed arrays, buffers, native
// allocations). A watchdog kills the child past a limit, so a regression fails its test instead of
// swapping the machine (the capacity reproducers took 10–17 GB before they were bounded).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI } from './runCli';

const PROBE = join(import.meta.dirname, 'rssProbe.cjs');

export interface MemoryWatch {
  /** Peak resident set in MB so far, or undefined where /proc is not available. */
  peakMb(): number | undefined;
  /** Set when the watchdog killed the process. */
  readonly killedAt: () => number | undefined;
  stop(): void;
}

function statusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the child's memory every `intervalMs` and kills it (SIGKILL) once its RSS passes `killAboveMb`. */
export function watchMemory(child: ChildProcess, killAboveMb: number, intervalMs = 20): MemoryWatch {
  const pid = child.pid!;
  let peakKb: number | undefined;
  let killed: number | undefined;
  const sample = () => {
    const hwm = statusKb(pid, 'VmHWM');
    const rss = statusKb(pid, 'VmRSS');
    for (const kb of [hwm, rss]) if (kb !== undefined) peakKb = Math.max(peakKb ?? 0, kb);
    if (rss !== undefined && rss > killAboveMb * 1024 && killed === undefined) {
      killed = Math.round(rss / 1024);
      child.kill('SIGKILL');
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  child.once('exit', () => clearInterval(timer));
  return {
    peakMb: () => {
      if (child.exitCode === null && child.signalCode === null) sample();
      return peakKb === undefined ? undefined : Math.round(peakKb / 1024);
    },
    killedAt: () => killed,
    stop: () => clearInterval(timer),
  };
}

export interface BoundedRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /**
   * CPU time (user + system) in ms, from the child's getrusage at exit: the work the run did, whatever else
   * the machine is doing (wall time on a loaded 2-core machine can be three times as long). Undefined if killed.
   */
  readonly cpuMs: number | undefined;
  /** Peak RSS in MB: the child's own getrusage maxRSS at exit, or the watchdog's samples if it was killed. */
  readonly peakMb: number | undefined;
  /** Why the run was stopped, if it was: past the memory limit or the time limit. */
  readonly stopped: string | undefined;
}

/**
 * Runs the built CLI like runCli, but asynchronously and watched: killed past `killAboveMb` of RSS or
 * after `timeoutMs`, with its wall time and peak RSS.
 */
export function runCliBounded(
  args: readonly string[],
  options: { killAboveMb: number; timeoutMs: number; cwd?: string },
): Promise<BoundedRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', PROBE, CLI, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const memory = watchMemory(child, options.killAboveMb);
    let stdout = '';
    let stderr = '';
    let probeKb = '';
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => (probeKb += String(chunk)));
    let timedOut = false;
    child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      memory.stop();
      const killedAt = memory.killedAt();
      const sampled = memory.peakMb();
      const [rssKb, cpuMicros] = probeKb.split(' ');
      const reported = rssKb ? Math.round(Number(rssKb) / 1024) : undefined;
      resolve({
        code,
        stdout,
        stderr,
        ms: Math.round(performance.now() - started),
        cpuMs: cpuMicros ? Math.round(Number(cpuMicros) / 1000) : undefined,
        peakMb: reported === undefined ? sampled : Math.max(reported, sampled ?? 0),
        stopped: killedAt !== undefined ? `killed at ${killedAt} MB` : timedOut ? `killed after ${options.timeoutMs} ms` : undefined,
      });
    });
  });
}
