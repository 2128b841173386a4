// End-to-end: the policy advisor in a real VS Code (code-server). A template whose 20/20/20 policy another
// policy dominates gets the "Tune rolling policy…" lens; clicking it writes the recommendation. Undone, the
// preview's advisor section offers the same recommendation, and its Apply button writes it through VS Code.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Frame } from 'playwright-core';
import { advisePolicy } from '../../server/src/core/advisor';
import { getLanguageService } from '../../server/src/core/languageService';
import { ARTIFACTS, launchWorkbench, poll, type Workbench } from './codeServer';

const TEMPLATE = 'zonal-advisor.json';
const TEXT = readFileSync(join(__dirname, '..', 'fixtures', 'advisor', 'zonal-10.json'), 'utf8');
const advice = advisePolicy(getLanguageService().createDocument(TEMPLATE, 'json', TEXT).model.scaleSets[0]!);
if (advice.kind !== 'advice') throw new Error('the fixture must get advice');
const UPGRADED = advice.recommended.policy.maxUnhealthyUpgradedInstancePercent;

describe('the policy advisor in a real VS Code', { timeout: 300_000 }, () => {
  let wb: Workbench;
  const onDisk = () => readFileSync(join(wb.workspace, TEMPLATE), 'utf8');
  const written = (text: string) => text.includes(`"maxUnhealthyUpgradedInstancePercent": ${UPGRADED},`);
  /** Saves until the file on disk passes `check`: the edit arrives asynchronously (a code action, an applyEdit). */
  const saveUntil = (what: string, check: (text: string) => boolean) =>
    poll(what, async () => {
      await wb.page.keyboard.press('Control+S');
      return check(onDisk()) ? onDisk() : undefined;
    });

  before(async () => {
    wb = await launchWorkbench({ prepare: (workspace) => writeFileSync(join(workspace, TEMPLATE), TEXT) });
    await wb.openFile(TEMPLATE);
  });

  let step = 0;
  afterEach(async () => {
    await wb?.screenshot(`advisor-${String(++step).padStart(2, '0')}`);
  });

  after(async () => {
    await wb?.close();
  });

  it('the "Tune rolling policy…" lens writes the recommendation into the file, and only the changed value', async () => {
    assert.ok(!written(TEXT));
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Tune rolling policy…' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const title = (await lens.textContent()) ?? '';
    writeFileSync(join(ARTIFACTS, 'advisor-lens.txt'), title);
    assert.match(title, new RegExp(`maxUnhealthyUpgradedInstancePercent 20 → ${UPGRADED}`));
    await lens.click();
    const saved = await saveUntil('the tuned file on disk', written);
    assert.equal(saved, TEXT.replace('"maxUnhealthyUpgradedInstancePercent": 20,', `"maxUnhealthyUpgradedInstancePercent": ${UPGRADED},`));
    // Written, the policy is the recommendation: no tune lens any more.
    await poll(
      'the tune lens gone',
      async () => (await wb.page.locator('.codelens-decoration a', { hasText: 'Tune rolling policy' }).count()) === 0,
    );
    await wb.page.keyboard.press('Control+Z');
    await saveUntil('the file as it was', (t) => t === TEXT);
  });

  it("the preview's advisor shows the recommendation, and Apply writes it through VS Code", async () => {
    await wb.runCommand('VMSS: Preview Upgrade');
    const frame = await poll(
      'the advisor in the preview',
      async () => {
        for (const f of wb.page.frames()) {
          const found = await f
            .locator('[data-testid="advisor-verdict"]')
            .count()
            .catch(() => 0);
          if (found > 0) return f;
        }
        return undefined;
      },
      60_000,
    );
    const verdict = (await (frame as Frame).locator('[data-testid="advisor-verdict"]').textContent()) ?? '';
    writeFileSync(join(ARTIFACTS, 'advisor-preview.txt'), verdict);
    assert.match(verdict, new RegExp(`^Recommended: batch \\d+ %, unhealthy \\d+ %, upgraded ${UPGRADED} %`));
    await wb.screenshot('advisor-preview');
    await (frame as Frame).locator('[data-testid="advisor-apply"]').click();
    await poll('the policy written', async () =>
      /Policy written into the template/.test(
        (await (frame as Frame)
          .locator('[data-testid="advisor-status"]')
          .textContent()
          .catch(() => '')) ?? '',
      ),
    );
    await wb.openFile(TEMPLATE);
    const saved = await saveUntil('the applied file on disk', written);
    assert.equal(saved, TEXT.replace('"maxUnhealthyUpgradedInstancePercent": 20,', `"maxUnhealthyUpgradedInstancePercent": ${UPGRADED},`));
  });
});
