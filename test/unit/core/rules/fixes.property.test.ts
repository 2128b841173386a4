// Property test: whatever template the generators build (random keys, values, casing, duplicates,
// comments, indentation and line endings), every fix that the rules offer either is refused by the
// writer or yields a document that parses without errors; on randomly damaged documents, fixes never
// add parse errors and the rules never throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules } from '../../../../server/src/core/rules';
import { applyNeutralEdits } from '../../../../server/src/core/frontEnds/json/jsonWriter';
import { parseErrors } from './harness';

type Tree = { kind: 'object'; props: [string, Tree, string | undefined][]; inline: boolean } | { kind: 'raw'; text: string };

const KEYS = [
  'mode',
  'Mode',
  'rollingUpgradePolicy',
  'RollingUpgradePolicy',
  'automaticOSUpgradePolicy',
  'automaticOSUpgrade',
  'autoOSUpgradePolicy',
  'maxBatchInstancePercent',
  'BatchInstancePercent',
  'MaxSurge',
  'maxSurge',
  'pauseTimeBetweenBatches',
  'maxUnhealthyInstancePercent',
  'maxUnhealthyUpgradedInstancePercent',
  'enableAutomaticOSUpgrade',
  'disableAutoRollback',
  'disableAutomaticRollback',
  'colour',
  'upgradePolicy',
];
const RAW_VALUES = [
  '20',
  '150',
  '-1',
  '2.5',
  '"20"',
  '"true"',
  'true',
  'false',
  'null',
  '"abc"',
  '"Rolling"',
  '"rolling"',
  '"Rollng"',
  '"PT5M"',
  '"aaaaaaaaaaaaaaa"',
  '"00:05:00"',
  '[1, 2]',
  '{}',
  `"[parameters('p')]"`,
  `"[reference('x').y]"`,
  '"Manual"',
];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...RAW_VALUES).map((text): Tree => ({ kind: 'raw', text })),
    fc.record({
      kind: fc.constant('object' as const),
      props: fc.array(
        fc.tuple(fc.constantFrom(...KEYS), tie('node'), fc.option(fc.constantFrom('// note', '/* c */'), { nil: undefined })),
        { maxLength: 5 },
      ),
      inline: fc.boolean(),
    }),
  ),
})).node;

const format = fc.record({ unit: fc.constantFrom('  ', '    ', '\t'), eol: fc.constantFrom('\n', '\r\n') });

function render(node: Tree, depth: number, fmt: { unit: string; eol: string }): string {
  if (node.kind === 'raw') return node.text;
  if (node.props.length === 0) return '{}';
  if (node.inline)
    return `{ ${node.props.map(([k, v, c]) => `${JSON.stringify(k)}: ${render(v, depth, fmt)}${c?.startsWith('/*') ? ` ${c}` : ''}`).join(', ')} }`;
  const pad = fmt.unit.repeat(depth + 1);
  const lines = node.props.map(([k, v, c], i) => {
    const comma = i < node.props.length - 1 ? ',' : '';
    return `${c ? `${pad}${c}${fmt.eol}` : ''}${pad}${JSON.stringify(k)}: ${render(v, depth + 1, fmt)}${comma}`;
  });
  return `{${fmt.eol}${lines.join(fmt.eol)}${fmt.eol}${fmt.unit.repeat(depth)}}`;
}

function template(policy: Tree, stray: Tree | undefined, apiVersion: string, fmt: { unit: string; eol: string }): string {
  const u = fmt.unit;
  const e = fmt.eol;
  return [
    '{',
    `${u}// generated`,
    `${u}"parameters": { "p": { "type": "int", "defaultValue": 3 } },`,
    `${u}"resources": [`,
    `${u}${u}{`,
    `${u}${u}${u}"type": "Microsoft.Compute/virtualMachineScaleSets",`,
    `${u}${u}${u}"apiVersion": "${apiVersion}",`,
    `${u}${u}${u}"name": "vmss",`,
    ...(stray ? [`${u}${u}${u}"upgradePolicy": ${render(stray, 3, fmt)},`] : []),
    `${u}${u}${u}"properties": {`,
    `${u}${u}${u}${u}"overprovision": false,`,
    `${u}${u}${u}${u}"upgradePolicy": ${render(policy, 4, fmt)}`,
    `${u}${u}${u}}`,
    `${u}${u}}`,
    `${u}]`,
    '}',
  ].join(e);
}

const documents = fc
  .tuple(tree, fc.option(tree, { nil: undefined }), fc.constantFrom('2017-03-30', '2018-10-01', '2020-12-01', '2024-11-01'), format)
  .map(([policy, stray, api, fmt]) => template(policy, stray, api, fmt));

test('every offered fix on generated templates yields JSON that parses', () => {
  let written = 0;
  let refused = 0;
  fc.assert(
    fc.property(documents, (text) => {
      assert.deepEqual(parseErrors(text), [], 'the generator writes valid JSONC');
      for (const finding of runRules(analyzeTemplate(text), text)) {
        for (const fix of finding.fixes) {
          const fixed = applyNeutralEdits(text, fix.edits);
          if (fixed === undefined) {
            refused++;
            continue;
          }
          written++;
          assert.deepEqual(parseErrors(fixed), [], `"${fix.title}" for ${finding.ruleId} broke the JSON:\n${text}\n---\n${fixed}`);
          runRules(analyzeTemplate(fixed), fixed);
        }
      }
    }),
    { numRuns: 300 },
  );
  // The property is only meaningful if fixes are really written, not all refused.
  assert.ok(written > 100 && refused * 20 < written, `written ${written}, refused ${refused}`);
});

test('on damaged templates, rules do not throw and fixes never add parse errors', () => {
  const damaged = fc
    .tuple(documents, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom('', '{', '"', ',', '}', ':'))
    .map(([text, at, length, insert]) => {
      const offset = at % text.length;
      return text.slice(0, offset) + insert + text.slice(offset + length);
    });
  fc.assert(
    fc.property(damaged, (text) => {
      const before = parseErrors(text).length;
      for (const finding of runRules(analyzeTemplate(text), text)) {
        assert.notEqual(finding.ruleId, 'internal-rule-error', finding.message);
        for (const fix of finding.fixes) {
          const fixed = applyNeutralEdits(text, fix.edits);
          if (fixed !== undefined) assert.ok(parseErrors(fixed).length <= before, `"${fix.title}" added parse errors`);
        }
      }
    }),
    { numRuns: 300 },
  );
});
