// Profiles the built language server on the 6 MB template: open, pull, then `--edits` one-character edits, each
// pulled after the typing pause. Writes a V8 CPU profile (--cpu-prof) and prints its summary by source file.
// Not part of `npm run bench`: `node --import tsx scripts/bench/profile/lspEdits.ts [--edits N] [--opens N] [--out DIR] [--node "FLAGS"]`
// (FLAGS: V8 options for the server process, e.g. "--max-semi-space-size=64").
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generateTemplate } from '../generateTemplate';
import { positionAt, SERVER, spots, URI } from '../lsp/client';
import { summarizeCpuProfile } from './cpuProfile';

const { values } = parseArgs({
  options: {
    edits: { type: 'string', default: '10' },
    out: { type: 'string' },
    opens: { type: 'string', default: '0' },
    node: { type: 'string', default: '' },
  },
});
async function main(): Promise<void> {
  const out = values.out ?? mkdtempSync(join(tmpdir(), 'lsp-prof-'));
  const text = generateTemplate(1000);
  const child = spawn(
    process.execPath,
    [...values.node.split(' ').filter(Boolean), '--cpu-prof', `--cpu-prof-dir=${out}`, SERVER, '--stdio'],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  rpc.onRequest('client/registerCapability', () => null);
  rpc.onNotification('window/logMessage', () => undefined);
  rpc.listen();
  await rpc.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
  });
  await rpc.sendNotification('initialized', {});
  let t0 = performance.now();
  await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'json', version: 1, text } });
  await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
  console.log(`open → diagnostics ${(performance.now() - t0).toFixed(0)} ms`);
  // Warm opens: the same text under other URIs, each closed again.
  const warm: number[] = [];
  for (let i = 0; i < Number(values.opens); i++) {
    const uri = URI.replace(/\.json$/, `-${i}.json`);
    t0 = performance.now();
    await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    warm.push(performance.now() - t0);
    await rpc.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  if (warm.length > 0) console.log(`warm opens → diagnostics: ${warm.map((t) => t.toFixed(0)).join(', ')} ms`);
  const needle = '"maxUnhealthyInstancePercent": 40';
  const at = spots(text, needle, needle.length - 2, 200).map((o) => positionAt(text, o));
  const times: number[] = [];
  for (let i = 0; i < Number(values.edits); i++) {
    const p = at[i % at.length]!;
    await rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: i + 2 },
      contentChanges: [{ range: { start: p, end: { line: p.line, character: p.character + 1 } }, text: i % 2 ? '4' : '3' }],
    });
    await new Promise((r) => setTimeout(r, 500));
    t0 = performance.now();
    await rpc.sendRequest('textDocument/diagnostic', { textDocument: { uri: URI } });
    times.push(performance.now() - t0);
  }
  console.log(`re-analysis after the pause: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  await rpc.sendRequest('shutdown');
  await rpc.sendNotification('exit');
  await new Promise((r) => child.once('exit', r));
  rpc.dispose();
  const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'))!;
  const summary = summarizeCpuProfile(join(out, file), SERVER, `${SERVER}.map`);
  console.log(`profile ${join(out, file)}: ${summary.totalMs.toFixed(0)} ms sampled`);
  for (const [g, ms] of summary.groups.slice(0, 14)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${g}`);
  for (const [f, ms] of summary.functions.slice(0, 40)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${f}`);
}

void main();
