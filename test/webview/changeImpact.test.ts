/**
 * The preview's "Change impact" section in headless Chromium, fed what the extension sends: the engine's
 * report of a real edit of examples/rolling-zones.json against the file as it was (as the server answers
 * vmssUpgrade/changeImpact), converted by the client's toPreviewChangeImpact.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { toPreviewChangeImpact } from '../../client/src/preview/toPreview';
import { getLanguageService } from '../../server/src/core/languageService';
import { fixture, open, posted, previewSession, send, waitText } from './harness';

const session = previewSession();
const ls = getLanguageService();
const BASE = readFileSync(join(__dirname, '..', '..', 'examples', 'rolling-zones.json'), 'utf8');
const EDITED = BASE.replace('"sku": "22_04-lts-gen2"', '"sku": "22_04-lts"').replace(
  '"upgradePolicy"',
  '"orchestrationMode": "Flexible", "upgradePolicy"',
);

function impactMessage(before: string, after: string, label = 'HEAD') {
  const report = ls.compareDocuments(
    ls.createDocument('file:///t/a.json', 'json', before),
    ls.createDocument('file:///t/a.json', 'json', after),
  )!;
  return { ...fixture('document.json'), changeImpact: toPreviewChangeImpact({ version: 1, label, report }) };
}

test('the section lists each change with its class and badges, the source, and the rollout the plan makes', async () => {
  const { page, consoleErrors } = await open(session.browser, session.served);
  const message = impactMessage(BASE, EDITED);
  await send(page, message);
  const headline = await waitText(page, '[data-testid="change-impact-headline"]', /^Deploying this: /);
  assert.match(headline, /rolling model update, \d+ batches, ≈.* · 1 change refused/);
  const heading = (await page.textContent('[data-testid="change-impact"] h3')) ?? '';
  assert.equal(heading, 'Change impact (vs HEAD)');
  const rows = page.locator('[data-testid="change-impact-table"] tbody tr');
  assert.equal(await rows.count(), 2);
  const refused = page.locator('[data-testid="change-impact-table"] tr[data-class="refused"]');
  assert.match((await refused.textContent()) ?? '', /orchestrationMode/);
  assert.equal(await refused.locator('.badge.impact-danger').count(), 1);
  assert.match((await refused.locator('a').getAttribute('href')) ?? '', /^https:\/\//);
  const batches = (message.changeImpact!.scaleSets[0]!.rollout!.batchSizes as number[]).length;
  assert.equal(await page.locator('[data-testid="change-impact-rollout"] ol.batches li').count(), Math.min(batches, 40));
  assert.match((await page.textContent('[data-testid="change-impact-rollout"] h4')) ?? '', /^Rollout \(Rolling\) · ≈/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a change-impact lens opens the section in view; an unchanged file says so; without a baseline there is none', async () => {
  const { page } = await open(session.browser, session.served, 'dark', { width: 1000, height: 500 });
  await send(page, { ...impactMessage(BASE, EDITED), select: { name: 'web-vmss', section: 'changeImpact' } });
  await page.waitForSelector('[data-testid="change-impact"]');
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-testid="change-impact"]')!.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'change-impact');
  await send(page, impactMessage(BASE, BASE, 'main~1'));
  await waitText(page, '[data-testid="change-impact-headline"]', /^No change to this scale set against main~1\.$/);
  await send(page, { ...fixture('document.json'), changeImpact: null });
  await page.waitForSelector('[data-testid="change-impact"]', { state: 'detached' });
  await page.close();
});

test('template text in a change renders as text, and a malformed change-impact message is refused whole', async () => {
  const { page, dialogs } = await open(session.browser, session.served);
  const markup = '<img src=x onerror=alert(1)>';
  const tagged = BASE.replace('"upgradePolicy"', `"platformFaultDomainCount": "${markup}", "upgradePolicy"`);
  await send(page, impactMessage(BASE, tagged));
  await waitText(page, '[data-testid="change-impact-table"]', /platformFaultDomainCount/);
  assert.ok(((await page.textContent('[data-testid="change-impact-table"]')) ?? '').includes(markup));
  assert.equal(await page.locator('[data-testid="change-impact-table"] img').count(), 0);
  const bad = impactMessage(BASE, EDITED);
  const change = bad.changeImpact!.scaleSets[0]!.changes[0]!;
  await send(page, {
    ...bad,
    version: 7,
    changeImpact: {
      ...bad.changeImpact,
      scaleSets: [{ ...bad.changeImpact!.scaleSets[0], changes: [{ ...change, source: { title: 'x', url: 'javascript:alert(1)' } }] }],
    },
  });
  await page.waitForFunction(() =>
    ((window as unknown as { vmssPreviewPosted: { type: string; message?: string }[] }).vmssPreviewPosted ?? []).some(
      (m) => m.type === 'log' && /ignored/i.test(m.message ?? ''),
    ),
  );
  assert.ok((await posted(page)).some((m) => m.type === 'log'));
  assert.deepEqual(dialogs, []);
  await page.close();
});
