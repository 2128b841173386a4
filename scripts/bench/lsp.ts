// Language-server benchmark, through the protocol: the built dist/server.js spawned over stdio, as an editor
// runs it. Measures time from spawn to first diagnostics (60 KB template), completion / hover / CodeLens
// latency on the 6 MB one, and fresh diagnostics after a one-character edit. Anchor, in the same run:
// vscode-json-languageservice doComplete/doHover with the real ARM deployment-template schema (restricted to
// scale sets, $refs inlined: ../shared/arm-schemas/derived) on the same texts. Needs `npm run build` first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { getLanguageService, type JSONDocument } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateTemplate } from './generateTemplate';
import { formatBytes, formatMs, summarize, type Sample } from './measure';
import type { BenchSection } from './benchSection';

const ROOT = join(import.meta.dirname, '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const TRIMMED_SCHEMA = join(ROOT, '..', 'shared', 'arm-schemas', 'derived', 'vmss-trimmed.2024-07-01.json');
const URI = 'file:///bench/azuredeploy.json';
type Pos = { line: number; character: number };
type Published = { uri: string; version?: number };

/** A bare LSP client: spawn, initialize (pull or push diagnostics), and a hook on published diagnostics. */
async function startServer(
  pull: boolean,
): Promise<{ rpc: MessageConnection; pid: number | undefined; onPublish: (f: (p: Published) => void) => void; stop: () => Promise<void> }> {
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
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 1/100 s (USER_HZ)
  } catch {
    return undefined;
  }
}

async function timeToFirstDiagnostics(text: string): Promise<{ wall: number; cpu: number | undefined }> {
  const t0 = performance.now();
  const server = await startServer(false);
  const published = new Promise<void>((resolve) => server.onPublish((p) => p.uri === URI && resolve()));
  await server.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text } });
  await published;
  const wall = performance.now() - t0;
  const cpu = cpuMs(server.pid);
  await server.stop();
  return { wall, cpu };
}

async function bareNodeSpawn(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return performance.now() - t0;
}

function positionAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

/** Offsets of every occurrence of `needle` (plus `delta`), thinned to `count` spread over the file. */
function spots(text: string, needle: string, delta: number, count: number): number[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) all.push(i + delta);
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

async function latency(send: (i: number) => PromiseLike<unknown>, runs: number): Promise<Sample> {
  for (let i = 0; i < 5; i++) await send(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await send(i);
    times.push(performance.now() - t0);
  }
  return summarize(times);
}

async function bigTemplate(text: string): Promise<{ rows: string[][]; p95: { completion: number; hover: number; typing: number } }> {
  const server = await startServer(true);
  const { rpc } = server;
  const t0 = performance.now();
  await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text } });
  await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
  const open = performance.now() - t0;
  const keys = spots(text, '"rollingUpgradePolicy": {', 25, 100).map((o) => positionAt(text, o));
  const values = spots(text, '"pauseTimeBetweenBatches": "PT', 30, 100).map((o) => positionAt(text, o));
  const names = spots(text, '"maxBatchInstancePercent"', 5, 100).map((o) => positionAt(text, o));
  const completion = await latency(
    (i) => rpc.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: keys[i % keys.length] }),
    200,
  );
  const valueCompletion = await latency(
    (i) => rpc.sendRequest('textDocument/completion', { textDocument: { uri: URI }, position: values[i % values.length] }),
    200,
  );
  const hover = await latency(
    (i) => rpc.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: names[i % names.length] }),
    200,
  );
  const lenses = await latency(() => rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } }), 20);
  const all = (await rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: URI } })) as unknown[];
  const resolve = await latency((i) => rpc.sendRequest('codeLens/resolve', all[(i * 37) % all.length]), 30);
  // One-character edits (a digit of a percentage), each followed by a pull of fresh diagnostics.
  const digit = text.indexOf('"maxUnhealthyInstancePercent": 40') + '"maxUnhealthyInstancePercent": '.length;
  const at = positionAt(text, digit);
  let version = 1;
  const edit = await latency(async (i) => {
    version++;
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: i % 2 ? '4' : '3' }],
    });
    await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
  }, 10);
  // Typing: each keystroke is followed by a pull (as VS Code does) and a completion at the cursor; the
  // completion must not wait for the analysis of the whole file.
  const typingAt = positionAt(text, text.indexOf('"rollingUpgradePolicy": {', text.length / 2) + 25);
  const pulls: PromiseLike<unknown>[] = [];
  const typing = await latency(async (i) => {
    version++;
    const at = { line: typingAt.line, character: typingAt.character + i };
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ range: { start: at, end: at }, text: ' ' }],
    });
    pulls.push(rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }));
    await rpc.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: at.line, character: at.character + 1 },
    });
  }, 50);
  await Promise.all(pulls);
  await server.stop();
  const row = (name: string, s: Sample) => [name, formatMs(s.medianMs), formatMs(s.p95Ms), String(s.runs)];
  return {
    rows: [
      ['open → first pulled diagnostics', formatMs(open), '—', '1'],
      row('completion (policy keys)', completion),
      row('completion (duration values)', valueCompletion),
      row('hover (property name)', hover),
      row(`CodeLens (${all.length} unresolved lenses)`, lenses),
      row('CodeLens resolve (one scale set, simulation + 1000-trial halt estimate)', resolve),
      row('one-character edit → fresh pulled diagnostics', edit),
      row('typing: one-character edit → completion (pull pending)', typing),
    ],
    p95: { completion: Math.max(completion.p95Ms, valueCompletion.p95Ms), hover: hover.p95Ms, typing: typing.p95Ms },
  };
}

