// End-to-end: change impact in a real VS Code (code-server) on a trusted Git workspace: the client reads
// HEAD through VS Code's Git extension, an edit brings the "Deploying this (vs HEAD)" lens, which opens the
// preview at its Change impact section. (Restricted Mode disables the Git extension: the other e2e file
// runs there and sees no such lens.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { ARTIFACTS, launchWorkbench, poll, type Workbench } from './codeServer';
import { previewText } from './webviews';

const TEMPLATE = 'azuredeploy.json';
const FIXTURE_LINES = readFileSync(join(__dirname, '..', 'fixtures', 'e2e', TEMPLATE), 'utf8').split('\n');

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

describe('change impact against HEAD in a real VS Code', { timeout: 300_000 }, () => {
  let wb: Workbench;

  before(async () => {
    wb = await launchWorkbench({
      trusted: true,
      prepare: (workspace) => {
        git(workspace, 'init', '-q', '-b', 'main');
        git(workspace, 'add', '-A');
        git(workspace, 'commit', '-q', '-m', 'templates as they are deployed');
      },
    });
    await wb.openFile(TEMPLATE);
  });

  let step = 0;
  afterEach(async () => {
    await wb?.screenshot(`impact-${String(++step).padStart(2, '0')}`);
  });

  after(async () => {
    await wb?.close();
  });

  it('an edit of the image brings a lens that says how it rolls out, and the lens opens the Change impact section', async () => {
    // Nothing changed yet: no change-impact lens, only the simulation's.
    await wb.page.locator('.codelens-decoration a', { hasText: /batch/i }).first().waitFor({ timeout: 60_000 });
    assert.equal(await wb.page.locator('.codelens-decoration a', { hasText: 'Deploying this' }).count(), 0);
    // A new image SKU: a model change delivered in batches under Rolling.
    const line = FIXTURE_LINES.findIndex((l) => l.includes('22_04-lts-gen2')) + 1;
    await wb.goTo(line, FIXTURE_LINES[line - 1]!.indexOf('-gen2') + 1);
    for (let i = 0; i < '-gen2'.length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    await wb.page.keyboard.press('Delete');
    // The lens sits on the scale set's resource line, above the edited one: bring the top into view.
    await wb.page.keyboard.press('Control+Home');
    const lens = wb.page.locator('.codelens-decoration a', { hasText: 'Deploying this (vs HEAD)' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const title = (await lens.textContent()) ?? '';
    writeFileSync(join(ARTIFACTS, 'impact-lens.txt'), title);
    assert.match(title, /^Deploying this \(vs HEAD\): rolling model update, \d+ batch(es)?, ≈/);
    await wb.screenshot('impact-lens');
    await lens.click();
    const text = await poll(
      'the preview with the change impact',
      async () => {
        const t = await previewText(wb.page);
        return t && /Change impact \(vs HEAD\)/.test(t) && /imageReference\.sku/.test(t) ? t : undefined;
      },
      60_000,
    );
    writeFileSync(join(ARTIFACTS, 'impact-preview.txt'), text);
    assert.match(text, /Deploying this: rolling model update/);
    assert.match(text, /model/);
    await wb.screenshot('impact-preview');
  });
});
