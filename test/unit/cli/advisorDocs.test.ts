// docs/advisor.md's worked examples are real runs: each `<!-- example: advise ARGS -->` block is what the built
// CLI prints for ARGS now. After a change to the advisor or the simulator: `npx tsx scripts/gen-advisor-examples.ts`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { exampleBlock, EXAMPLE } from '../../../scripts/advisorExamples';

test('every worked example in docs/advisor.md is the output of a real run', () => {
  const lines = readFileSync('docs/advisor.md', 'utf8').split('\n');
  let examples = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = EXAMPLE.exec(lines[i]!);
    if (!m) continue;
    examples++;
    const fence = lines[i + 2]!;
    assert.ok(fence.startsWith('```'), `a block after ${lines[i]}`);
    const close = fence.startsWith('````') ? '````' : '```';
    let j = i + 3;
    while (j < lines.length && lines[j] !== close) j++;
    const written = lines.slice(i + 2, j + 1).join('\n');
    assert.equal(
      written,
      exampleBlock(m[1]!.split(' ')),
      `docs/advisor.md: advise ${m[1]} (regenerate with npx tsx scripts/gen-advisor-examples.ts)`,
    );
  }
  assert.ok(examples >= 4, `${examples} examples`);
});
