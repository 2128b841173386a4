/**
 * The preview with waits for approval (a lifecycle hook before each batch, one before the upgrade): the
 * timeline draws them as wait segments, the capacity chart shades them, the header's duration includes
 * them, and the "approved after" what-if fields change them, in headless Chromium.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROWS, fillField, fixture, open, previewSession, send, waitText } from './harness';

const session = previewSession();

/** The fixture document, its first scale set with a PT2H batch hook and a PT1H scheduling hook. */
function hooked(): Record<string, unknown> {
  const doc = fixture('document.json') as { scaleSets: { simulatorInput: Record<string, unknown> }[] };
  doc.scaleSets[0]!.simulatorInput.approvals = {
    lifecycleHooks: [
      { type: 'UpgradeAutoOSScheduling', waitSeconds: 3600, defaultAction: 'Approve' },
      { type: 'UpgradeAutoOSRollingBatchStarting', waitSeconds: 7200, defaultAction: 'Approve' },
    ],
  };
  return doc as unknown as Record<string, unknown>;
}

describe('waits for approval', () => {
  test('the timeline shows each wait, the capacity chart shades it, the duration includes it; "approved after" shortens it', async () => {
    const { page, consoleErrors } = await open(session.browser, session.served);
    await send(page, hooked());
    await page.waitForSelector('[data-testid="current-outcome"]');
    const timeline = '[data-testid="current-timeline"]';
    // One wait segment in each of the 10 batch rows, and a row of its own for the wait before the upgrade.
    assert.equal(await page.locator(`${timeline} g.row[data-batch] .phase-approval`).count(), 10);
    const before = page.locator(`${timeline} g.wait-row[data-wait-row="upgrade"]`);
    assert.equal(await before.count(), 1);
    assert.match(
      (await before.getAttribute('aria-label')) ?? '',
      /^Before the upgrade: UpgradeAutoOSScheduling hook: timed out, approved by default, 0:00–1:00/,
    );
    assert.match(
      (await page.locator(`${timeline} g.row[data-batch="0"] .phase-approval title`).textContent()) ?? '',
      /^wait for approval: /,
    );
    // The segment of batch 1 is two hours of the chart's width; its upgrade comes after it.
    const wait = await page.locator(`${timeline} g.row[data-batch="0"] .phase-approval`).boundingBox();
    const upgrade = await page.locator(`${timeline} g.row[data-batch="0"] .phase-upgrade`).boundingBox();
    assert.ok(
      wait && upgrade && wait.width > 10 * upgrade.width && upgrade.x >= wait.x + wait.width - 1,
      JSON.stringify({ wait, upgrade }),
    );
    assert.match((await page.getAttribute(timeline, 'aria-label')) ?? '', /21 h 0 min of it waiting for approval/);
    assert.equal(await page.locator('[data-testid="current-capacity"] .approval-band').count(), 11);
    const header = await waitText(page, '[data-testid="current-header"]', /waiting for approval/);
    assert.match(header, /\(21 h 0 min waiting for approval\)/);
    assert.equal(await page.locator(ROWS('current')).count(), 11);

    // Approved after 10 minutes: every batch's wait shrinks to 10 minutes (10 × 10 min + the 1 h scheduling wait).
    await fillField(page, 'whatif-approved-UpgradeAutoOSRollingBatchStarting', '10');
    const shorter = await waitText(page, '[data-testid="current-header"]', /\(2 h 40 min waiting for approval\)/);
    assert.match(shorter, /2 h 40 min waiting for approval/);
    await fillField(page, 'whatif-approved-UpgradeAutoOSScheduling', '0');
    await waitText(page, '[data-testid="current-header"]', /\(1 h 40 min waiting for approval\)/);
    assert.equal(await page.locator(`${timeline} g.wait-row`).count(), 1, 'a zero-length wait keeps its row');
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test('a Reject hook: the header names it and the timeline shows the rejected wait before batch 1', async () => {
    const doc = hooked() as { scaleSets: { simulatorInput: { approvals: { lifecycleHooks: Record<string, unknown>[] } } }[] };
    doc.scaleSets[0]!.simulatorInput.approvals.lifecycleHooks = [
      { type: 'UpgradeAutoOSRollingBatchStarting', waitSeconds: 1800, defaultAction: 'Reject' },
    ];
    const { page, consoleErrors } = await open(session.browser, session.served);
    await send(page, doc);
    await page.waitForSelector('[data-testid="current-outcome"]');
    await waitText(page, '[data-testid="current-outcome"]', /Rejected by the UpgradeAutoOSRollingBatchStarting lifecycle hook/);
    const row = page.locator('[data-testid="current-timeline"] g.wait-row[data-wait-row="0"]');
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator('.phase-rejected').count(), 1);
    assert.match((await row.textContent()) ?? '', /Before batch 1.*rejected: not started/);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });
});
