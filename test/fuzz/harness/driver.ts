import { readFileSync } from 'node:fs';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { LspClient } from '../../helpers/lspClient';
import { VSCODE_CAPABILITIES } from './vscodeCapabilities';

/**
 * One built server (`node dist/server.js --stdio`) under the fuzzer: initialised with VS Code's
 * capabilities, every request raced against a deadline and the process's exit, and its memory watched
 * from /proc (VmRSS, VmHWM) often enough to stop it before a runaway allocation takes the machine down.
 *
 * The deadline is the server's CPU time, not the wall clock: on a shared 2-core machine a 400 ms answer
 * can take 2 s of wall time. A request still unanswered at the deadline is waited for while the server
 * has used less CPU than the deadline since it was sent (up to ten deadlines of wall time); only then is
 * it a hang. Answers that passed the deadline in wall time only are counted as `slowUnderLoad`.
 */
export type Outcome =
  | { readonly kind: 'ok'; readonly result: unknown; readonly ms: number }
  | { readonly kind: 'error'; readonly code: number; readonly message: string; readonly ms: number }
  | { readonly kind: 'hang'; readonly ms: number; readonly cpuMs: number }
  | { readonly kind: 'crash'; readonly exit: string; readonly stderr: string };

export interface DriverOptions {
  /** A request unanswered after this long is a hang. */
  readonly timeoutMs: number;
  /** The server is killed (and the request reported) when its resident memory passes this. */
  readonly rssLimitMb: number;
  /** The server bundle to start, dist/server.js by default. */
  readonly serverPath?: string;
}

export interface Memory {
  readonly rssMb: number;
  readonly hwmMb: number;
}

const SAMPLE_MS = 50;
/** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat (100 on every mainstream kernel). */
const CLOCK_TICKS = 100;
/** After the deadline, how often the server's CPU time is read while it may just be starved by load. */
const LOAD_POLL_MS = 100;
/** A request is a hang after this many deadlines of wall time, however little CPU the server got. */
const HARD_WALL_FACTOR = 10;
/** vscode-jsonrpc's codes for requests it gave up on itself: PendingResponseRejected, ConnectionInactive. */
const CONNECTION_GONE = new Set([-32097, -32096]);
/** The connection's own codes for a write or read that failed: the process may be on its way out. */
const TRANSPORT_FAILED = new Set([-32099, -32098]);
/** How long a transport error waits for the process's exit before it counts as the server's answer. */
const TRANSPORT_GRACE_MS = 2_000;

export class ServerDriver {
  private readonly client: LspClient;
  private exited: string | undefined;
  /** We killed it (hang, memory): pending requests fail as a crash, not as an error response. */
  private killed = false;
  private readonly exitPromise: Promise<string>;
  private readonly sampler: ReturnType<typeof setInterval>;
  /** The memory limit was passed and the server killed for it. */
  overLimit: Memory | undefined;
  /** Highest VmHWM seen, over the server's life. */
  peak: Memory = { rssMb: 0, hwmMb: 0 };
  capabilities: Record<string, unknown> = {};
  /** Answers that came after the deadline in wall time, with less CPU than the deadline: the machine was busy. */
  slowUnderLoad = 0;

  private constructor(
    /** The limits in force; a test may tighten them on a running server. */
    public limits: DriverOptions,
  ) {
    this.client = new LspClient({
      pull: true,
      capabilities: VSCODE_CAPABILITIES as unknown as Record<string, unknown>,
      settings: {},
      ...(limits.serverPath ? { server: limits.serverPath } : {}),
    });
    const proc = this.client.process;
    proc.stdin!.on('error', () => undefined);
    this.exitPromise = new Promise((resolve) =>
      proc.on('exit', (code, signal) => {
        this.exited = signal ? `signal ${signal}` : `exit code ${code}`;
        resolve(this.exited);
      }),
    );
    // Server-to-client requests the helper does not answer (progress tokens, showDocument): answered as VS Code does, with null.
    this.client.connection.onRequest(() => null);
    this.sampler = setInterval(() => this.sample(), SAMPLE_MS);
    this.sampler.unref();
  }

  static async start(options: DriverOptions): Promise<ServerDriver> {
    const driver = new ServerDriver(options);
    const init = await driver.request('initialize-handshake', undefined, async () => (await driver.client.initialize()).capabilities);
    if (init.kind !== 'ok') {
      driver.kill();
      throw new Error(`the server did not initialise: ${JSON.stringify(init)}`);
    }
    driver.capabilities = init.result as Record<string, unknown>;
    return driver;
  }

