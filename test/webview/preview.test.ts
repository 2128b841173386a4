/**
 * The preview in headless Chromium, drawing: the picture from fixture documents, faults, batch details,
 * table views, the selector and a narrow panel. What the user does with it is in previewInteraction.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROWS, choose, fixture, open, openedPreview, posted, previewSession, send, waitForRisk, waitText } from './harness';

const session = previewSession();

const opened = (name?: string) => openedPreview(session, name);

describe('rendering', () => {
  test('says ready, then draws header, timeline, capacity and risk from the document', async () => {
    const { page, consoleErrors } = await opened();
    assert.deepEqual((await posted(page))[0], { type: 'ready' });
    assert.match((await page.textContent('[data-testid="current-outcome"]')) ?? '', /Completed/);
    const header = (await page.textContent('[data-testid="current-header"]')) ?? '';
    for (const part of [
      '10 batches of 1 (policy allows up to 2)',
      'Estimated duration',
      '1 h 7 min',
      'Minimum serving',
      '9 of 10',
      'Automatic OS upgrade',
      '10 (template)',
      'batch 20%',
      'pause 1 min',
    ]) {
      assert.ok(header.includes(part), `header has ${part}: ${header}`);
    }
    assert.equal(await page.locator(ROWS('current')).count(), 10);
    assert.equal(await page.locator('[data-testid="current-timeline"] .gate-fail').count(), 0);
    assert.ok(
      (await page.locator('[data-testid="current-timeline"] .phase-rollback').count()) >= 1,
      'the failed instance of batch 8 is rolled back',
    );
    assert.match(
      (await page.getAttribute('[data-testid="current-capacity"]', 'aria-label')) ?? '',
      /at least 9 of 10 serving; policy floor 6/,
    );
    await waitForRisk(page);
    const risk = (await page.textContent('[data-testid="current-risk-table"]')) ?? '';
    assert.match(risk, /Probability of completing\s*\d+\.\d%/);
    assert.match(risk, /Duration p50 \/ p90 \/ p99/);
    assert.match(risk, /Blast radius/);
    assert.ok((await page.locator('[data-testid="current-sensitivity"] tbody tr').count()) >= 1);
    // Each switch with its effect in points, on the median duration and on the minimum serving, and the CLI's
    // verdict on noise, the ones that matter first.
    const verdicts: string[] = [];
    for (const row of await page.locator('[data-testid="current-sensitivity"] tbody tr').all()) {
      const cells = await row.locator('td, th').allTextContents();
      assert.equal(cells.length, 8, cells.join(' | '));
      assert.match(cells[3]!, /^[+−]\d+\.\d points$/);
      assert.match(cells[4]!, /\([+−]/);
      assert.match(cells[5]!, /^\d+ \([+−]\d+\)$/);
      verdicts.push(cells[7]!);
    }
    assert.deepEqual(
      verdicts,
      [...verdicts].sort((a, b) => (a === b ? 0 : a === 'yes' ? -1 : 1)),
    );
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test("a faulted run shows the error code, Azure's message, the failed gate and the halt point", async () => {
    const { page } = await opened('faulted.json');
    assert.match(
      (await page.textContent('[data-testid="current-outcome"]')) ?? '',
      /Faulted\s*MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade/,
    );
    assert.match(
      (await page.textContent('[data-testid="current-message"]')) ?? '',
      /Rolling Upgrade failed after exceeding the MaxUnhealthyUpgradedInstancePercent/,
    );
    assert.equal(await page.locator('[data-testid="current-timeline"] .gate-fail').count(), 1);
    assert.equal(await page.locator('[data-testid="current-timeline"] line.halt').count(), 1);
    assert.match(
      (await page.getAttribute('[data-testid="current-timeline"] .gate-fail', 'aria-label')) ?? '',
      /unhealthy after upgrade \d+\/\d+ = [\d.]+% > 20% \(maxUnhealthyUpgradedInstancePercent\): failed/,
    );
    // A halted run's time is the time to the halt, not an estimate of the upgrade's length.
    const header = (await page.textContent('[data-testid="current-header"]')) ?? '';
    assert.match(header, /Time to the stop\s*(\d+ min|\d+ h \d+ min)/);
    assert.doesNotMatch(header, /Estimated duration/);
    await page.click('[data-testid="copy-summary"]');
    const copied = (await posted(page)).find((m) => m.type === 'copy') as { text: string } | undefined;
    assert.match(copied?.text ?? '', /\| Estimated duration \| (\d+ min|\d+ h \d+ min) to the stop \|/);
    await page.close();
  });

  test('a template Azure rejects is not simulated: no Monte Carlo until "Run anyway" is ticked', async () => {
    const o = await open(session.browser, session.served);
    const doc = fixture('document.json') as { scaleSets: { simulatorInput: Record<string, unknown> }[] };
    const message = 'maxUnhealthyInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails.';
    doc.scaleSets[0]!.simulatorInput.blockedBy = [{ ruleId: 'value-out-of-range', blocks: 'deployment', message }];
    await send(o.page, doc);
    await o.page.waitForSelector('[data-testid="current-outcome"]');
    assert.match((await o.page.textContent('[data-testid="current-outcome"]')) ?? '', /Blocked\s*Blocked by value-out-of-range/);
    assert.match((await o.page.textContent('[data-testid="current-header"]')) ?? '', /Estimated durationnone: not run/);
    assert.equal(
      await o.page.textContent('[data-testid="current-risk-blocked"]'),
      'Not simulated: Azure rejects this template (value-out-of-range). Tick “Run anyway” to see the risk as if it ran.',
    );
    assert.equal(await o.page.locator('[data-testid="current-risk"][data-state="running"]').count(), 0);
    await o.page.locator('[data-testid="whatif-ignoreBlockers"]').click();
    await waitForRisk(o.page);
    assert.match((await o.page.textContent('[data-testid="current-risk-table"]')) ?? '', /Probability of completing/);
    await o.page.close();
  });

  test('hovering or focusing a batch shows its instances and outcomes', async () => {
    const { page } = await opened();
    await page.locator(ROWS('current')).nth(7).hover();
    await waitText(page, '[data-testid="current-batch-details"]', /Batch 8: .*Instances: #\d+ rolledBack/);
    await page.locator(ROWS('current')).nth(0).focus();
    await waitText(
      page,
      '[data-testid="current-batch-details"]',
      /Batch 1: 1 instance, zone 1 · UD 0.*#0 upgraded.*Before batch: unhealthy 0\/10 = 0% ≤ 20%/,
    );
    await page.close();
  });

  test('the table view shows the same batches and capacity points as text', async () => {
    const { page } = await opened();
    await page.locator('[data-testid="table-view"]').click();
    await page.waitForSelector('[data-testid="current-batch-table"]');
    assert.equal(await page.locator('[data-testid="current-batch-table"] tbody tr').count(), 10);
    const capacityRows = await page.locator('[data-testid="current-capacity-table"] tbody tr').count();
    assert.ok(capacityRows > 10);
    assert.match((await page.textContent('[data-testid="current-batch-table"] tbody tr:nth-child(8)')) ?? '', /rolledBack/);
    await page.close();
  });

  test('toggling the table view mid-run keeps the Monte Carlo progress instead of starting over', async () => {
    const { page } = await opened();
    const done = async () =>
      Number(
        /([\d,]+) of [\d,]+ trial runs/.exec((await page.textContent('[data-testid="current-risk"]')) ?? '')?.[1]?.replace(/,/g, '') ?? -1,
      );
    const state = async () => page.getAttribute('[data-testid="current-risk"]', 'data-state');
    // Some progress, or (on a fast machine) the whole run already done.
    await page.waitForFunction(() => {
      const risk = document.querySelector('[data-testid="current-risk"]');
      return risk?.getAttribute('data-state') === 'done' || /[1-9][\d,]* of [\d,]+ trial runs/.test(risk?.textContent ?? '');
    });
    const wasDone = (await state()) === 'done';
    const before = wasDone ? Number.POSITIVE_INFINITY : await done();
    await page.locator('[data-testid="table-view"]').click();
    await page.waitForSelector('[data-testid="current-batch-table"]');
    // Redrawn at once with the progress the run had reached: a restarted run would be running again, from 0.
    const finished = (await state()) === 'done';
    if (wasDone) assert.ok(finished, 'a finished run started over when the view was toggled');
    else assert.ok(finished || (await done()) >= before, `progress went back from ${before}`);
    await waitForRisk(page);
    await page.close();
  });

  test('a template with several scale sets gets a selector', async () => {
    const { page } = await opened();
    await choose(page, 'scale-set', '<img');
    await waitText(page, '[data-testid="current-header"]', /4 \(assumed/);
    await page.close();
  });
  test('a narrow panel beside the editor puts the what-if fields above a compact picture', async () => {
    const o = await open(session.browser, session.served, 'light', { width: 540, height: 900 });
    const { page } = o;
    await send(page, fixture('document.json'));
    await page.waitForSelector('[data-testid="whatif-capacity"]');
    const box = async (sel: string) => (await page.locator(sel).boundingBox())!;
    const controls = await box('[data-testid="controls"]');
    const results = await box('[data-testid="results"]');
    assert.ok(controls.y + controls.height <= results.y + 1, 'controls above the picture');
    assert.ok(results.width > 480, `the picture takes the panel's width (${results.width})`);
    assert.match((await page.getAttribute('[data-testid="current-timeline"]', 'viewBox')) ?? '', /^0 0 500 /);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.waitForFunction(() =>
      /^0 0 760 /.test(document.querySelector('[data-testid="current-timeline"]')?.getAttribute('viewBox') ?? ''),
    );
    await page.setViewportSize({ width: 540, height: 900 });
    await page.waitForFunction(() =>
      /^0 0 500 /.test(document.querySelector('[data-testid="current-timeline"]')?.getAttribute('viewBox') ?? ''),
    );
    await page.screenshot({ path: 'test-results/preview-narrow-light.png', fullPage: true });
    await page.close();
  });
});
