/**
 * The preview's policy advisor in headless Chromium, fed what the extension sends: the document message built
 * from examples/rolling-zones.json by the client's toPreviewScaleSet, and the advice the language server
 * answers (the engine's adviseAt on the same text) to the `advise` message the webview posts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { toPreviewScaleSet } from '../../client/src/preview/toPreview';
import { getLanguageService } from '../../server/src/core/languageService';
import type { AdvisorGoals, AdvisorWhatIfInput } from '../../server/src/protocol';
import { fillField, open, posted, previewSession, send, waitText } from './harness';

const session = previewSession();
const ls = getLanguageService();
const URI = 'file:///work/examples/rolling-zones.json';
const TEXT = readFileSync(join(__dirname, '..', '..', 'examples', 'rolling-zones.json'), 'utf8');
const doc = ls.createDocument(URI, 'json', TEXT);

function documentMessage(version = 7) {
  const scaleSets = ls.describeScaleSets(doc).map((s) =>
    toPreviewScaleSet(s, {
      uri: URI,
      languageId: 'json',
      text: TEXT,
      offsetAt: (p) => doc.lines.offsetAt(p),
      rangeAt: (start, end) => doc.lines.rangeOf({ offset: start, length: end - start }),
    }),
  );
  return { type: 'document', uri: URI, label: 'rolling-zones.json', version, select: null, scaleSets };
}

interface AdviseMessage {
  type: 'advise';
  requestId: number;
  uri: string;
  path: (string | number)[];
  goals: AdvisorGoals;
  whatIf: AdvisorWhatIfInput;
}

/** Waits for the webview's next advise message (after `seen` of them) and answers it as the server would. */
async function answerAdvise(page: Page, seen: number, version = 7): Promise<AdviseMessage> {
  await page.waitForFunction(
    (n) => (window as unknown as { vmssPreviewPosted: { type: string }[] }).vmssPreviewPosted.filter((m) => m.type === 'advise').length > n,
    seen,
  );
  const m = (await posted(page)).filter((x) => x.type === 'advise')[seen] as unknown as AdviseMessage;
  const result = ls.adviseAt(doc, m.path, m.goals, m.whatIf);
  await send(page, { type: 'advice', requestId: m.requestId, version, result, error: null });
  return m;
}

