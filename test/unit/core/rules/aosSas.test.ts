import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules } from '../../../../server/src/core/rules';
import { sasExpiry } from '../../../../server/src/core/rules/aos/sasRule';
import { textAt, fullText } from './harness';
import { aosPolicy, lintAt, scaleSetTemplate, UNKNOWN } from './aosHarness';

const NOW = '2026-11-25T12:00:00Z';
const sas = (expiry: string) =>
  `https://store.blob.core.windows.net/scripts/install.sh?sv=2022-11-02&se=${expiry}&sr=b&sp=r&sig=abc%2Bdef%3D`;
const withScript = (fileUri: string, upgradePolicy = aosPolicy()) =>
  scaleSetTemplate({
    upgradePolicy,
    vmProfile: `{
  "extensionProfile": {
    "extensions": [
      {
        "name": "install",
        "properties": {
          "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1",
          // the script comes from blob storage
          "settings": { "fileUris": [${fileUri}], "commandToExecute": "sh install.sh" }
        }
      }
    ]
  }
}`,
  });

test('expired-sas-token: an expired SAS is a warning that names the file, the date and the consequence, never the signature', () => {
  const text = withScript(`"${sas('2026-10-01T00:00:00Z')}"`);
  const [finding, ...rest] = lintAt(text, NOW, 'expired-sas-token');
  assert.equal(rest.length, 0);
  assert.equal(finding!.severity, 'warning');
  assert.ok(textAt(text, finding!).startsWith('"https://store.blob.core.windows.net/scripts/install.sh?'));
  assert.match(fullText(finding!), /install\.sh expired on 2026-10-01T00:00:00Z, 55 days ago\. [^]*first upgraded batch fails/);
  assert.doesNotMatch(fullText(finding!), /sig=|abc/);
  assert.equal(finding!.related.length, 1, 'points at the AOS switch');
});

test('expired-sas-token: within 30 days (URL-encoded expiry, epoch-ms clock) is a warning; later is silent', () => {
  const soon = withScript(`"${sas('2026-12-10T00%3A00%3A00Z')}"`);
  const [finding] = lintAt(soon, Date.parse(NOW), 'expired-sas-token');
  assert.match(fullText(finding!), /expires on 2026-12-10T00:00:00Z, in 14 days/);
  assert.deepEqual(lintAt(withScript(`"${sas('2027-06-01')}"`), NOW, 'expired-sas-token'), []);
});

test('expired-sas-token: without AOS the message names reimages, repairs and scale-outs', () => {
  const [finding] = lintAt(withScript(`"${sas('2026-01-01')}"`, '{ "mode": "Manual" }'), NOW, 'expired-sas-token');
  assert.match(fullText(finding!), /reimage, a repair, a scale-out/);
});

test('expired-sas-token: silent without a clock, for unsigned URLs, unreadable expiries and unknown values', () => {
  assert.deepEqual(lintAt(withScript(`"${sas('2026-01-01')}"`), undefined, 'expired-sas-token'), [], 'the engine has no clock of its own');
  assert.deepEqual(lintAt(withScript(`"${sas('2026-01-01')}"`), 'not a time', 'expired-sas-token'), []);
  assert.deepEqual(
    lintAt(withScript('"https://store.blob.core.windows.net/scripts/install.sh?se=2026-01-01"'), NOW, 'expired-sas-token'),
    [],
  );
  assert.deepEqual(lintAt(withScript(`"${sas('tomorrow')}"`), NOW, 'expired-sas-token'), []);
  assert.deepEqual(lintAt(withScript(UNKNOWN), NOW, 'expired-sas-token'), []);
});

test('expired-sas-token: a SAS built from a parameter default is found through the expression', () => {
  const text = scaleSetTemplate({
    parameters: `"sasToken": { "type": "string", "defaultValue": "?sv=2022-11-02&se=2026-02-01&sig=x" }`,
    upgradePolicy: aosPolicy(),
    vmProfile: `{ "extensionProfile": { "extensions": [ { "name": "s", "properties": { "type": "CustomScript", "settings": { "fileUris": ["[concat('https://a.blob.core.windows.net/c/s.sh', parameters('sasToken'))]"] } } } ] } }`,
  });
  assert.equal(lintAt(text, NOW, 'expired-sas-token').length, 1);
});

test('expired-sas-token: a bare SAS token (no URL, no leading ?) is found and named as a token', () => {
  const text = withScript('"https://a.blob.core.windows.net/c/s.sh"').replace(
    '"commandToExecute": "sh install.sh"',
    '"sasToken": "sv=2022-11-02&se=2026-01-01&sr=c&sig=zzz"',
  );
  const [finding] = lintAt(text, NOW, 'expired-sas-token');
  assert.match(fullText(finding!), /^The SAS token in settings\.sasToken of extension "install" expired on 2026-01-01/);
  assert.doesNotMatch(fullText(finding!), /zzz/);
});

test('sasExpiry: dates, date-times with and without zones (UTC), encoded values', () => {
  assert.equal(sasExpiry('x?se=2026-01-02&sig=1')!.ms, Date.UTC(2026, 0, 2));
  assert.equal(sasExpiry('x?se=2026-01-02T03:04&sig=1')!.ms, Date.UTC(2026, 0, 2, 3, 4));
  assert.equal(sasExpiry('x?sig=1&se=2026-01-02T03%3A04%3A05Z')!.ms, Date.UTC(2026, 0, 2, 3, 4, 5));
  assert.equal(sasExpiry('x?sig=1&se=%E0%A4%A'), undefined);
  assert.equal(sasExpiry('x?sig=1'), undefined);
});

test('the runner passes now only when given', () => {
  const text = withScript(`"${sas('2026-01-01')}"`);
  assert.equal(runRules(analyzeTemplate(text), text, { now: NOW }).filter((f) => f.ruleId === 'expired-sas-token').length, 1);
  assert.equal(runRules(analyzeTemplate(text), text).filter((f) => f.ruleId === 'expired-sas-token').length, 0);
});
