/**
 * Security of the preview: the CSP as served, template strings rendered as text (no script runs, no
 * element is created from them), no CSP violation while everything renders, and unknown or malformed
 * messages ignored and logged.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choose, fixture, open, pageViolations, posted, previewSession, send, waitForRisk } from './harness';

const session = previewSession();

test('the page carries default-src none, a script nonce, and no inline script or style', async () => {
  const response = await fetch(`${session.served.origin}/?theme=dark`);
  const csp = response.headers.get('content-security-policy') ?? '';
  const html = await response.text();
  assert.match(
    csp,
    /^default-src 'none'; script-src 'nonce-[A-Za-z0-9]{16,}'; style-src http:\/\/127\.0\.0\.1:\d+ 'nonce-[A-Za-z0-9]+'; img-src http:\/\/127\.0\.0\.1:\d+ data:; font-src http:\/\/127\.0\.0\.1:\d+$/,
  );
  const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)![1]!;
  assert.ok(
    html.includes(`content="${csp.replace(/'/g, '&#39;').replace(/'/g, "'")}"`) || html.includes('Content-Security-Policy'),
    'the same policy is in a meta tag',
  );
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.match(scripts[0]![1]!, new RegExp(`nonce="${nonce}" src="/dist/webview.js"`));
  assert.equal(scripts[0]![2]!.trim(), '', 'no inline script');
  assert.doesNotMatch(html, /<style|style=/);
  assert.notEqual(
    nonce,
    /script-src 'nonce-([A-Za-z0-9]+)'/.exec((await fetch(`${session.served.origin}/`)).headers.get('content-security-policy') ?? '')?.[1],
    'a fresh nonce per page',
  );
});

test('names like <img src=x onerror=alert(1)> render as text, and nothing runs', async () => {
  const o = await open(session.browser, session.served);
  const { page } = o;
  await send(page, fixture('document.json'));
  await page.waitForSelector('[data-testid="current-outcome"]');
  await choose(page, 'scale-set', '<img');
  await page.waitForFunction(() => (document.querySelector('[data-testid="current-column"] h2')?.textContent ?? '').startsWith('<img'));
  const found = await page.evaluate(() => ({
    images: document.querySelectorAll('img').length,
    scripts: document.querySelectorAll('script').length,
    handlers: Array.from(document.querySelectorAll('*')).filter((e) => Array.from(e.attributes).some((a) => a.name.startsWith('on')))
      .length,
    title: document.querySelector('[data-testid="current-column"] h2')?.textContent,
    zoneLabel: document.querySelector('[data-testid="current-timeline"] .row-sub')?.textContent,
    alerts: (window as unknown as { alerts: unknown[] }).alerts.length,
  }));
  assert.deepEqual(found, {
    images: 0,
    scripts: 1,
    handlers: 0,
    title: '<img src=x onerror=alert(1)>: as in the template',
    zoneLabel: 'zone <script>alert(2)</script> · UD 0',
    alerts: 0,
  });
  assert.deepEqual(o.dialogs, []);
  await page.locator('[data-testid="copy-summary"]').click();
  await page.locator('[data-testid="export-svg"]').click();
  const out = await posted(page);
  assert.match(String(out.find((m) => m.type === 'copy')?.text), /### Upgrade preview: `<img src=x onerror=alert\(1\)>`/);
  const svg = String(out.find((m) => m.type === 'save')?.content);
  assert.ok(svg.includes('zone &lt;script&gt;alert(2)&lt;/script&gt;'), 'the SVG export escapes template text');
  assert.equal(out.find((m) => m.type === 'save')?.fileName, 'img-src-x-onerror-alert-1.timeline.svg');
  await page.close();
});

test('no CSP violation while rendering, using every view, and running Monte Carlo, in every theme', async () => {
  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    const o = await open(session.browser, session.served, theme);
    await send(o.page, fixture('faulted.json'));
    await waitForRisk(o.page);
    await o.page.locator('[data-testid="table-view"]').click();
    await o.page.locator('[data-testid="pin"]').click();
    await o.page.locator('details.assumptions summary').click();
    await choose(o.page, 'whatif-trigger', 'Manual OS upgrade');
    await o.page.locator('[data-testid="current-timeline"] g.row').first().hover();
    await waitForRisk(o.page);
    assert.deepEqual(o.violations, [], theme);
    assert.deepEqual(await pageViolations(o.page), [], theme);
    assert.deepEqual(o.consoleErrors, [], theme);
    await o.page.close();
  }
});

test('unknown and malformed messages are ignored and logged', async () => {
  const { page } = await open(session.browser, session.served);
  await send(page, fixture('document.json'));
  await page.waitForSelector('[data-testid="current-outcome"]');
  const before = await page.textContent('[data-testid="current-header"]');
  for (const bad of [
    { type: 'runScript', code: 'alert(1)' },
    { type: 'document', uri: 'x' },
    'hello',
    null,
    { type: 'select', target: 'resources' },
  ])
    await send(page, bad);
  await page.waitForFunction(
    () => (window as unknown as { vmssPreviewPosted: { type: string }[] }).vmssPreviewPosted.filter((m) => m.type === 'log').length === 5,
  );
  const logs = (await posted(page)).filter((m) => m.type === 'log');
  assert.match(String(logs[0]?.message), /ignored an unknown or malformed message \(type runScript\)/);
  assert.equal(await page.textContent('[data-testid="current-header"]'), before);
  assert.equal(await page.locator('[data-testid="current-timeline"] g.row').count(), 10);
  await page.close();
});
