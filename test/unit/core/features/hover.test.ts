import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursor } from '../../../helpers/cursor';
import { templateWith } from '../../../helpers/armTemplates';
import { liveMarkup, liveMarkupParsed } from '../../../helpers/liveMarkup';
import { jsonDocument, ls } from '../../../helpers/languageService';

function hover(marked: string, parametersText?: string): string | undefined {
  const { text, offset } = cursor(marked);
  const doc = jsonDocument(text, parametersText === undefined ? {} : { parametersText });
  const result = ls.doHover(doc, doc.lines.positionAt(offset));
  return result ? (result.contents as { value: string }).value : undefined;
}

test('property names: what, type, range, default, API version and docs', () => {
  const text = hover(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatch|InstancePercent": 20 } } }'))!;
  assert.match(text, /\*\*maxBatchInstancePercent\*\*/);
  assert.match(text, /integer · 5–100 · default 20 · since API 2017-03-30/);
  assert.match(text, /learn\.microsoft\.com\/azure\/virtual-machine-scale-sets/);
});

test('policy object names show the object', () => {
  assert.match(hover(templateWith('{ "upgradePolicy": { "rolling|UpgradePolicy": {} } }'))!, /Rolling upgrade policy/);
});

test('durations in words, and the total pause over the batches', () => {
  const text = hover(
    templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 20, "pauseTimeBetweenBatches": "PT1|0M" } } }'),
  )!;
  assert.match(text, /`PT10M` = 10 minutes/);
  assert.match(text, /4 pauses between 5 batches: 40 minutes in all/);
  assert.match(
    hover(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "10 m|in" } } }'))!,
    /not an ISO 8601 duration/,
  );
});

test('percentages in instances of the capacity, or of an assumed one', () => {
  assert.match(
    plain(hover(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|0 } } }'))!),
    /20 % of 10 = 2: 5 batches of 2\./,
  );
  // Batches smaller than the policy's size say why, with the template's own capacity.
  assert.match(
    plain(
      hover(
        templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|0 } } }', {
          capacity: 7,
          extra: ' "zones": ["1", "2", "3"],',
        }),
      )!,
    ),
    /20 % of 7 = 1: 7 batches of 1\./,
  );
  assert.match(
    plain(
      hover(
        templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|0 } } }', {
          capacity: 10,
          extra: ' "zones": ["1", "2", "3"],',
        }),
      )!,
    ),
    /20 % of 10 = 2, but a batch stays within one zone and update domain: 10 batches of 1\./,
  );
  assert.match(
    hover(templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxUnhealthyInstancePercent": |25 } } }', { capacity: 12 }))!,
    /up to 3 of 12 instances unhealthy at once/,
  );
  assert.match(
    hover(
      templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 5|0 } } }', {
        capacity: '"[reference(\'x\').count]"',
      }),
    )!,
    /capacity unknown, 10 assumed/,
  );
});

test('expressions show what they resolved to and from where', () => {
  const marked = templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "[parameters(\'pa|use\')]" } } }');
  const text = hover(marked)!;
  assert.match(text, /Effective value: `"PT5M"` — from a parameter's default value/);
  assert.match(text, /`PT5M` = 5 minutes/);
  const fromFile = hover(marked, '{ "parameters": { "pause": { "value": "PT1M" } } }')!;
  assert.match(fromFile, /Effective value: `"PT1M"` — from the parameters file/);
  const capacityExpr = hover(
    templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": 2|5 } } }', {
      capacity: '"[parameters(\'instanceCount\')]"',
    }),
  )!;
  assert.match(
    plain(capacityExpr),
    /25 % of 12 = 3, but a batch stays within one update domain and a batch is held to the instances maxUnhealthyInstancePercent allows to be unhealthy: 7 batches of 1–2/,
  );
});

test('a long expression and the long value it gives are clipped in the hover (a 50 KB expression made a 55 KB hover)', () => {
  const long = 'x'.repeat(5000);
  const marked = templateWith(
    `{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "[concat(|'PT', '${long}', 'M')]" } } }`,
  );
  const text = hover(marked)!;
  const effective = text.split('\n').find((line) => line.startsWith('Effective value:'))!;
  assert.match(effective, /^Effective value: `"PTxxx+…"` — .* \(`\[concat\('PT', 'xxx+…`\)$/);
  assert.ok(effective.length < 500, `one line of a few hundred characters (${effective.length})`);
  assert.ok(text.length < 2000, `the whole hover stays short (${text.length})`);
});

