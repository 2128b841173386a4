// Fills the worked examples of docs/advisor.md from real runs of the built CLI: after each
// `<!-- example: advise ARGS -->` line, the block that follows (if any) is replaced by the command and its
// output. Run `npm run build` first. test/unit/cli/advisorDocs.test.ts checks the page against new runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleBlock, EXAMPLE } from './advisorExamples';

const page = join(import.meta.dirname, '..', 'docs', 'advisor.md');
const lines = readFileSync(page, 'utf8').split('\n');
const out: string[] = [];
for (let i = 0; i < lines.length; i++) {
  const line = lines[i]!;
  out.push(line);
  const m = EXAMPLE.exec(line);
  if (!m) continue;
  // Drop the block written before (a blank line, a fence, its body, the closing fence).
  let j = i + 1;
  if (lines[j] === '' && lines[j + 1]?.startsWith('```')) {
    j += 2;
    while (j < lines.length && !lines[j]!.startsWith('```')) j++;
    i = j;
  }
  out.push('', ...exampleBlock(m[1]!.split(' ')).split('\n'));
}
writeFileSync(page, out.join('\n'));
