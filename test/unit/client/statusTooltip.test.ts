import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { statusTooltip } from '../../../client/src/statusTooltip';
import { liveMarkup, liveMarkupParsed, parseMarkdown } from '../../helpers/liveMarkup';
import { ls } from '../../helpers/languageService';

const FIXTURES = join(import.meta.dirname, '../../fixtures/robustness');

test('the status-bar tooltip shows scale-set names, policy summaries and the parameters path as text', () => {
  for (const file of ['xss-template.json', 'xss-template.bicep']) {
    const doc = ls.createDocument(file, undefined, readFileSync(join(FIXTURES, file), 'utf8'));
    const scaleSets = ls.describeScaleSets(doc);
    assert.ok(
      scaleSets.some((s) => s.name.includes('<img') || s.name.includes('](command:')),
      'the payload reaches the names',
    );
    const tooltip = statusTooltip(scaleSets, { how: 'chosen', path: 'params/[x](command:y)`$(zap)`.json' });
    assert.deepEqual(liveMarkup(tooltip), [], tooltip);
    assert.deepEqual(liveMarkupParsed(tooltip), [], tooltip);
    // Each name is one code span holding it (line breaks shown as ↵), in a list item of its own.
    const codes = parseMarkdown(tooltip)
      .flatMap((t) => t.children ?? [])
      .filter((t) => t.type === 'code_inline')
      .map((t) => t.content);
    for (const s of scaleSets) assert.ok(codes.includes(s.name.replace(/\r\n|[\r\n]/g, '↵')), s.name);
    assert.ok(codes.includes('params/[x](command:y)`$(zap)`.json'));
  }
});

test('without a parameters file the tooltip says where it looked', () => {
  const tooltip = statusTooltip([{ name: 'web', capacity: { count: 1, known: false }, summary: 'Rolling · batches 20 %' }], {
    how: 'none',
  });
  const rendered = parseMarkdown(tooltip)
    .filter((t) => t.type === 'inline')
    .map((t) => t.children!.map((c) => (c.type === 'code_inline' ? `[${c.content}]` : c.content)).join(''));
  assert.deepEqual(rendered.slice(0, 2), ['VMSS Upgrade Policy', '[web] · 1 instance (assumed): Rolling · batches 20 %']);
  assert.match(tooltip, /Parameters file: none found beside the template \(`<name>\.parameters\.json`/);
});
