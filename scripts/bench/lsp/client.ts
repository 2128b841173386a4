// A bare LSP client for the language-server benchmarks (lsp.ts, lsp/bigFile.ts): spawns the built server over
// stdio as an editor does, plus what the measurements need: latency samples, positions in a text, and the
// server process's CPU time and resident memory from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { summarize, type Sample } from '../measure';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const URI = 'file:///bench/azuredeploy.json';
export type Pos = { line: number; character: number };
type Published = { uri: string; version?: number };

export interface BenchServer {
  readonly rpc: MessageConnection;
  readonly pid: number | undefined;
  onPublish(f: (p: Published) => void): void;
  stop(): Promise<void>;
}

/** Spawn, initialize (pull or push diagnostics), and a hook on published diagnostics. */
export async function startServer(pull: boolean): Promise<BenchServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let listener: (p: Published) => void = () => undefined;
  rpc.onNotification('textDocument/publishDiagnostics', (p: Published) => listener(p));
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onNotification('window/logMessage', () => undefined);
  rpc.listen();
  await rpc.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: pull ? { diagnostic: {} } : {} },
  });
  await rpc.sendNotification('initialized', {});
  return {
    rpc,
    pid: child.pid,
    onPublish: (f) => (listener = f),
    stop: async () => {
      await rpc.sendRequest('shutdown');
      await rpc.sendNotification('exit');
      await new Promise((resolve) => child.once('exit', resolve));
      rpc.dispose();
    },
  };
}

/**
 * CPU time (user + system) a process has used so far, from /proc on Linux; undefined elsewhere. Unlike
 * wall time it does not grow when other processes compete for the CPU.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s (USER_HZ)
  } catch {
    return undefined;
  }
}

/** A process's resident set now (VmRSS) and at its peak (VmHWM), in MB, from /proc on Linux; undefined elsewhere. */
export function memoryMb(pid: number | undefined): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

/** Offsets of every occurrence of `needle` (plus `delta`), thinned to `count` spread over the file. */
export function spots(text: string, needle: string, delta: number, count: number): number[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) all.push(i + delta);
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

/** Latency of `send` over `runs` calls, after `warmup` untimed ones. */
export async function latency(send: (i: number) => PromiseLike<unknown>, runs: number, warmup = 5): Promise<Sample> {
  for (let i = 0; i < warmup; i++) await send(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await send(warmup + i);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}