  get pid(): number | undefined {
    return this.client.process.pid;
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  get stderr(): string {
    return this.client.stderr;
  }

  /** Sends a request; with `cancel`, sends $/cancelRequest right after it. */
  request(method: string, params: unknown, send?: () => Promise<unknown>, cancel = false): Promise<Outcome> {
    const started = performance.now();
    if (!this.alive) return Promise.resolve(this.crashed());
    const source = new CancellationTokenSource();
    // A connection that saw the process go throws at once rather than rejecting.
    const pending = (async () => (send ? send() : this.client.connection.sendRequest(method, params, source.token)))();
    if (cancel) source.cancel();
    const cpuAtStart = this.cpuMs();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const answer = pending.then(
      (result): Outcome => ({ kind: 'ok', result, ms: performance.now() - started }),
      // A response the connection rejected because the process went (or we killed it) is a crash, not an answer.
      // A transport failure that is not a JSON-RPC answer (EPIPE on a pipe whose process is going) is
      // judged once the process has had a moment to exit: a server killed just before the write is a crash.
      async (error: unknown): Promise<Outcome> => {
        if (!(error instanceof ResponseError && !TRANSPORT_FAILED.has(error.code)) && this.alive && !this.killed)
          await Promise.race([this.exitPromise, new Promise((resolve) => setTimeout(resolve, TRANSPORT_GRACE_MS))]);
        return !this.alive || this.killed || (error instanceof ResponseError && CONNECTION_GONE.has(error.code))
          ? this.crashed()
          : {
              kind: 'error',
              code: error instanceof ResponseError ? error.code : 0,
              message: error instanceof Error ? error.message : String(error),
              ms: performance.now() - started,
            };
      },
    );
    const deadline = new Promise<Outcome>((resolve) => {
      const check = () => {
        if (settled) return;
        const wall = performance.now() - started;
        const cpu = this.cpuMs() - cpuAtStart;
        if (cpu >= this.limits.timeoutMs || wall >= HARD_WALL_FACTOR * this.limits.timeoutMs || !this.alive)
          resolve({ kind: 'hang', ms: wall, cpuMs: cpu });
        else timer = setTimeout(check, LOAD_POLL_MS);
      };
      timer = setTimeout(check, this.limits.timeoutMs);
    });
    const exit = this.exitPromise.then(() => this.crashed());
    return Promise.race([answer, deadline, exit])
      .then((outcome) => {
        settled = true;
        if (outcome.kind !== 'hang' && outcome.kind !== 'crash' && outcome.ms > this.limits.timeoutMs) this.slowUnderLoad++;
        return outcome;
      })
      .finally(() => clearTimeout(timer));
  }

  /** CPU time (user + system) the server process has used, from /proc/<pid>/stat. */
  cpuMs(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // Fields after the parenthesised command name: state is the 3rd field, utime the 14th, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    } catch {
      return 0;
    }
  }

  notify(method: string, params: unknown): void {
    if (!this.alive) return;
    try {
      void this.client.connection.sendNotification(method, params).catch(() => undefined);
    } catch {
      // The process is gone; the next request reports it.
    }
  }

  memory(): Memory | undefined {
    const pid = this.pid;
    if (pid === undefined || !this.alive) return undefined;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  private sample(): void {
    const m = this.memory();
    if (!m) return;
    if (m.hwmMb > this.peak.hwmMb || m.rssMb > this.peak.rssMb)
      this.peak = { rssMb: Math.max(m.rssMb, this.peak.rssMb), hwmMb: Math.max(m.hwmMb, this.peak.hwmMb) };
    if (m.rssMb > this.limits.rssLimitMb && !this.overLimit) {
      this.overLimit = m;
      this.kill();
    }
  }

  private crashed(): Outcome {
    return {
      kind: 'crash',
      exit: this.overLimit
        ? `killed at ${Math.round(this.overLimit.rssMb)} MB resident (limit ${this.limits.rssLimitMb} MB)`
        : (this.exited ?? 'connection lost'),
      stderr: this.client.stderr.slice(-2_000),
    };
  }

  /** shutdown + exit, as VS Code stops a server; kills it if it does not go within a second. */
  async shutdown(): Promise<void> {
    clearInterval(this.sampler);
    if (this.alive) {
      const done = this.request('shutdown', undefined, async () => this.client.shutdown());
      const outcome = await Promise.race([
        done,
        new Promise<Outcome>((resolve) => setTimeout(() => resolve({ kind: 'hang', ms: 1_000, cpuMs: 0 }), 1_000)),
      ]);
      if (outcome.kind !== 'ok') this.kill();
    }
  }

  kill(): void {
    this.killed = true;
    clearInterval(this.sampler);
    if (this.alive) this.client.process.kill('SIGKILL');
    this.client.connection.dispose();
  }
}
