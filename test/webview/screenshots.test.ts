/**
 * Screenshots in light, dark and high-contrast themes (test-results/, gitignored; look at them) plus a
 * compare-mode shot (20% vs 33% batches, as after editing the template). Each theme is also checked for
 * readable contrast of text, chart labels and the outcome badge. UPDATE_SCREENSHOTS=1 refreshes the two
 * copies the README shows under docs/images/.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { THEMES, fixture, open, previewSession, send, waitForRisk } from './harness';
import type { Theme } from './harness';

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, 'test-results');
const session = previewSession();
before(() => mkdirSync(OUT, { recursive: true }));

/**
 * WCAG contrast ratio of an element's text (or SVG fill) against the nearest opaque background. A string,
 * so the test transpiler's helpers (esbuild's __name) do not leak into the page.
 */
const CONTRAST = `(selector) => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const f = (v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  const node = document.querySelector(selector);
  const style = getComputedStyle(node);
  const fg = node instanceof SVGElement ? style.fill : style.color;
  let at = node instanceof SVGElement ? document.body : node;
  let bg = 'rgba(0, 0, 0, 0)';
  while (at && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) { bg = getComputedStyle(at).backgroundColor; at = at.parentElement; }
  const [a, b] = [lum(rgb(fg)), lum(rgb(bg))].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}`;

async function contrast(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(${CONTRAST})(${JSON.stringify(selector)})`) as Promise<number>;
}

for (const theme of Object.keys(THEMES) as Theme[]) {
  test(`screenshot and contrast: ${theme}`, async () => {
    const { page } = await open(session.browser, session.served, theme, { width: 1280, height: 900 });
    await send(page, fixture('faulted.json'));
    await waitForRisk(page);
    await page
      .locator('[data-testid="current-timeline"] g.row')
      .nth(4)
      .hover({ position: { x: 40, y: 12 } });
    await page.waitForFunction(() => /Batch 5/.test(document.querySelector('[data-testid="current-batch-details"]')?.textContent ?? ''));
    const file = join(OUT, `preview-${theme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    assert.ok(statSync(file).size > 20_000);
    for (const [selector, min] of [
      ['.facts dd', 4.5],
      ['.facts dt', 4.5],
      ['.policy button.link', 4.5],
      ['.outcome .badge', 3],
      ['svg.timeline .row-label', 4.5],
      ['svg.timeline .tick', 3],
      ['.legend li', 4.5],
    ] as const) {
      const ratio = await contrast(page, selector);
      assert.ok(ratio >= min, `${theme}: ${selector} contrast ${ratio.toFixed(2)} < ${min}`);
    }
    if (process.env.UPDATE_SCREENSHOTS === '1' && theme === 'light') copyFileSync(file, join(ROOT, 'docs', 'images', 'preview-light.png'));
    await page.close();
  });
}

test('screenshot: compare mode, 20% vs 33% batches', async () => {
  const { page } = await open(session.browser, session.served, 'dark', { width: 1600, height: 1000 });
  type Doc = {
    scaleSets: {
      simulatorInput: Record<string, unknown> & { rollingUpgradePolicy: Record<string, unknown>; fleet: Record<string, unknown> };
    }[];
  };
  const doc = fixture('document.json') as Doc;
  // A regional Flexible scale set of 12, where the batch percentage alone decides the batch size.
  const input = doc.scaleSets[0]!.simulatorInput;
  Object.assign(input, { orchestrationMode: 'Flexible', seed: 4 });
  Object.assign(input.fleet, { capacity: 12, zones: [] });
  await send(page, doc);
  await waitForRisk(page);
  await page.locator('[data-testid="pin"]').click();
  // The user edits the template to 33% batches (and 33% unhealthy, which Azure requires to be at least
  // the batch size), and the extension sends the re-resolved template.
  const edited = structuredClone(doc);
  Object.assign(edited.scaleSets[0]!.simulatorInput.rollingUpgradePolicy, { maxBatchInstancePercent: 33, maxUnhealthyInstancePercent: 33 });
  await send(page, edited);
  await page.waitForFunction(() => /batch 33%/.test(document.querySelector('[data-testid="current-header"]')?.textContent ?? ''));
  await waitForRisk(page);
  await waitForRisk(page, 'pinned');
  assert.match((await page.textContent('[data-testid="pinned-header"]')) ?? '', /6 batches of 2(?!\d)/);
  assert.match((await page.textContent('[data-testid="current-header"]')) ?? '', /4 batches of 3(?!\d)/);
  const file = join(OUT, 'preview-compare-dark.png');
  await page.screenshot({ path: file, fullPage: true });
  assert.ok(statSync(file).size > 20_000);
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(ROOT, 'docs', 'images', 'preview-compare-dark.png'));
  await page.close();
});
