import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs a CommonJS bundle as the main module the way Node does, through a V8 code cache kept between runs.
 *
 * Why: a one-file lint of a small template spent about a fifth of its time compiling the bundle and the
 * functions it calls (docs/performance.md, "Whole process"). Node 22's `module.enableCompileCache()` does not exist on
 * Node 20, and the cache it and the `v8-compile-cache` package make is taken when a file is compiled,
 * before any function has run, so it holds only the top level. This cache is taken at the end of a run
 * (`Script.createCachedData()`), with every function compiled by then: the next run deserialises them
 * instead of compiling them again.
 *
 * The cache is written when there was none or V8 rejected it (another Node, another bundle: V8 checks
 * its own version, flags and the source). A cache V8 accepts is never written again, so each `variant`
 * (the CLI: its command) has its own: else a first `--version` would leave a cache of start-up alone for
 * every later lint. It is never trusted blindly: it lives in a folder of the user's own that no one else
 * can write (a shared temp folder is checked), and it is written to a temporary file and renamed, so a
 * concurrent run reads a whole cache or none. Any failure only means running without a cache.
 *
 * Switch it off with NODE_DISABLE_COMPILE_CACHE=1 (the variable Node 22's own cache obeys); put it
 * elsewhere with VMSS_UPGRADE_CODE_CACHE_DIR (a CI job can keep that folder between runs).
 */
export function runWithCodeCache(bundlePath: string, variant: string, env: NodeJS.ProcessEnv = process.env): void {
  const source = readFileSync(bundlePath, 'utf8').replace(/^#!.*/, '');
  const cacheFile = env.NODE_DISABLE_COMPILE_CACHE ? undefined : cachePath(bundlePath, variant, env);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundlePath, ...(cachedData ? { cachedData } : {}) });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    process.once('exit', () => writeCache(cacheFile, script));
  }
  runAsMain(script, bundlePath);
}

/** The cache file for this bundle on this Node, in a folder only this user can write; undefined when there is none. */
function cachePath(bundlePath: string, variant: string, env: NodeJS.ProcessEnv): string | undefined {
  const folder = env.VMSS_UPGRADE_CODE_CACHE_DIR || join(tmpdir(), `vmss-upgrade-code-cache-${userId()}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = lstatSync(folder);
    // Not a symbolic link, and no one else may write into it: a cache is code that will run.
    if (!stat.isDirectory() || (stat.mode & 0o022) !== 0 || (process.getuid && stat.uid !== process.getuid())) return undefined;
  } catch {
    return undefined;
  }
  // One file per bundle path, variant and V8: installs side by side keep their own caches, and a rebuilt or
  // upgraded bundle at the same path replaces its old cache (V8 rejects it) instead of adding one.
  const safe = (text: string) => text.replace(/[^A-Za-z0-9]+/g, '_');
  const name = `${safe(bundlePath).slice(-80)}-${safe(variant).slice(0, 20)}-${process.versions.v8}-${process.arch}.cache`;
  return join(folder, name);
}

function userId(): string {
  return process.getuid ? String(process.getuid()) : 'user';
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(file: string, script: Script): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}

/** What Node does for `node bundle.js`: a main module whose `require.main` is itself. */
function runAsMain(script: Script, bundlePath: string): void {
  const main = new Module(bundlePath);
  main.filename = bundlePath;
  main.paths = (Module as unknown as { _nodeModulePaths(from: string): string[] })._nodeModulePaths(dirname(bundlePath));
  main.loaded = true;
  process.mainModule = main;
  const localRequire = Module.createRequire(bundlePath);
  localRequire.main = main;
  (script.runInThisContext() as ModuleWrapper)(main.exports, localRequire, main, bundlePath, dirname(bundlePath));
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
