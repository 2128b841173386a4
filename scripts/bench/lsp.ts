// Language-server benchmark, through the protocol: the built dist/server.js spawned over stdio, as an editor
// runs it. Measures time from spawn to first diagnostics (60 KB template), completion / hover / CodeLens
// latency on the 6 MB one, fresh diagnostics after a one-character edit, and (lsp/bigFile.ts) the targets of
// issue 12 on it: requests while a re-analysis is pending, and the server's memory over 1,000 edits. Anchor:
// vscode-json-languageservice doComplete/doHover with the real ARM deployment-template schema (restricted to
// scale sets, $refs inlined: ../shared/arm-schemas/derived) on the same texts. Needs `npm run build` first.
import { availableParallelism } from 'node:os';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getLanguageService, type JSONDocument } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findArmSchemas } from './anchor/armSchema';
import { generateTemplate } from './generateTemplate';
import { bigFileTargets, coldOpens, DigitEdits } from './lsp/bigFile';
import { cpuMs, latency, memoryMb, positionAt, ROOT, SERVER, spots, startServer, URI } from './lsp/client';
import { formatBytes, formatMs, loadAverage, summarize, type Sample } from './measure';
import type { BenchSection } from './benchSection';

const TRIMMED_SCHEMA = join(findArmSchemas(ROOT), 'derived', 'vmss-trimmed.2024-07-01.json');

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

async function bigTemplate(
  text: string,
): Promise<{ rows: string[][]; p95: { completion: number; hover: number; typing: number }; targets: string[] }> {
  const server = await startServer(true);
  const { rpc } = server;
  const rssIdle = memoryMb(server.pid)?.rss;
  const t0 = performance.now();
  await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text } });
  await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
  const open = performance.now() - t0;
  const rssOpen = memoryMb(server.pid)?.rss;
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
  const edits = new DigitEdits(text, server);
  const edit = await latency(async () => {
    await edits.send();
    await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
  }, 10);
  // Typing: each keystroke is followed by a pull (as VS Code does) and a completion at the cursor; the
  // completion must not wait for the analysis of the whole file.
  const typingAt = positionAt(text, text.indexOf('"rollingUpgradePolicy": {', text.length / 2) + 25);
  const pulls: PromiseLike<unknown>[] = [];
  const typing = await latency(async (i) => {
    const at = { line: typingAt.line, character: typingAt.character + i };
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: ++edits.version },
      contentChanges: [{ range: { start: at, end: at }, text: ' ' }],
    });
    pulls.push(rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } }));
    await rpc.sendRequest('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: at.line, character: at.character + 1 },
    });
  }, 50);
  await Promise.all(pulls);
  const targets = await bigFileTargets(server, text, edits, {
    openMs: [open, ...(await coldOpens(text, 2))],
    editMs: edit,
    rssIdle,
    rssOpen,
  });
  await server.stop();
  const row = (name: string, s: Sample) => [name, formatMs(s.medianMs), formatMs(s.p95Ms), String(s.runs)];
  return {
    rows: [
      ['open → first pulled diagnostics (first open in the server)', formatMs(open), '—', '1'],
      row('completion (policy keys)', completion),
      row('completion (duration values)', valueCompletion),
      row('hover (property name)', hover),
      row(`CodeLens (${all.length} unresolved lenses)`, lenses),
      row('CodeLens resolve (one scale set, simulation + 1000-trial halt estimate)', resolve),
      row('one-character edit → fresh pulled diagnostics', edit),
      row('typing: one-character edit → completion (pull pending)', typing),
      ...targets.rows,
    ],
    p95: { completion: Math.max(completion.p95Ms, valueCompletion.p95Ms), hover: hover.p95Ms, typing: typing.p95Ms },
    targets: targets.verdicts,
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
  const loadAtStart = loadAverage();
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
  const loadAtEnd = loadAverage();
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
        ...measured.targets,
        `load average (1 / 5 / 15 min) at the start of the server runs ${loadAtStart}; at the end ${loadAtEnd} (${availableParallelism()} CPUs)`,
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
