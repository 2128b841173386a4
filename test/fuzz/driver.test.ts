import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/lspClient';
import { ServerDriver } from './harness/driver';
import { runCase } from './harness/execute';
import type { FuzzCase } from './harness/generate';

// The client side of the fuzzer against the built server: what it reports when the server hangs,
// dies or outgrows its memory limit, and a clean run of a real template with its quick fixes applied.

const WEB = readFileSync(join(ROOT, 'test/fixtures/lsp/web.json'), 'utf8');

function caseOf(text: string, steps: FuzzCase['steps']): FuzzCase {
  return {
    seed: 0,
    index: 0,
    source: 'test',
    mutations: [],
    document: { uri: 'file:///tmp/vmss-fuzz-test/web.json', languageId: 'json', text },
    steps,
  };
}

test("initialize with VS Code's capabilities: the server offers pull diagnostics and every feature the fuzzer asks for", async () => {
  const driver = await ServerDriver.start({ timeoutMs: 5_000, rssLimitMb: 2_048 });
  try {
    for (const key of [
      'diagnosticProvider',
      'completionProvider',
      'hoverProvider',
      'codeActionProvider',
      'codeLensProvider',
      'inlayHintProvider',
      'documentSymbolProvider',
    ])
      assert.ok(driver.capabilities[key], key);
    assert.ok(driver.memory()!.rssMb > 10, 'resident memory is read from /proc');
  } finally {
    await driver.shutdown();
  }
});

test('a request unanswered within the deadline is a hang, and ends the case', async () => {
  const driver = await ServerDriver.start({ timeoutMs: 5_000, rssLimitMb: 2_048 });
  try {
    // A server that cannot answer: stopped (SIGSTOP), so that no request can beat the deadline however fast
    // the server has become (this test used a 1 MB template and a 1 ms deadline until the server answered
    // its diagnostics in time). Stopped, it uses no CPU: the hang is the wall-time limit's (10× the deadline).
    process.kill(driver.pid!, 'SIGSTOP');
    const result = await ((driver.limits = { timeoutMs: 20, rssLimitMb: 2_048 }),
    runCase(driver, caseOf(WEB, [{ op: 'diagnostics' }, { op: 'codeLens' }]), { fixesPerCase: 0 }));
    assert.equal(result.serverUsable, false);
    assert.deepEqual(
      result.failures.map((f) => [f.kind, f.method, f.step]),
      [['hang', 'textDocument/diagnostic', 0]],
    );
  } finally {
    driver.kill();
  }
});

test('a server that dies is a crash; one past the memory limit is killed and reported as out of memory', async () => {
  const driver = await ServerDriver.start({ timeoutMs: 5_000, rssLimitMb: 2_048 });
  process.kill(driver.pid!, 'SIGKILL');
  const crashed = await runCase(driver, caseOf(WEB, [{ op: 'symbols' }]), { fixesPerCase: 0 });
  assert.deepEqual(
    crashed.failures.map((f) => [f.kind, f.method]),
    [['crash', 'textDocument/documentSymbol']],
  );
  assert.match(crashed.failures[0]!.detail, /signal SIGKILL/);

  const small = await ServerDriver.start({ timeoutMs: 5_000, rssLimitMb: 2_048 });
  small.limits = { timeoutMs: 5_000, rssLimitMb: 1 };
  const killed = await runCase(
    small,
    caseOf(
      WEB,
      Array.from({ length: 200 }, () => ({ op: 'codeLens' as const })),
    ),
    { fixesPerCase: 0 },
  );
  assert.equal(killed.serverUsable, false);
  assert.equal(killed.failures[0]?.kind, 'memory', JSON.stringify(killed.failures));
  assert.match(killed.failures[0]!.detail, /killed at \d+ MB resident \(limit 1 MB\)/);
});

test('a real template: every request answered and checked, quick fixes applied through the server, re-diagnosed and undone', async () => {
  const driver = await ServerDriver.start({ timeoutMs: 5_000, rssLimitMb: 2_048 });
  try {
    const steps: FuzzCase['steps'] = [
      { op: 'symbols' },
      { op: 'codeLens' },
      { op: 'inlayHint', at: 0, length: 5_000 },
      { op: 'diagnostics' },
      ...Array.from({ length: 6 }, (_, i) => ({ op: 'codeAction' as const, diagnostic: i })),
      { op: 'hover', at: WEB.indexOf('maxUnhealthyInstancePercent') + 3 },
      { op: 'completion', at: WEB.indexOf('"maxBatchInstancePercent"') },
      { op: 'scaleSets' },
      { op: 'edit', at: WEB.indexOf('"Rolling"'), deleteLength: 9, text: '"Rollin"' },
      { op: 'codeAction', diagnostic: 0 },
    ];
    const result = await runCase(driver, caseOf(WEB, steps), { fixesPerCase: 20 });
    assert.deepEqual(result.failures, []);
    assert.equal(result.serverUsable, true);
    assert.ok(result.stats.fixesApplied >= 3, `${result.stats.fixesApplied} fixes applied`);
    assert.ok(result.stats.fixesChecked >= result.stats.fixesApplied);
    assert.ok(result.stats.requests > steps.length + 2 * result.stats.fixesApplied, `${result.stats.requests} requests`);
  } finally {
    await driver.shutdown();
  }
});
