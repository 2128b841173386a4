/**
 * The preview in headless Chromium, used: every what-if control, compare mode, exports, reveal in the
 * editor, keyboard reach, the broken-template banner and state across a reload.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ROWS, choose, fillField, fixture, open, openedPreview, posted, previewSession, send, waitForRisk, waitText } from './harness';

const session = previewSession();
const opened = (name?: string) => openedPreview(session, name);

describe('what-if controls', () => {
  test('each control re-renders the picture at once', async () => {
    const { page } = await opened();
    const header = '[data-testid="current-header"]';
    await fillField(page, 'whatif-capacity', '20');
    await waitText(page, header, /20 \(what-if override\)/);
    await fillField(page, 'whatif-capacity', '');
    await waitText(page, header, /10 \(template\)/);

    await choose(page, 'whatif-trigger', 'Model update');
    await waitText(page, header, /TriggerModel update/);

    await fillField(page, 'whatif-failureRate', '100');
    await waitText(page, '[data-testid="current-outcome"]', /Faulted/);
    await fillField(page, 'whatif-failureRate', '0');
    await waitText(page, '[data-testid="current-outcome"]', /Completed/);

    await page.locator('[data-testid="whatif-badImage"]').click();
    await waitText(page, '[data-testid="current-outcome"]', /Faulted/);
    await page.locator('[data-testid="whatif-badImage"]').click();
    await waitText(page, '[data-testid="current-outcome"]', /Completed/);

    await fillField(page, 'whatif-unhealthy', '3');
    await waitText(page, '[data-testid="current-outcome"]', /Faulted\s*MaxUnhealthyInstancePercentExceededBeforeRollingUpgrade/);
    assert.match((await page.textContent('[data-testid="current-timeline"]')) ?? '', /Before batch 1gate failed: not started/);
    assert.match(
      (await page.getAttribute('[data-testid="current-timeline"] .gate-fail', 'aria-label')) ?? '',
      /unhealthy 3\/10 = 30% > 20%/,
    );
    await fillField(page, 'whatif-unhealthy', '');

    await fillField(page, 'whatif-upgradeSeconds', '60');
    await fillField(page, 'whatif-healthySeconds', '0');
    await waitText(page, header, /Estimated duration\s*(\d+ min|\d+ h \d+ min)/);
    const shorter = (await page.textContent(header)) ?? '';
    assert.doesNotMatch(shorter, /1 h 7 min/);

    await fillField(page, 'whatif-seed', '3');
    await fillField(page, 'whatif-failureRate', '30');
    const seed3 = await page.getAttribute('[data-testid="current-timeline"]', 'aria-label');
    await fillField(page, 'whatif-seed', '4');
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="current-timeline"]')?.getAttribute('aria-label') !== before,
      seed3,
    );

    await fillField(page, 'whatif-capacity', 'ten');
    assert.equal(await page.getAttribute('[data-testid="whatif-capacity"]', 'aria-invalid'), 'true');
    await page.close();
  });

  test('a what-if that makes no sense gets a message under its field and leaves the last valid run in place', async () => {
    const { page, consoleErrors } = await opened();
    const header = '[data-testid="current-header"]';
    const before = (await page.textContent(header)) ?? '';
    const cases: [string, string, RegExp][] = [
      [
        'whatif-capacity',
        '0',
        /^Capacity must be a whole number of instances from 1 to 1000: an upgrade of no instance has nothing to simulate/,
      ],
      ['whatif-capacity', '-4', /^Capacity must be a whole number of instances from 1 to 1000/],
      ['whatif-capacity', 'ten', /^Capacity must be a whole number of instances from 1 to 1000/],
      ['whatif-failureRate', '150', /^Failure rate must be a number from 0 to 100 %: it is a probability\.$/],
      ['whatif-upgradeSeconds', '-5', /^Time to upgrade must be a whole number of seconds from 0 to 86400: a time cannot be negative\.$/],
      ['whatif-healthySeconds', '-1', /^Time to become healthy must be a whole number of seconds from 0 to 86400/],
      ['whatif-unhealthy', '11', /^Unhealthy instances \(11\) cannot be more than the capacity \(10 instances\)\.$/],
      ['whatif-targetVersion', 'a b', /^The target image version must be a version such as 1\.2\.3/],
    ];
    for (const [field, value, message] of cases) {
      await fillField(page, field, value);
      const error = page.locator(`[data-testid="${field}-error"]`);
      await error.waitFor({ state: 'visible' });
      assert.match((await error.textContent()) ?? '', message, `${field} = ${value}`);
      assert.equal(await page.getAttribute(`[data-testid="${field}"]`, 'aria-invalid'), 'true', field);
      assert.equal(await error.getAttribute('role'), 'alert');
      // Nothing was simulated with it: the header is the template's run, not a clamped one.
      assert.equal((await page.textContent(header)) ?? '', before, `${field} = ${value}`);
      await fillField(page, field, '');
      await error.waitFor({ state: 'hidden' });
      assert.notEqual(await page.getAttribute(`[data-testid="${field}"]`, 'aria-invalid'), 'true', field);
    }
    // Unhealthy instances asked for hold the capacity up: lowering it below them is refused too, not clamped.
    await fillField(page, 'whatif-unhealthy', '1');
    await waitText(page, '[data-testid="current-outcome"]', /Completed|Faulted/);
    await fillField(page, 'whatif-capacity', '0');
    await fillField(page, 'whatif-capacity', '1');
    await fillField(page, 'whatif-unhealthy', '');
    await fillField(page, 'whatif-unhealthy', '2');
    assert.match(
      (await page.locator('[data-testid="whatif-unhealthy-error"]').textContent()) ?? '',
      /^Unhealthy instances \(2\) cannot be more than the capacity \(1 instance\)\.$/,
    );
    // A valid value is taken at once.
    await fillField(page, 'whatif-unhealthy', '');
    await fillField(page, 'whatif-capacity', '6');
    await waitText(page, header, /6 \(what-if override\)/);
    assert.deepEqual(consoleErrors, []);
    await page.close();
  });

  test("the header names a policy value the template does not set as a default, never as the template's", async () => {
    const doc = fixture('document.json') as {
      scaleSets: { simulatorInput: { rollingUpgradePolicy: Record<string, unknown>; automaticOSUpgradePolicy: Record<string, unknown> } }[];
    };
    const set = doc.scaleSets[0]!;
    // The template writes only the batch size; the OS upgrade uses the rolling policy (useRollingUpgradePolicy).
    set.simulatorInput.rollingUpgradePolicy = { maxBatchInstancePercent: 20 };
    const { page } = await open(session.browser, session.served);
    await send(page, doc);
    await page.waitForSelector('[data-testid="current-outcome"]');
    const button = (prop: string) => page.locator(`[data-testid="current-header"] .policy button[data-property="${prop}"]`);
    assert.equal(await button('maxBatchInstancePercent').textContent(), 'batch 20%');
    assert.equal(await button('maxBatchInstancePercent').getAttribute('data-source'), 'template');
    assert.equal(await button('pauseTimeBetweenBatches').textContent(), 'pause 0 s (default)');
    assert.match((await button('pauseTimeBetweenBatches').getAttribute('title')) ?? '', /^Not set in the template: Azure's default/);
    assert.equal(await button('maxUnhealthyInstancePercent').textContent(), 'unhealthy ≤ 20% (default)');
    // Without useRollingUpgradePolicy the OS upgrade applies its own default, whatever the template writes.
    set.simulatorInput.automaticOSUpgradePolicy = { ...set.simulatorInput.automaticOSUpgradePolicy, useRollingUpgradePolicy: false };
    await send(page, doc);
    await waitText(page, '[data-testid="current-header"] .policy', /batch 20% \(OS-upgrade default\)/);
    await page.close();
  });

  test('assumption dropdowns switch the simulator (batch rounding: 7 × 20% is 1 with floor, 2 with ceil)', async () => {
    const { page } = await opened();
    await fillField(page, 'whatif-capacity', '7');
    await choose(page, 'whatif-trigger', 'Model update');
    await page.locator('details.assumptions summary').click();
    await choose(page, 'assumption-domainBoundaries', 'ignore');
    await waitText(page, '[data-testid="current-header"]', /batches of 1(?![\d–])/);
    await choose(page, 'assumption-batchRounding', 'ceil');
    // The limit becomes 2; the unhealthy budget (20% of 7 = 1) may still keep each batch at 1, and the header says so.
    await waitText(page, '[data-testid="current-header"]', /batches of (1–)?2(?!\d)|policy allows up to 2\)/);
    assert.match((await page.textContent('[data-testid="current-column"] h2')) ?? '', /batchRounding=ceil/);
    await page.close();
  });

  test('trials and reset', async () => {
    const { page } = await opened();
    await fillField(page, 'whatif-trials', '500');
    await waitText(page, '[data-testid="current-risk"] h3', /Risk over 500 trials/);
    await fillField(page, 'whatif-capacity', '6');
    await waitText(page, '[data-testid="current-header"]', /6 \(what-if override\)/);
    await page.locator('[data-testid="whatif-reset"]').click();
    await waitText(page, '[data-testid="current-header"]', /10 \(template\)/);
    assert.equal(await page.locator('[data-testid="whatif-capacity"] input').inputValue(), '');
    await page.close();
  });
});

describe('compare, export, reveal', () => {
  test('compare mode pins the current result and shows the next one beside it', async () => {
    const { page } = await opened();
    await waitForRisk(page);
    await page.locator('[data-testid="pin"]').click();
    await fillField(page, 'whatif-capacity', '3');
    await page.waitForSelector('[data-testid="pinned-column"]');
    assert.match((await page.textContent('[data-testid="pinned-column"] h2')) ?? '', /Pinned: batch 20%, as in the template/);
    assert.match((await page.textContent('[data-testid="current-column"] h2')) ?? '', /Current: batch 20%, capacity 3/);
    assert.equal(await page.locator(ROWS('pinned')).count(), 10);
    assert.equal(await page.locator(ROWS('current')).count(), 3);
    assert.equal(await page.locator('[data-testid="pinned-risk"][data-state="done"]').count(), 1, 'the pinned risk stays');
    await page.locator('[data-testid="copy-summary"]').click();
    const copy = (await posted(page)).filter((m) => m.type === 'copy').pop();
    assert.match(String(copy?.text), /\| \| Pinned: as in the template \| Current: capacity 3 \|/);
    await page.locator('[data-testid="pin"]').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="pinned-column"]'));
    await page.close();
  });

  test('exports the run as JSON with Azure shapes, the timeline as SVG, and a markdown summary', async () => {
    const { page } = await opened('faulted.json');
    await waitForRisk(page);
    await page.locator('[data-testid="export-json"]').click();
    await page.locator('[data-testid="export-svg"]').click();
    await page.locator('[data-testid="copy-summary"]').click();
    const messages = await posted(page);
    const json = messages.find((m) => m.type === 'save' && m.format === 'json');
    assert.equal(json?.fileName, 'api-vmss.upgrade-run.json');
    const body = JSON.parse(String(json?.content)) as {
      rollingUpgradesLatest: { properties: { runningStatus: { code: string }; error: { code: string } } };
      osUpgradeHistory: { value: { properties: { startedBy: string } }[] };
      monteCarlo: { summary: { trials: number } };
    };
    assert.equal(body.rollingUpgradesLatest.properties.runningStatus.code, 'Faulted');
    assert.equal(body.rollingUpgradesLatest.properties.error.code, 'MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade');
    assert.equal(body.osUpgradeHistory.value[0]?.properties.startedBy, 'Platform');
    assert.equal(body.monteCarlo.summary.trials, 10_000);
    const svg = messages.find((m) => m.type === 'save' && m.format === 'svg');
    assert.equal(svg?.fileName, 'api-vmss.timeline.svg');
    assert.match(String(svg?.content), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(String(svg?.content), /<style>svg \{[^}]*--vscode-charts-blue: #3794ff;/);
    const md = String(messages.find((m) => m.type === 'copy')?.text);
    assert.match(md, /^### Upgrade preview: `api-vmss`/);
    assert.match(md, /\| Outcome \| Faulted \(MaxUnhealthyUpgradedInstancePercentExceededInRollingUpgrade\) \|/);
    assert.match(md, /Monte Carlo: 10000 trials: completes/);
    await page.close();
  });

  test('a gate (mouse or keyboard) and a policy value reveal their property in the editor', async () => {
    const { page } = await opened('faulted.json');
    await page.locator('[data-testid="current-timeline"] .gate-fail').click();
    await page.locator('[data-testid="current-timeline"] .gate-pass').first().focus();
    await waitText(
      page,
      '[data-testid="current-batch-details"]',
      /^Batch 1, before batch: unhealthy 0\/10 = 0% ≤ 20% \(maxUnhealthyInstancePercent\): passed\.$/,
    );
    await page.keyboard.press('Enter');
    await page.locator('button[data-property="pauseTimeBetweenBatches"]').click();
    const reveals = (await posted(page)).filter((m) => m.type === 'reveal');
    const doc = fixture('faulted.json') as { uri: string; scaleSets: { propertyRanges: Record<string, unknown> }[] };
    const ranges = doc.scaleSets[0]!.propertyRanges;
    assert.deepEqual(reveals, [
      { type: 'reveal', uri: doc.uri, range: ranges.maxUnhealthyUpgradedInstancePercent },
      { type: 'reveal', uri: doc.uri, range: ranges.maxUnhealthyInstancePercent },
      { type: 'reveal', uri: doc.uri, range: ranges.pauseTimeBetweenBatches },
    ]);
    await page.close();
  });

  test('every control is reachable with the keyboard', async () => {
    const { page } = await opened();
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        let a: Element | null = document.activeElement;
        while (a && !a.getAttribute('data-testid') && !a.getAttribute('data-batch') && !a.getAttribute('data-gate')) a = a.parentElement;
        return (
          a?.getAttribute('data-testid') ??
          (a?.getAttribute('data-batch') !== null && a ? 'batch' : a?.getAttribute('data-gate') ? 'gate' : null)
        );
      });
      if (id) reached.add(id);
    }
    for (const id of [
      'pin',
      'export-json',
      'export-svg',
      'copy-summary',
      'table-view',
      'whatif-trigger',
      'whatif-capacity',
      'whatif-failureRate',
      'whatif-badImage',
      'whatif-seed',
      'whatif-reset',
      'batch',
      'gate',
    ]) {
      assert.ok(reached.has(id), `Tab reaches ${id} (reached: ${[...reached].join(', ')})`);
    }
    await page.close();
  });
});

describe('document lifecycle', () => {
  test('a broken template keeps the last good picture under a banner; the next good one clears it', async () => {
    const { page } = await opened();
    await send(page, {
      type: 'documentError',
      uri: 'file:///work/templates/azuredeploy.json',
      message: 'CloseBraceExpected at line 40, column 3',
    });
    await waitText(
      page,
      '[data-testid="banner"]',
      /cannot be read right now: CloseBraceExpected at line 40, column 3\. The picture below is the last good one/,
    );
    assert.equal(await page.locator(ROWS('current')).count(), 10);
    await send(page, fixture('document.json'));
    await page.waitForSelector('[data-testid="banner"][hidden]', { state: 'attached' });
    await page.close();
  });

  test('what-if and selection survive a reload (getState/setState)', async () => {
    const { page } = await opened();
    await choose(page, 'scale-set', '<img');
    await fillField(page, 'whatif-capacity', '8');
    await page.reload();
    await page.waitForFunction(() => Array.isArray((window as unknown as { vmssPreviewPosted?: unknown[] }).vmssPreviewPosted));
    await send(page, fixture('document.json'));
    await waitText(page, '[data-testid="current-header"]', /8 \(what-if override\)/);
    assert.match((await page.textContent('[data-testid="current-column"] h2')) ?? '', /^<img src=x onerror=alert\(1\)>: capacity 8$/);
    assert.equal(await page.locator('[data-testid="whatif-capacity"] input').inputValue(), '8');
    await page.close();
  });

  test('a select message switches the scale set (CodeLens on an open panel)', async () => {
    const { page } = await opened();
    await send(page, { type: 'select', target: { path: ['resources', 1] } });
    await waitText(page, '[data-testid="current-column"] h2', /^<img src=x/);
    await page.close();
  });
});
