import { after, before } from 'node:test';
/**
 * Browser-test harness: a loopback HTTP server that serves the preview exactly as the extension builds it
 * (client/src/preview/html.ts, with the same CSP as a header too) plus dist/webview.{js,css} and a stand-in
 * theme, and a headless Chromium (Debian's /usr/bin/chromium via playwright-core) with listeners for CSP
 * violations, console errors, dialogs and main-thread long tasks.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import { createNonce } from '../../client/src/preview/nonce';

const ROOT = join(__dirname, '..', '..');
export const THEMES = { light: 'vscode-light', dark: 'vscode-dark', 'high-contrast': 'vscode-high-contrast' } as const;
export type Theme = keyof typeof THEMES;

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'webview', name), 'utf8')) as Record<string, unknown>;
}

export interface Served {
  readonly origin: string;
  close(): Promise<void>;
}

/** `dev`: also serve /dev.js, which plays the fixture named by `?fixture=` (the dev page; tests never use it). */
export async function serve(options: { dev?: boolean; port?: number } = {}): Promise<Served> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = (type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/') {
      const theme = (url.searchParams.get('theme') ?? 'dark') as Theme;
      const nonce = createNonce();
      const fixtureName = url.searchParams.get('fixture') ?? 'document';
      const html = previewHtml({
        cspSource: origin,
        nonce,
        scriptUri: '/dist/webview.js',
        styleUri: '/dist/webview.css',
        themeStyleUri: `/themes/${theme}.css`,
        bodyClass: THEMES[theme] ?? THEMES.dark,
        ...(options.dev && /^[\w-]+$/.test(fixtureName) ? { devScriptUri: `/dev.js?fixture=${fixtureName}` } : {}),
      });
      send('text/html; charset=utf-8', html, { 'Content-Security-Policy': contentSecurityPolicy(origin, nonce) });
    } else if (url.pathname === '/dist/webview.js' || url.pathname === '/dist/webview.css') {
      send(url.pathname.endsWith('.js') ? 'text/javascript' : 'text/css', readFileSync(join(ROOT, url.pathname)));
    } else if (/^\/themes\/(light|dark|high-contrast)\.css$/.test(url.pathname)) {
      send('text/css', readFileSync(join(ROOT, 'test', 'fixtures', 'webview', url.pathname)));
    } else if (options.dev && url.pathname === '/dev.js' && /^[\w-]+$/.test(url.searchParams.get('fixture') ?? '')) {
      const message = JSON.stringify(fixture(`${url.searchParams.get('fixture')}.json`));
      send('text/javascript', `window.postMessage(${message}, '*');\n`);
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

export interface Opened {
  readonly page: Page;
  /** "Refused to …" console messages and securitypolicyviolation events. */
  readonly violations: string[];
  readonly consoleErrors: string[];
  readonly dialogs: string[];
}

/** Opens the preview; every page records CSP violations, alerts and long tasks from its first script on. */
export async function open(
  browser: Browser,
  served: Served,
  theme: Theme = 'dark',
  viewport = { width: 1280, height: 900 },
): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const violations: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) violations.push(m.text());
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[]; longTasks: [number, number][]; alerts: unknown[] };
    w.cspViolations = [];
    w.longTasks = [];
    w.alerts = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    window.alert = (m?: unknown) => {
      w.alerts.push(m);
    };
  });
  await page.goto(`${served.origin}/?theme=${theme}`);
  await page.waitForFunction(() => Array.isArray((window as unknown as { vmssPreviewPosted?: unknown[] }).vmssPreviewPosted));
  return { page, violations, consoleErrors, dialogs };
}

/** What the extension would send: a message event on the webview's window. */
export async function send(page: Page, message: unknown): Promise<void> {
  await page.evaluate((m) => window.postMessage(m, '*'), message);
}

export async function posted(page: Page): Promise<{ type: string; [k: string]: unknown }[]> {
  return page.evaluate(() => (window as unknown as { vmssPreviewPosted: { type: string }[] }).vmssPreviewPosted);
}

export async function pageViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

export async function waitForRisk(page: Page, prefix = 'current'): Promise<void> {
  await page.waitForSelector(`[data-testid="${prefix}-risk"][data-state="done"]`, { timeout: 30_000 });
}

/** Waits until the element's text matches, and returns the text. */
export async function waitText(page: Page, selector: string, pattern: RegExp): Promise<string> {
  await page.waitForFunction(([s, source, flags]) => new RegExp(source!, flags).test(document.querySelector(s!)?.textContent ?? ''), [
    selector,
    pattern.source,
    pattern.flags,
  ] as const);
  return (await page.textContent(selector)) ?? '';
}

export async function fillField(page: Page, testId: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] input`).fill(value);
}

export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"]`).click();
  await page.locator(`[data-testid="${testId}"] vscode-option`, { hasText: option }).first().click();
}

export const ROWS = (prefix: string) => `[data-testid="${prefix}-timeline"] g.row`;

/** A served preview and a browser for one test file, opened before its tests and closed after them. */
export interface PreviewSession {
  served: Served;
  browser: Browser;
}

export function previewSession(): PreviewSession {
  const session = {} as PreviewSession;
  before(async () => {
    session.served = await serve();
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.served?.close();
  });
  return session;
}

/** A page of the session's preview with the fixture document `name` drawn (its outcome on screen). */
export async function openedPreview(session: PreviewSession, name = 'document.json'): Promise<Opened> {
  const o = await open(session.browser, session.served);
  await send(o.page, fixture(name));
  await o.page.waitForSelector('[data-testid="current-outcome"]');
  return o;
}