test('mode values say what the mode does', () => {
  assert.match(hover(templateWith('{ "upgradePolicy": { "mode": "Rol|ling" } }'))!, /batches/);
});

test('no hover outside policy properties, in other JSON or in broken spots', () => {
  assert.equal(hover(templateWith('{ "over|provision": false }')), undefined);
  assert.equal(hover('{ "name": "x|" }'), undefined);
  assert.equal(hover(templateWith('{ "upgradePolicy": { | } }')), undefined);
});

test('a half-typed duration (no closing quote) is read as far as it goes', () => {
  const marked = templateWith('{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "PT1|0M').split('|')[0] + '|0M';
  assert.match(hover(marked)!, /`PT10M` = 10 minutes/);
});

test('sku.capacity: the instance count and where it came from, or what is assumed', () => {
  const expr = templateWith('{}', { capacity: '"[parameters(\'instance|Count\')]"' });
  assert.match(hover(expr)!, /\*\*12 instances\*\* — from a parameter's default value \(`\[parameters\('instanceCount'\)\]`\)/);
  assert.match(hover(expr, '{ "parameters": { "instanceCount": { "value": 4 } } }')!, /\*\*4 instances\*\* — from the parameters file/);
  assert.match(
    hover(templateWith('{}', { capacity: '"[reference(\'x\').c|ount]"' }))!,
    /Capacity unknown \(`\[reference\('x'\)\.count\]`: .+\); the simulator assumes 10 instances/,
  );
  assert.match(hover(templateWith('{}', { capacity: '1|2' }))!, /\*\*12 instances\*\*: batch sizes/);
});

/** Template text must show as text: the hover has no live markup by our reading and by markdown-it's. */
function assertNoLiveMarkup(markdown: string): void {
  assert.deepEqual(liveMarkup(markdown, LINKS), [], markdown);
  assert.deepEqual(liveMarkupParsed(markdown, LINKS), [], markdown);
}
const LINKS = new Set([
  'https://learn.microsoft.com/azure/virtual-machine-scale-sets/virtual-machine-scale-sets-configure-rolling-upgrades',
]);
const PAYLOAD = '`<img src=x onerror=alert(1)>[c](command:workbench.action.terminal.new)![i](https://evil.example/p.png)$(zap)`';

test('values with backticks and markup show in a code span fenced longer than any backtick run inside', () => {
  const text = hover(
    templateWith(`{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "PT5M${PAYLOAD.replace(/"/g, '\\"')}|" } } }`),
  )!;
  assert.ok(text.includes(`\`\` PT5M${PAYLOAD} \`\` is not an ISO 8601 duration`), text);
  assertNoLiveMarkup(text);
});

test('expressions, parameter defaults and reasons that quote the template show as text', () => {
  const marked = templateWith(
    `{ "upgradePolicy": { "rollingUpgradePolicy": { "maxBatchInstancePercent": "[parameters('no|pe${PAYLOAD}')]" } } }`,
  );
  const text = hover(marked)!;
  assert.match(text, /Effective value: ``unknown \(parameters\('nope`<img/);
  assertNoLiveMarkup(text);
  const capacity = hover(templateWith('{}', { capacity: `"[parameters('c|ap${PAYLOAD}')]"` }))!;
  assert.match(capacity, /^Capacity unknown \(``\[parameters\('cap`<img src=x/);
  assertNoLiveMarkup(capacity);
});

test('a line break in a value cannot end its code span: it shows as ↵', () => {
  const text = hover(
    templateWith(
      '{ "upgradePolicy": { "rollingUpgradePolicy": { "pauseTimeBetweenBatches": "PT5M\\n\\n# <img src=x>\\n- [c](command:x)|" } } }',
    ),
  )!;
  assert.ok(text.includes('`PT5M↵↵# <img src=x>↵- [c](command:x)` is not an ISO 8601 duration'), text);
  assertNoLiveMarkup(text);
});

/** The hover's markdown without its escapes. */
function plain(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}
