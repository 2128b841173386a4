// Bicep syntax trees stay shallow whatever the text: nesting and left-leaning chains (operators, accessors,
// unary runs) all count towards the parser's depth bound, so the evaluator and every walk over the tree
// recurse a bounded number of times.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeBicep } from '../../../../server/src/core/bicep/analyzeBicep';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import { MAX_DEPTH } from '../../../../server/src/core/bicep/tokenStream';
import { asInteger } from '../../../../server/src/core/model/values';

/** Objects on the deepest path of a syntax tree (walked iteratively). */
function treeDepth(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    max = Math.max(max, depth);
    for (const [key, child] of Object.entries(node)) if (key !== 'span') stack.push([child, depth + 1]);
  }
  return max;
}

const template = (capacity: string) => `resource v 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: 'v'
  sku: { name: 'x', capacity: ${capacity} }
  properties: { upgradePolicy: { mode: 'Rolling' } }
}
`;

const N = 200_000;
const HOSTILE: Readonly<Record<string, string>> = {
  'a + chain': Array(N).fill('1').join(' + '),
  'a ?? chain': `${Array(N).fill('null').join(' ?? ')} ?? 3`,
  'an && chain': Array(N).fill('true').join(' && '),
  'a member chain': `{a: 1}${'.a'.repeat(N)}`,
  'an index chain': `[1]${'[0]'.repeat(N)}`,
  'a run of minus signs': `${'-'.repeat(N)}1`,
  'a run of negations': `${'!'.repeat(N)}true`,
  'nested calls': `${'min('.repeat(N)}1${')'.repeat(N)}`,
  'nested parentheses': `${'('.repeat(N)}1${')'.repeat(N)}`,
  'nested arrays': `${'['.repeat(N)}${']'.repeat(N)}`,
  'nested objects': `${'{a: '.repeat(N)}1${'}'.repeat(N)}`,
  'a ternary chain': `${'false ? 1 : '.repeat(N)}2`,
};

for (const [what, expression] of Object.entries(HOSTILE)) {
  test(`${what} 200,000 long: one depth problem, a shallow tree, an unknown capacity, the rest of the file read`, () => {
    const text = template(expression);
    const file = parseBicep(text);
    const tooDeep = file.problems.filter((p) => /nested more than 128 levels deep/.test(p.message));
    assert.ok(
      tooDeep.length >= 1 && tooDeep.length <= 2,
      file.problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('\n'),
    );
    assert.ok(
      file.problems.length <= 3,
      file.problems
        .slice(0, 5)
        .map((p) => p.message)
        .join('\n'),
    );
    assert.ok(treeDepth(file.statements) < 10 * MAX_DEPTH, `${treeDepth(file.statements)} levels`);
    const model = analyzeBicep(text);
    const [scaleSet] = model.scaleSets;
    assert.equal(scaleSet?.displayName, 'v');
    assert.notEqual(scaleSet!.capacity?.kind, 'number', 'a value past the bound is not evaluated');
    assert.doesNotMatch(JSON.stringify(scaleSet!.capacity ?? null), /call stack|RangeError/);
  });
}

test('chains within the bound still evaluate', () => {
  const capacity = analyzeBicep(template(Array(100).fill('1').join(' + '))).scaleSets[0]!.capacity;
  assert.equal(asInteger(capacity), 100);
  assert.equal(asInteger(analyzeBicep(template(`[[[7]]]${'[0]'.repeat(3)}`)).scaleSets[0]!.capacity), 7);
  assert.equal(asInteger(analyzeBicep(template(`${'-'.repeat(100)}5`)).scaleSets[0]!.capacity), 5);
  assert.deepEqual(parseBicep(template(Array(100).fill('1').join(' + '))).problems, []);
});
