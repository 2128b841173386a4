// Finds, or provisions, the Chromium that the preview's browser tests and the end-to-end tests drive through
// playwright-core (which never downloads one here: the machine reaches only npm and Debian's packages).
//   node scripts/browser.mjs --ensure   find it; install Debian's `chromium` with apt when missing and root;
//                                       otherwise print one line saying what to install, and exit 1.
// The test runner (scripts/run-tests.mjs) calls ensureBrowser() too and hands the path to the tests as
// CHROMIUM_PATH, so there is one answer to "which browser" for every test.
import { accessSync, constants, mkdtempSync, openSync, closeSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';

/** Where Debian, Ubuntu and Chrome's own packages put the binary; PATH is searched for the same names. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
const DEBIAN_PACKAGE = 'chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser to use: CHROMIUM_PATH when set (it must exist), else the first known binary on PATH. */
export function findBrowser(env = process.env) {
  if (env.CHROMIUM_PATH) return isExecutable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = [...new Set([...(env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/bin', '/usr/local/bin'])];
  for (const name of NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return undefined;
}

function canInstallWithApt() {
  return (
    process.platform === 'linux' &&
    typeof process.getuid === 'function' &&
    process.getuid() === 0 &&
    spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
  );
}

/** apt output goes to a log file, so a newcomer sees two lines, not two hundred; the log is named on failure. */
function aptInstall() {
  const log = join(mkdtempSync(join(tmpdir(), 'vmss-chromium-')), 'apt.log');
  const fd = openSync(log, 'w');
  const run = (args) =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', ...args], {
      stdio: ['ignore', fd, fd],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  const ok = run(['update', '-qq']) && run(['install', '-y', '-qq', '--no-install-recommends', DEBIAN_PACKAGE]);
  closeSync(fd);
  return { ok, log };
}

/**
 * Returns the browser's path, installing Debian's package first when that is possible; otherwise returns
 * `{ error }`: one line that says what is missing and what to do.
 */
export function ensureBrowser({ quiet = false } = {}) {
  if (process.env.CHROMIUM_PATH && !isExecutable(process.env.CHROMIUM_PATH)) {
    return {
      error: `CHROMIUM_PATH is ${process.env.CHROMIUM_PATH}, which is not an executable file; point it at a Chromium or Chrome binary.`,
    };
  }
  const found = findBrowser();
  if (found) return { path: found };
  if (!canInstallWithApt()) {
    return {
      error:
        'The browser tests need Chromium, which is not installed: run `sudo apt-get install chromium` ' +
        '(Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again.',
    };
  }
  if (!quiet)
    console.error(`Chromium is missing; installing Debian's ${DEBIAN_PACKAGE} package for the browser tests (apt-get, about a minute)…`);
  const { ok, log } = aptInstall();
  const installed = findBrowser();
  if (ok && installed) return { path: installed };
  const tail = readFileSync(log, 'utf8').trim().split('\n').slice(-1)[0] ?? '';
  return {
    error: `Installing Debian's ${DEBIAN_PACKAGE} with apt-get failed (${tail || 'no output'}; full log: ${log}); install it by hand or set CHROMIUM_PATH.`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--ensure')) {
  const result = ensureBrowser();
  if (result.error) {
    console.error(result.error);
    process.exit(1);
  }
  console.log(`browser tests use ${result.path}`);
}
