// The CLI's V8 code cache (server/src/host/codeCache.ts), through the built executable dist/cli.js in fresh
// processes: it writes a cache once, the next run takes it (V8 accepts it: the file is not replaced), a
// broken cache is replaced and never changes what the CLI prints, and it can be switched off or refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, copyFileSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../../helpers/runCli';

const BUNDLE = join(ROOT, 'dist/cli-main.js');
const EXAMPLE = join(ROOT, 'examples/rolling-zones.json');

function run(entry: string, args: readonly string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function cacheFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.cache'));
}

const lint = ['lint', '--format', 'json', EXAMPLE];

test('the first run writes one cache, the next takes it, and both print what the bundle prints without it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const env = { VMSS_UPGRADE_CODE_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '' };
  const direct = run(BUNDLE, lint, env);
  assert.equal(cacheFiles(dir).length, 0, 'the bundle run directly keeps no cache');

  const first = run(CLI, lint, env);
  assert.deepEqual(first, direct);
  const [file] = cacheFiles(dir);
  assert.ok(file, 'a cache file after the first run');
  assert.equal(readdirSync(dir).length, 1, 'no temporary file left behind');
  const written = statSync(join(dir, file));
  assert.equal(written.mode & 0o777, 0o600);

  const second = run(CLI, lint, env);
  assert.deepEqual(second, direct);
  // Rejected by V8, the cache would be written again (a new file renamed over it: a new inode).
  assert.equal(statSync(join(dir, file)).ino, written.ino, 'the second run took the cache and did not replace it');

  // Another command keeps a cache of its own (a cache V8 accepts is never written again).
  assert.deepEqual(run(CLI, ['--version'], env), run(BUNDLE, ['--version'], env));
  assert.equal(cacheFiles(dir).length, 2, 'lint and --version each have one');
  assert.equal(statSync(join(dir, file)).ino, written.ino, "and lint's is left as it was");
  const failing = run(CLI, ['lint', join(dir, 'missing.json')], env);
  assert.equal(failing.code, 2);
  assert.match(failing.stderr, /cannot read .*missing\.json/);
});

test('a broken cache is replaced, and the run prints what it would without one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const env = { VMSS_UPGRADE_CODE_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '' };
  const expected = run(BUNDLE, lint, env);
  run(CLI, lint, env);
  const [file] = cacheFiles(dir);
  assert.ok(file);
  writeFileSync(join(dir, file), Buffer.alloc(4096, 0x5a));
  const broken = statSync(join(dir, file));

  assert.deepEqual(run(CLI, lint, env), expected);
  const replaced = statSync(join(dir, file));
  assert.notEqual(replaced.ino, broken.ino, 'the rejected cache was written again');
  assert.notEqual(replaced.size, 4096);
  run(CLI, lint, env);
  assert.equal(statSync(join(dir, file)).ino, replaced.ino, 'and the new one is taken');
});

test('a rebuilt bundle replaces its cache instead of adding one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const dist = mkdtempSync(join(tmpdir(), 'code-cache-dist-'));
  copyFileSync(CLI, join(dist, 'cli.js'));
  copyFileSync(BUNDLE, join(dist, 'cli-main.js'));
  const env = { VMSS_UPGRADE_CODE_CACHE_DIR: dir, NODE_DISABLE_COMPILE_CACHE: '' };
  const expected = run(BUNDLE, lint, env);
  assert.deepEqual(run(join(dist, 'cli.js'), lint, env), expected);
  const [file] = cacheFiles(dir);
  assert.ok(file);
  const first = statSync(join(dir, file));
  appendFileSync(join(dist, 'cli-main.js'), '\n// rebuilt\n');
  assert.deepEqual(run(join(dist, 'cli.js'), lint, env), expected);
  assert.deepEqual(cacheFiles(dir), [file], 'still one cache for this bundle and command');
  assert.notEqual(statSync(join(dir, file)).ino, first.ino, 'V8 rejected the old one and it was written again');
});

test('NODE_DISABLE_COMPILE_CACHE switches it off, and a folder others may write to is not used', () => {
  const off = mkdtempSync(join(tmpdir(), 'code-cache-'));
  const expected = run(BUNDLE, lint, {});
  assert.deepEqual(run(CLI, lint, { VMSS_UPGRADE_CODE_CACHE_DIR: off, NODE_DISABLE_COMPILE_CACHE: '1' }), expected);
  assert.deepEqual(readdirSync(off), []);

  const shared = mkdtempSync(join(tmpdir(), 'code-cache-'));
  chmodSync(shared, 0o777);
  assert.deepEqual(run(CLI, lint, { VMSS_UPGRADE_CODE_CACHE_DIR: shared, NODE_DISABLE_COMPILE_CACHE: '' }), expected);
  assert.deepEqual(readdirSync(shared), [], 'a cache is code that runs: not from a folder anyone can write');
});
