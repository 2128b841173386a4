// Harness for the end-to-end suite: a real VS Code (code-server) with the packaged .vsix installed,
// on a temporary workspace copied from test/fixtures/e2e/, driven by headless Chromium (playwright-core).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-results', 'e2e');
const CACHE = process.env.VMSS_E2E_CACHE ?? join(homedir(), '.cache', 'vmss-upgrade-e2e');
const CODE_SERVER = join(CACHE, 'bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const VSIX = join(ROOT, `vmss-upgrade-policy-${VERSION}.vsix`);
export const EXTENSION_ID = 'vmss-upgrade-policy.vmss-upgrade-policy';

/** User settings that keep the workbench quiet and deterministic (no network, no tours). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'json.schemaDownload.enable': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'always',
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  // Typed text lands as typed: no auto-closed quotes or brackets.
  'editor.autoClosingQuotes': 'never',
  'editor.autoClosingBrackets': 'never',
  'editor.autoSurround': 'never',
  'editor.autoIndent': 'none',
};

export interface Workbench {
  readonly page: Page;
  /** The temporary workspace folder (a copy of test/fixtures/e2e/). */
  readonly workspace: string;
  readonly extensionsDir: string;
  openFile(name: string): Promise<void>;
  runCommand(title: string): Promise<void>;
  /** Moves the cursor with "Go to Line/Column" (1-based). */
  goTo(line: number, column: number): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Trust the workspace; by default it opens in Restricted Mode, as a cloned repository would. */
  readonly trusted?: boolean;
  /** Runs on the copied workspace before VS Code opens it (a `git init` and commit, for example). */
  readonly prepare?: (workspace: string) => void;
}

/** Starts code-server on a free loopback port and opens the workspace in headless Chromium. */
export async function launchWorkbench(options: LaunchOptions = {}): Promise<Workbench> {
  if (!existsSync(CODE_SERVER))
    throw new Error(`code-server is not installed in ${CACHE}: run scripts/install-code-server.sh (npm run test:e2e does)`);
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package (npm run test:e2e does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), 'vmss-e2e-'));
  const userDataDir = join(temp, 'user-data');
  const extensionsDir = join(temp, 'extensions');
  const workspace = join(temp, 'workspace');
  cpSync(join(ROOT, 'test', 'fixtures', 'e2e'), workspace, { recursive: true });
  options.prepare?.(workspace);
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  const install = spawnSync(CODE_SERVER, ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', VSIX], {
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`installing the .vsix failed:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...(options.trusted ? ['--disable-workspace-trust'] : []),
    workspace,
  ];
  const log: string[] = [];
  const server = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  server.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  let browser: Browser | undefined;
  try {
    await poll('code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok, 60_000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return makeWorkbench(page, workspace, extensionsDir, async () => {
      await browser?.close();
      stop(server);
      writeFileSync(join(ARTIFACTS, 'code-server.log'), log.join(''));
      rmSync(temp, { recursive: true, force: true });
    });
  } catch (error) {
    await browser?.close();
    stop(server);
    writeFileSync(join(ARTIFACTS, 'code-server.log'), log.join(''));
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

function makeWorkbench(page: Page, workspace: string, extensionsDir: string, close: () => Promise<void>): Workbench {
  const quickInput = page.locator('.quick-input-widget');
  /** Keys typed while a webview has focus stay in its iframe: give the workbench the focus back. */
  const leaveWebview = () =>
    page.evaluate(() => {
      if (document.activeElement instanceof HTMLIFrameElement) document.activeElement.blur();
    });
  return {
    page,
    workspace,
    extensionsDir,
    async openFile(name) {
      await leaveWebview();
      // A file created a moment ago may not be in Quick Open's index yet: close it and ask again.
      await poll(`${name} in Quick Open`, async () => {
        await page.keyboard.press('Control+P');
        await quickInput.locator('input').waitFor({ state: 'visible' });
        await page.keyboard.type(name);
        const found = await quickInput
          .locator('.monaco-list-row', { hasText: name })
          .first()
          .waitFor({ timeout: 3_000 })
          .then(
            () => true,
            () => false,
          );
        if (!found) await page.keyboard.press('Escape');
        return found;
      });
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden' });
      await page.locator(`.tab.active[aria-label^="${name}"]`).first().waitFor();
      const focused = page.locator('.editor-instance .monaco-editor.focused');
      await focused.waitFor({ timeout: 5_000 }).catch(() => page.locator('.editor-instance .monaco-editor .view-lines').first().click());
      await focused.waitFor();
    },
    async runCommand(title) {
      await leaveWebview();
      await page.keyboard.press('Control+Shift+P');
      await quickInput.locator('input').waitFor({ state: 'visible' });
      await page.keyboard.type(title);
      await quickInput.locator('.monaco-list-row', { hasText: title }).first().waitFor();
      await page.keyboard.press('Enter');
    },
    async goTo(line, column) {
      await page.keyboard.press('Control+G');
      await quickInput.locator('input').waitFor({ state: 'visible' });
      await page.keyboard.type(`${line}:${column}`);
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden' });
    },
    async screenshot(name) {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close,
  };
}

/** Polls until `check` returns a truthy value; no fixed sleeps. */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Stops code-server and everything it started (its own process group). */
function stop(server: ChildProcess): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill('SIGTERM');
  }
}
