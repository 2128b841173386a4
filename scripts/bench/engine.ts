// Engine benchmark: full analysis of generated templates against the floor, jsonc-parser's parseTree on
// the same text. Target: at most 1.5× parseTree on the 6 MB template.
import { parseTree, type ParseError } from 'jsonc-parser';
import { analyzeTemplate } from '../../server/src/core/arm/analyzeTemplate';
import { generateTemplate } from './generateTemplate';
import { formatBytes, formatMs, measurePair } from './measure';
import type { BenchSection } from './benchSection';

export default async function engineBench(): Promise<BenchSection> {
  const rows: string[][] = [];
  let ratioAt1000 = Number.NaN;
  for (const count of [1, 10, 100, 1000]) {
    const text = generateTemplate(count);
    const model = analyzeTemplate(text);
    if (model.scaleSets.length !== count) throw new Error(`generator/engine mismatch: ${model.scaleSets.length} ≠ ${count}`);
    const [floor, full] = measurePair(
      () => parseTree(text, [] as ParseError[], { allowTrailingComma: true }),
      () => analyzeTemplate(text),
      { minRuns: count >= 1000 ? 9 : 15 },
    );
    const ratio = full.medianMs / floor.medianMs;
    if (count === 1000) ratioAt1000 = ratio;
    rows.push([
      String(count),
      formatBytes(text.length),
      formatMs(floor.medianMs),
      formatMs(full.medianMs),
      `${ratio.toFixed(2)}×`,
      String(full.runs),
    ]);
  }
  return {
    title: 'Engine: analyzeTemplate vs jsonc-parser parseTree (median ms)',
    header: ['scale sets', 'size', 'parseTree', 'analyzeTemplate', 'ratio', 'runs'],
    rows,
    verdicts: [
      `6 MB template: analysis is ${ratioAt1000.toFixed(2)}× parseTree (target ≤ 1.5×) — ${ratioAt1000 <= 1.5 ? 'met' : 'NOT met'}`,
    ],
  };
}
