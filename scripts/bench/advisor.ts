// Policy advisor benchmark (issue 16): advisePolicy with the default goals and what-if (2 % failures) on the
// 10-instance zonal fixture and on 100 and 1,000 regional instances (the 100-instance Bicep fixture, its
// capacity raised). Targets: under 50 ms for 10 instances, under 1 s for 1,000.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from '../../server/src/core/languageService';
import { advisePolicy } from '../../server/src/core/advisor';
import type { ScaleSetModel } from '../../server/src/core/model/templateModel';
import { formatMs, measureBoth } from './measure';
import type { BenchSection } from './benchSection';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'advisor');
const ls = getLanguageService();

function scaleSet(file: string, edit: (text: string) => string = (t) => t): ScaleSetModel {
  const text = edit(readFileSync(join(FIXTURES, file), 'utf8'));
  return ls.createDocument(file, undefined, text).model.scaleSets[0]!;
}

/** The server's lenses with and without the "Tune rolling policy…" lens, which runs the advisor on each request. */
const withTune = getLanguageService({ previewCommand: 'p', tuneCommand: 't' });
const withoutTune = getLanguageService({ previewCommand: 'p' });
function lensCase(file: string, edit: (text: string) => string, tune: boolean) {
  const service = tune ? withTune : withoutTune;
  const doc = service.createDocument(file, undefined, edit(readFileSync(join(FIXTURES, file), 'utf8')));
  return () => service.getCodeLenses(doc, { uri: 'u', failureRate: 0.02 });
}

interface Row {
  readonly name: string;
  readonly medianMs: number;
  readonly medianCpuMs: number;
  readonly runs: number;
  readonly evaluated: number;
  readonly targetMs?: number;
}

export default async function advisorBench(): Promise<BenchSection> {
  const cases: { name: string; model: ScaleSetModel; targetMs?: number }[] = [
    { name: 'advise, 10 zonal instances', model: scaleSet('zonal-10.json'), targetMs: 50 },
    { name: 'advise, 100 regional instances', model: scaleSet('regional-100.bicep') },
    {
      name: 'advise, 1,000 regional instances',
      model: scaleSet('regional-100.bicep', (t) => t.replace('capacity: 100', 'capacity: 1000')),
      targetMs: 1000,
    },
  ];
  const rows: Row[] = [];
  for (const c of cases) {
    const advice = advisePolicy(c.model);
    const evaluated = advice.kind === 'advice' ? advice.evaluated.length : 0;
    const sample = measureBoth(() => advisePolicy(c.model), 10, 10, 1000);
    rows.push({ name: c.name, ...sample, evaluated, ...(c.targetMs !== undefined ? { targetMs: c.targetMs } : {}) });
  }
  // The CodeLens request: the tune lens's cost is the difference (it appears only up to 100 instances per document).
  for (const [name, file, edit] of [
    ['CodeLens, 10 zonal instances', 'zonal-10.json', (t: string) => t],
    ['CodeLens, 100 instances (the tune lens limit)', 'zonal-10.json', (t: string) => t.replace('"capacity": 10', '"capacity": 100')],
  ] as const) {
    for (const tune of [false, true]) {
      const run = lensCase(file, edit, tune);
      const lenses = run().length;
      rows.push({
        name: `${name}, ${tune ? 'with' : 'without'} the tune lens (${lenses} lens${lenses === 1 ? '' : 'es'})`,
        ...measureBoth(run, 10, 10, 1000),
        evaluated: 0,
      });
    }
  }
  return {
    title: 'Policy advisor: advisePolicy with the default goals, and the CodeLens request with the tune lens (median ms)',
    header: ['case', 'median ms', 'median CPU ms', 'runs', 'policies evaluated', 'target'],
    rows: rows.map((r) => [
      r.name,
      formatMs(r.medianMs),
      formatMs(r.medianCpuMs),
      String(r.runs),
      r.evaluated > 0 ? String(r.evaluated) : '',
      r.targetMs === undefined ? '' : `< ${r.targetMs} ms`,
    ]),
    verdicts: rows
      .filter((r) => r.targetMs !== undefined)
      .map(
        (r) =>
          `${r.name}: ${formatMs(r.medianMs)} ms wall, ${formatMs(r.medianCpuMs)} ms CPU (target < ${r.targetMs} ms) — ${r.medianMs < r.targetMs! ? 'met' : r.medianCpuMs < r.targetMs! ? 'met in CPU time only (machine busy?)' : 'NOT met'}`,
      ),
  };
}