/** The anchor: vscode-json-languageservice with the real ARM schema, on a parsed document (cached, as its server does). */
async function anchor(text: string): Promise<{ complete: string; hover: string; parse: string }> {
  if (!existsSync(TRIMMED_SCHEMA)) return { complete: 'schema not found', hover: '—', parse: '—' };
  const schema = readFileSync(TRIMMED_SCHEMA, 'utf8');
  const ls = getLanguageService({ schemaRequestService: () => Promise.resolve(schema) });
  const document = TextDocument.create(URI, 'json', 1, text);
  const t0 = performance.now();
  const json: JSONDocument = ls.parseJSONDocument(document);
  const parse = formatMs(performance.now() - t0);
  const keys = spots(text, '"rollingUpgradePolicy": {', 25, 20).map((o) => positionAt(text, o));
  const names = spots(text, '"maxBatchInstancePercent"', 5, 20).map((o) => positionAt(text, o));
  const run = async (f: (i: number) => PromiseLike<unknown>): Promise<string> => {
    try {
      const s = await latency(f, 20);
      return `${formatMs(s.medianMs)} / ${formatMs(s.p95Ms)}`;
    } catch (error) {
      return `fails: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`.slice(0, 90);
    }
  };
  return {
    parse,
    complete: await run((i) => ls.doComplete(document, keys[i % keys.length]!, json)),
    hover: await run((i) => ls.doHover(document, names[i % names.length]!, json)),
  };
}

export default async function lspBench(): Promise<BenchSection[]> {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run `npm run build` first');
  const small = generateTemplate(10);
  const big = generateTemplate(1000);
  const starts: number[] = [];
  const cpus: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < 7; i++) {
    const { wall, cpu } = await timeToFirstDiagnostics(small);
    starts.push(wall);
    if (cpu !== undefined) cpus.push(cpu);
    bare.push(await bareNodeSpawn());
  }
  const first = summarize(starts);
  const firstCpu = summarize(cpus);
  const floor = summarize(bare);
  const measured = await bigTemplate(big);
  const anchors = [await anchor(small), await anchor(big)];
  return [
    {
      title: `Language server over stdio: spawn → first diagnostics (${formatBytes(small.length)} template, push)`,
      header: ['', 'median ms', 'p95 ms', 'runs'],
      rows: [
        ['spawn → initialize → didOpen → publishDiagnostics', formatMs(first.medianMs), formatMs(first.p95Ms), String(first.runs)],
        ['floor: spawn and exit of a bare `node -e 0`, same run', formatMs(floor.medianMs), formatMs(floor.p95Ms), String(floor.runs)],
        [
          'server CPU time (user + system) until the diagnostics went out (Linux /proc)',
          formatMs(firstCpu.medianMs),
          formatMs(firstCpu.p95Ms),
          String(firstCpu.runs),
        ],
      ],
      verdicts: [
        `first diagnostics p50 ${formatMs(first.medianMs)} / p95 ${formatMs(first.p95Ms)} ms from spawn (target < 300 ms) — ${first.p95Ms < 300 ? 'met' : first.medianMs < 300 ? 'met at the median, not at p95' : 'NOT met'}; server CPU p50 ${formatMs(firstCpu.medianMs)} ms`,
      ],
    },
    {
      title: `Language server over stdio on the ${formatBytes(big.length)} template (1,000 scale sets, pull)`,
      header: ['request', 'p50 ms', 'p95 ms', 'runs'],
      rows: measured.rows,
      verdicts: [
        `completion p95 ${formatMs(measured.p95.completion)} ms (target < 10 ms) — ${measured.p95.completion < 10 ? 'met' : 'NOT met'}`,
        `hover p95 ${formatMs(measured.p95.hover)} ms (target < 10 ms) — ${measured.p95.hover < 10 ? 'met' : 'NOT met'}`,
        `completion while typing p95 ${formatMs(measured.p95.typing)} ms (no target; before carried spans it waited for a full analysis, 1.3–2.5 s)`,
      ],
    },
    {
      title: 'Anchor: vscode-json-languageservice with the real ARM template schema (VMSS-trimmed, in process, parsed document cached)',
      header: ['template', 'parseJSONDocument ms', 'doComplete p50 / p95 ms', 'doHover p50 / p95 ms'],
      rows: [
        [formatBytes(small.length), anchors[0]!.parse, anchors[0]!.complete, anchors[0]!.hover],
        [formatBytes(big.length), anchors[1]!.parse, anchors[1]!.complete, anchors[1]!.hover],
      ],
    },
  ];
}