test('the advisor asks for advice on the scale set shown, draws every evaluated policy, and says what it recommends', async () => {
  const { page, consoleErrors } = await open(session.browser, session.served);
  await send(page, documentMessage());
  const asked = await answerAdvise(page, 0);
  assert.equal(asked.uri, URI);
  assert.deepEqual(asked.goals, {});
  const advice = ls.adviseAt(doc, asked.path, {}, {});
  assert.equal(advice.kind, 'advice');
  if (advice.kind !== 'advice') return;
  const verdict = await waitText(page, '[data-testid="advisor-verdict"]', /scored over/);
  assert.match(verdict, new RegExp(`${advice.evaluated.length} policies scored over ${advice.trials} trials`));
  if (!advice.keepCurrent) assert.match(verdict, new RegExp(`^Recommended: batch ${advice.recommended.policy.maxBatchInstancePercent} %`));
  assert.equal(await page.locator('[data-testid="advisor-scatter"] g.point').count(), advice.evaluated.length);
  assert.equal(await page.locator('[data-testid="advisor-scatter"] g.point.recommended').count(), advice.keepCurrent ? 0 : 1);
  assert.equal(await page.locator('[data-testid="advisor-scatter"] g.point.current').count(), advice.keepCurrent ? 0 : 1);
  // The recommendation is described and offered first.
  assert.match((await page.textContent('[data-testid="advisor-selected"]')) ?? '', /^The recommended policy: /);
  assert.equal(await page.locator('[data-testid="advisor-apply"]').textContent(), 'Apply recommended policy');
  assert.equal(await page.getAttribute('[data-testid="advisor"]', 'data-state'), 'advice');
  // Here the recommendation is the smallest loosening that meets the goals, not a point of the front: it says so.
  const onFront = advice.front.some((f) => JSON.stringify(f.policy) === JSON.stringify(advice.recommended.policy));
  assert.equal(await page.locator('[data-testid="advisor-off-front"]').count(), onFront ? 0 : 1);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('clicking a point describes it; Apply posts that policy with the advice version, goals and what-if; the answer is shown', async () => {
  const { page } = await open(session.browser, session.served);
  await send(page, documentMessage(9));
  const asked = await answerAdvise(page, 0, 9);
  const advice = ls.adviseAt(doc, asked.path, {}, {});
  if (advice.kind !== 'advice') throw new Error('expected advice');
  const other = advice.evaluated.find(
    (c) => JSON.stringify(c.policy) !== JSON.stringify(advice.recommended.policy) && c !== advice.current,
  )!;
  const label = `Policy: batch ${other.policy.maxBatchInstancePercent} %, unhealthy ${other.policy.maxUnhealthyInstancePercent} %`;
  await page.locator(`[data-testid="advisor-scatter"] g.point[aria-label^="${label}"]`).first().click();
  assert.match((await page.textContent('[data-testid="advisor-selected"]')) ?? '', /^The selected policy: /);
  assert.equal(await page.locator('[data-testid="advisor-scatter"] g.point.selected').count(), 1);
  await page.locator('[data-testid="advisor-apply"]').click();
  const apply = (await posted(page)).find((m) => m.type === 'applyPolicy');
  assert.ok(apply, 'an applyPolicy message');
  assert.equal(apply.version, 9);
  assert.deepEqual(apply.path, asked.path);
  assert.equal((apply.policy as { maxBatchInstancePercent: number }).maxBatchInstancePercent, other.policy.maxBatchInstancePercent);
  assert.equal(
    (apply.policy as { maxUnhealthyInstancePercent: number }).maxUnhealthyInstancePercent,
    other.policy.maxUnhealthyInstancePercent,
  );
  // The server writes only a policy the advice evaluated: the posted one is.
  const written = ls.policyEditsAt(doc, asked.path, apply.policy as never, apply.goals as AdvisorGoals, apply.whatIf as AdvisorWhatIfInput);
  assert.equal(written.kind, 'edits', JSON.stringify(written));
  await send(page, { type: 'policyApplied', ok: false, message: 'The template changed since this advice; the preview advises again.' });
  assert.equal(
    await page.textContent('[data-testid="advisor-status"]'),
    'The template changed since this advice; the preview advises again.',
  );
  await page.close();
});

test('a goal typed asks again with it; an invalid goal says why and asks nothing; a refusal is shown in words', async () => {
  const { page } = await open(session.browser, session.served);
  await send(page, documentMessage());
  await answerAdvise(page, 0);
  await waitText(page, '[data-testid="advisor-verdict"]', /scored over/);
  await fillField(page, 'goal-maxHalt', '1');
  const asked = await answerAdvise(page, 1);
  assert.deepEqual(asked.goals, { maxHalt: 0.01 });
  await waitText(page, '[data-testid="advisor-verdict"]', /scored over/);
  const before = (await posted(page)).filter((m) => m.type === 'advise').length;
  await fillField(page, 'goal-minServing', '-3');
  await waitText(page, '[data-testid="goal-minServing-error"]', /whole number of 0 or more/);
  await page.waitForTimeout(600);
  assert.equal((await posted(page)).filter((m) => m.type === 'advise').length, before, 'no request for an invalid goal');
  // A goal the scale set cannot meet: the engine's refusal, as text.
  await fillField(page, 'goal-minServing', '5000');
  const third = await answerAdvise(page, before);
  assert.equal(third.goals.minServing, 5000);
  const refusal = await waitText(page, '[data-testid="advisor-refusal"]', /contradictory goals/i);
  assert.match(refusal, /^Contradictory goals: at least 5000 serving is more than the \d+ instances of /);
  await page.close();
});

test('an answer to an older request is dropped; table view lists the Pareto front as the CLI does', async () => {
  const { page } = await open(session.browser, session.served);
  await send(page, documentMessage());
  const first = await answerAdvise(page, 0);
  await waitText(page, '[data-testid="advisor-verdict"]', /scored over/);
  await fillField(page, 'goal-maxHalt', '2');
  await page.waitForFunction(
    () => (window as unknown as { vmssPreviewPosted: { type: string }[] }).vmssPreviewPosted.filter((m) => m.type === 'advise').length > 1,
  );
  // The first request's id again, now stale: a refusal under it must not replace anything.
  await send(page, {
    type: 'advice',
    requestId: first.requestId,
    version: 7,
    result: { kind: 'invalidInput', message: 'stale' },
    error: null,
  });
  await answerAdvise(page, 1);
  await waitText(page, '[data-testid="advisor-verdict"]', /scored over/);
  assert.equal(await page.locator('[data-testid="advisor-refusal"]').count(), 0);
  await page.locator('[data-testid="table-view"]').click();
  const advice = ls.adviseAt(doc, first.path, { maxHalt: 0.02 }, {});
  if (advice.kind !== 'advice') throw new Error('expected advice');
  await page.waitForSelector('[data-testid="advisor-front-table"]');
  assert.equal(await page.locator('[data-testid="advisor-front-table"] tbody tr').count(), advice.front.length);
  const header = await page.locator('[data-testid="advisor-front-table"] thead th').allTextContents();
  assert.deepEqual(header.slice(1, 3), ['batch %', 'unhealthy %']);
  await page.close();
});

test('nothing to tune (mode Manual): the engine says so in words, and no goal field is offered', async () => {
  const { page } = await open(session.browser, session.served);
  const manual = TEXT.replace(/"mode":\s*"Rolling"/, '"mode": "Manual"').replace(
    /"enableAutomaticOSUpgrade":\s*true/,
    '"enableAutomaticOSUpgrade": false',
  );
  assert.ok(!/"Rolling"|"enableAutomaticOSUpgrade": true/.test(manual));
  const manualDoc = ls.createDocument(URI, 'json', manual);
  await send(page, { ...documentMessage(), version: 8 });
  await page.waitForFunction(() =>
    (window as unknown as { vmssPreviewPosted: { type: string }[] }).vmssPreviewPosted.some((m) => m.type === 'advise'),
  );
  const m = (await posted(page)).find((x) => x.type === 'advise') as unknown as AdviseMessage;
  await send(page, { type: 'advice', requestId: m.requestId, version: 8, result: ls.adviseAt(manualDoc, m.path, {}, {}), error: null });
  const refusal = await waitText(page, '[data-testid="advisor-refusal"]', /Nothing to tune/);
  assert.match(refusal, /^Nothing to tune: .* is in mode Manual without automatic OS upgrade/);
  assert.equal(await page.locator('[data-testid="goal-maxHalt"]').isVisible(), false);
  assert.equal(await page.locator('[data-testid="advisor-scatter"]').count(), 0);
  await page.close();
});
