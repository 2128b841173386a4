// End-to-end: the packaged .vsix in a real VS Code (code-server), driven by headless Chromium.
// The workspace is untrusted (Restricted Mode), as a freshly cloned repository is.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { ARTIFACTS, launchWorkbench, poll, type Workbench } from './codeServer';
import { previewText, webviewText } from './webviews';

const TEMPLATE = 'azuredeploy.json';
/** 1-based positions in test/fixtures/e2e/azuredeploy.json. */
const AT = {
  rollingOpen: { line: 28, text: '"rollingUpgradePolicy": {' },
  maxBatch: { line: 29, text: '"maxBatchInstancePercent"' },
  outOfRange: { line: 30, text: '150' },
  duration: { line: 32, text: '"2 minutes"' },
};

describe('the extension in a real VS Code', { timeout: 300_000 }, () => {
  let wb: Workbench;

  before(async () => {
    wb = await launchWorkbench();
    await wb.openFile(TEMPLATE);
  });

  // What the window showed when each test ended (what matters when a test fails).
  let step = 0;
  afterEach(async () => {
    await wb?.screenshot(`after-${String(++step).padStart(2, '0')}`);
  });

  after(async () => {
    await wb?.close();
  });

  it('activates in Restricted Mode and shows the status bar item on a template', async () => {
    const statusbar = wb.page.locator('.statusbar');
    await statusbar.getByText('Restricted Mode').first().waitFor();
    await statusbar.getByText(/1 scale set/).waitFor({ timeout: 60_000 });
    // The editor-title button shows on a template.
    await wb.page.locator('.editor-actions [aria-label*="Preview Upgrade"]').first().waitFor();
    await wb.screenshot('01-restricted-mode');
  });

  it('reports problems with our rule ids in the Problems view', async () => {
    // value-out-of-range is an error, invalid-duration a warning (Azure's rejection of a malformed duration is not documented).
    await poll(
      'squiggles',
      async () => (await wb.page.locator('.squiggly-error').count()) >= 1 && (await wb.page.locator('.squiggly-warning').count()) >= 1,
      60_000,
    );
    await wb.page.keyboard.press('Control+Shift+M');
    const rows = wb.page.locator('.markers-panel .monaco-list-row');
    const text = await poll('our problems', async () => {
      const all = (await rows.allInnerTexts()).join('\n');
      return all.includes('invalid-duration') && all.includes('value-out-of-range') ? all : undefined;
    });
    assert.match(text, /vmss-upgrade\s*\(?invalid-duration/);
    assert.match(text, /vmss-upgrade\s*\(?value-out-of-range/);
    await focusEditor(wb);
    await wb.goTo(AT.duration.line, column(AT.duration));
    await wb.screenshot('02-diagnostics');
  });

  it('opens the documentation of the rule under the cursor', async () => {
    await focusEditor(wb);
    await wb.goTo(AT.outOfRange.line, column(AT.outOfRange) + 1);
    await wb.runCommand('VMSS: Show Rule Documentation');
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'value-out-of-range' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /at the cursor/);
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tab.active', { hasText: 'value-out-of-range' }).waitFor();
    // The page shipped in the .vsix, rendered by the Markdown preview.
    await poll('the rule page', () => webviewText(wb.page, /value-out-of-range[\s\S]*What it checks/));
    await wb.screenshot('03-rule-docs');
    await wb.page.locator('.tab.active .tab-actions .action-label').click();
    await wb.openFile(TEMPLATE);
  });

  it('checks Bicep files too', async () => {
    await wb.openFile('web.bicep');
    const text = await poll(
      'problems in web.bicep',
      async () => {
        const t = await wb.page.locator('.markers-panel').innerText();
        return /web\.bicep[\s\S]*invalid-duration/.test(t) ? t : undefined;
      },
      30_000,
    );
    assert.match(text, /rolling-policy-unused/);
    await wb.screenshot('03-bicep');
    // Closed, its problems leave the Problems view (later tests read it).
    await wb.page.locator('.tab.active .tab-actions .action-label').click();
    await poll('web.bicep closed', async () => !(await wb.page.locator('.markers-panel').innerText()).includes('web.bicep'));
    await wb.openFile(TEMPLATE);
  });

  it('completes inside rollingUpgradePolicy with our items', async () => {
    await focusEditor(wb);
    await wb.goTo(AT.rollingOpen.line, lineLength(AT.rollingOpen.line) + 1);
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.press('Control+Space');
    const rows = wb.page.locator('.suggest-widget .monaco-list-row');
    const labels = await poll('suggestions', async () => {
      const all = await rows.allInnerTexts();
      return all.some((l) => l.includes('maxSurge')) ? all.join('\n') : undefined;
    });
    // Only properties that are not there yet, from the catalog.
    assert.match(labels, /enableCrossZoneUpgrade/);
    assert.match(labels, /rollbackFailedInstancesOnPolicyBreach/);
    assert.doesNotMatch(labels, /maxBatchInstancePercent/);
    await wb.screenshot('04-completion');
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('File: Revert File');
    await poll('the edit reverted', async () => !(await isDirty(wb)));
  });

  it('shows our documentation on hover', async () => {
    await wb.goTo(AT.maxBatch.line, column(AT.maxBatch) + 3);
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I');
    const hover = wb.page.locator('.monaco-hover:visible');
    const text = await poll('hover', async () => {
      const t = (await hover.allInnerTexts()).join('\n');
      return t.includes('Largest share') ? t : undefined;
    });
    assert.match(text, /default 20/);
    assert.match(text, /20 % of 10 instances is 2/);
    await wb.screenshot('05-hover');
    await wb.page.keyboard.press('Escape');
  });

  it('tells a finding in full on hover over the flagged value', async () => {
    await focusEditor(wb);
    await wb.goTo(AT.outOfRange.line, column(AT.outOfRange) + 1);
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I');
    const hover = wb.page.locator('.monaco-hover:visible');
    const text = await poll('hover with the finding', async () => {
      const t = (await hover.allInnerTexts()).join('\n');
      return t.includes('Rule documentation') ? t : undefined;
    });
    assert.match(
      text,
      /value-out-of-range: maxUnhealthyInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails\./,
    );
    assert.match(text, /without a value it is 20 %/);
    await wb.screenshot('05b-finding-hover');
    await wb.page.keyboard.press('Escape');
  });

  it('applies a quick fix that rewrites the file correctly', async () => {
    await wb.goTo(AT.duration.line, column(AT.duration) + 2);
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Change to "PT2M"' });
    await fix.waitFor();
    await wb.screenshot('06-quick-fix');
    await fix.click();
    await wb.page.keyboard.press('Control+S');
    const saved = await poll('the fixed file on disk', () => {
      const text = readFileSync(join(wb.workspace, TEMPLATE), 'utf8');
      return text.includes('"pauseTimeBetweenBatches": "PT2M"') ? text : undefined;
    });
    assert.doesNotMatch(saved, /2 minutes/);
    // Only that value changed: the rest of the file is byte for byte the fixture.
    const original = readFileSync(join(__dirname, '..', 'fixtures', 'e2e', TEMPLATE), 'utf8');
    assert.equal(saved, original.replace('"2 minutes"', '"PT2M"'));
    await poll(
      'the invalid-duration problem gone',
      async () => !(await wb.page.locator('.markers-panel').innerText()).includes('invalid-duration'),
    );
  });

  it('follows a .vmss-upgrade.json, and validates it with its schema', async () => {
    const config = join(wb.workspace, '.vmss-upgrade.json');
    const problems = wb.page.locator('.markers-panel');
    writeFileSync(config, '{\n  "rules": {\n    "value-out-of-range": "off",\n    "invalid-enum-value": "loud"\n  }\n}\n');
    await poll('value-out-of-range turned off', async () => !(await problems.innerText()).includes('value-out-of-range'), 30_000);
    await wb.openFile('.vmss-upgrade.json');
    await poll(
      'the schema to flag "loud"',
      async () => /\.vmss-upgrade\.json[\s\S]*Value is not accepted/.test(await problems.innerText()),
      30_000,
    );
    await wb.screenshot('07-config-file');
    await wb.page.locator('.tab.active .tab-actions .action-label').click();
    rmSync(config);
    await poll('value-out-of-range back', async () => (await problems.innerText()).includes('value-out-of-range'), 30_000);
  });

  it('lints every template of the workspace into the Problems view', async () => {
    await wb.runCommand('VMSS: Lint Workspace');
    const problems = wb.page.locator('.markers-panel');
    const text = await poll(
      'the unopened template in Problems',
      async () => {
        const t = await problems.innerText();
        return t.includes('edge-vmss.json') ? t : undefined;
      },
      60_000,
    );
    assert.match(text, /rolling-requires-health/);
    assert.match(text, /value-out-of-range/);
    // Bicep files too (closed since the Bicep test).
    assert.match(text, /web\.bicep[\s\S]*invalid-duration/);
    // Not a template: the byte pre-filter skips it.
    assert.doesNotMatch(text, /app-settings\.json/);
    await wb.page.locator('.notifications-toasts', { hasText: /templates? checked/ }).waitFor();
    await wb.screenshot('08-lint-workspace');
  });

  it('uses the parameters file chosen from the status bar', async () => {
    await wb.openFile(TEMPLATE);
    await wb.page
      .locator('.statusbar')
      .getByText(/1 scale set/)
      .click();
    const row = wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'azuredeploy.staging.parameters.json' }).first();
    await row.waitFor();
    await row.click();
    await wb.page
      .locator('.statusbar')
      .getByText(/azuredeploy\.staging\.parameters\.json/)
      .waitFor();
    // The server now resolves sku.capacity from the chosen file: 4 instances instead of 10.
    await wb.page
      .locator('.statusbar')
      .getByText(/1 scale set/)
      .hover();
    await poll('the status tooltip with 4 instances', async () =>
      (await wb.page.locator('.monaco-hover:visible, .workbench-hover:visible').allInnerTexts())
        .join('\n')
        .includes('web-vmss · 4 instances'),
    );
    await wb.screenshot('09-parameters-file');
    await focusEditor(wb);
  });

  it('restarts the language server when it dies, and says so once', async () => {
    const pid = serverPid(wb);
    process.kill(pid, 'SIGKILL');
    await wb.page.locator('.notifications-toasts', { hasText: 'stopped unexpectedly and was restarted' }).waitFor({ timeout: 30_000 });
    await poll(
      'a new server process',
      () => {
        const p = serverPidOrUndefined(wb);
        return p !== undefined && p !== pid;
      },
      30_000,
    );
    // The new server answers: an edit brings a problem back.
    await wb.openFile(TEMPLATE);
    await wb.goTo(AT.duration.line, 1);
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Shift+Home');
    await wb.page.keyboard.type('"pauseTimeBetweenBatches": "soon",');
    await poll(
      'the new server to report invalid-duration',
      async () => (await wb.page.locator('.markers-panel').innerText()).includes('invalid-duration'),
      30_000,
    );
    await wb.screenshot('10-restarted');
    await wb.runCommand('File: Revert File');
    await poll('the edit reverted', async () => !(await isDirty(wb)));
    // The toast has been seen; the screenshots that follow (the README's among them) show the product, not it.
    await wb.runCommand('Notifications: Clear All Notifications');
    await poll('the toast gone', async () => (await wb.page.locator('.notifications-toasts .notification-toast').count()) === 0);
  });

  it('shows a CodeLens that opens the preview, which renders the batches', async () => {
    const lens = wb.page.locator('.codelens-decoration a', { hasText: /batch/i }).first();
    await lens.waitFor({ timeout: 30_000 });
    await wb.screenshot('11-codelens');
    await lens.click();
    // 4 instances (the staging parameters file chosen above) in batches of 20 %: four batches of one.
    const text = await poll(
      'the preview with the batches of the template',
      async () => {
        const t = await previewText(wb.page);
        return t && /4 batches of (up to )?1\b/.test(t) ? t : undefined;
      },
      60_000,
    );
    writeFileSync(join(ARTIFACTS, '12-preview.txt'), text);
    assert.match(text, /Upgrade preview · azuredeploy\.json/);
    assert.match(text, /web-vmss/);
    // maxUnhealthyInstancePercent 150 (the value the hover test flags) is outside the API's range, so Azure
    // rejects the deployment: the preview says Blocked and shows the plan, not a run of batches.
    assert.match(text, /Blocked by value-out-of-range/);
    assert.match(text, /20 % of 4 = 1: 4 batches of 1/);
    await wb.screenshot('12-preview');
  });

  it('updates the preview when the template changes', async () => {
    // Back to the template (the preview opened beside it): batches of 50 % instead of 20 %.
    await wb.openFile(TEMPLATE);
    await wb.goTo(AT.maxBatch.line, column({ line: AT.maxBatch.line, text: '20' }));
    await wb.page.keyboard.press('Shift+ArrowRight');
    await wb.page.keyboard.press('Shift+ArrowRight');
    await wb.page.keyboard.type('50');
    // The policy now allows batches of 2 (the plan says so, and why a batch is smaller where it is).
    const after = await poll(
      'the preview of the edited policy',
      async () => {
        const t = await previewText(wb.page);
        return t?.includes('batch 50%') && /50 % of 4 = 2\b/.test(t) ? t : undefined;
      },
      60_000,
    );
    writeFileSync(join(ARTIFACTS, '13-preview-updated.txt'), after);
    assert.doesNotMatch(after, /batch 20%/);
    assert.doesNotMatch(after, /cannot be read/);
    await wb.screenshot('13-preview-updated');
  });
});

const fixtureLines = readFileSync(join(__dirname, '..', 'fixtures', 'e2e', TEMPLATE), 'utf8').split('\n');

function lineLength(line: number): number {
  return fixtureLines[line - 1]!.length;
}

/** 1-based column where `text` starts on its line of the fixture. */
function column(at: { line: number; text: string }): number {
  const index = fixtureLines[at.line - 1]!.indexOf(at.text);
  assert.ok(index >= 0, `"${at.text}" is not on line ${at.line}`);
  return index + 1;
}

/** The language server process code-server started for our extension (found by its path). */
function serverPidOrUndefined(wb: Workbench): number | undefined {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  const line = ps.split('\n').find((l) => l.includes(wb.extensionsDir) && l.includes('dist/server.js'));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

function serverPid(wb: Workbench): number {
  const pid = serverPidOrUndefined(wb);
  assert.ok(pid, 'no language server process found');
  return pid;
}

async function focusEditor(wb: Workbench): Promise<void> {
  await wb.page.locator('.editor-instance .monaco-editor .view-lines').first().click();
}

async function isDirty(wb: Workbench): Promise<boolean> {
  return (await wb.page.locator('.tab.active.dirty').count()) > 0;
}
