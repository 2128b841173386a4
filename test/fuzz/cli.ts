/**
 * `npm run fuzz -- --docs N --seed S [--minutes M]`: a fuzz campaign against the built server, with a
 * summary at the end. `--replay FILE…` runs saved reproducers instead. See CONTRIBUTING.md ("Fuzzing").
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../helpers/lspClient';
import { runCampaign } from './harness/campaign';
import { replay } from './harness/keep';
import { loadReproducer } from './harness/reproducer';
import { formatSummary } from './harness/summary';

const USAGE = `usage: npm run fuzz -- [--docs N] [--seed S] [--minutes M] [options]
       npm run fuzz -- --replay FILE...

  --docs N             documents (cases) to run (default 1000)
  --seed S             campaign seed; the same seed gives the same documents and requests (default: random, printed)
  --from K             first case index (default 0): --seed S --from K --docs 1 replays case K alone
  --minutes M          stop starting documents after M minutes
  --timeout-ms T       a request unanswered after T ms is a hang (default 2000)
  --rss-limit-mb R     kill the server past R MB resident and report it (default 2048)
  --rss-growth-mb G    resident growth of one server over the campaign reported as a leak (default 400)
  --fixes-per-case F   quick fixes per document applied through the server (default 8)
  --shrink-seconds X   time to shrink each new failure (default 60; 0: save unshrunk)
  --max-shrinks K      failures shrunk per campaign (default 20)
  --out DIR            where reproducers go (default .fuzz/)
  --server FILE        the server bundle to fuzz (default dist/server.js)
  --json               print the summary as JSON
`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    docs: { type: 'string' },
    seed: { type: 'string' },
    from: { type: 'string' },
    minutes: { type: 'string' },
    'timeout-ms': { type: 'string' },
    'rss-limit-mb': { type: 'string' },
    'rss-growth-mb': { type: 'string' },
    'fixes-per-case': { type: 'string' },
    'shrink-seconds': { type: 'string' },
    'max-shrinks': { type: 'string' },
    out: { type: 'string' },
    server: { type: 'string' },
    json: { type: 'boolean' },
    replay: { type: 'boolean' },
    help: { type: 'boolean' },
  },
});

function number(name: string, fallback: number): number {
  const raw = values[name as keyof typeof values];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`--${name} takes a non-negative number, not ${String(raw)}\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const driverOptions = {
  timeoutMs: number('timeout-ms', 2_000),
  rssLimitMb: number('rss-limit-mb', 2_048),
  fixesPerCase: number('fixes-per-case', 8),
  ...(values.server ? { serverPath: values.server } : {}),
};

async function main(): Promise<number> {
  if (values.replay) {
    if (positionals.length === 0) {
      process.stderr.write(`--replay takes reproducer files\n${USAGE}`);
      process.exit(2);
    }
    let failed = 0;
    for (const file of positionals) {
      const r = loadReproducer(file);
      const failures = await replay(r.case, driverOptions);
      failed += failures.length > 0 ? 1 : 0;
      process.stdout.write(
        `${file}: ${failures.length === 0 ? 'passes' : failures.map((f) => `${f.kind} in ${f.method} (step ${f.step}): ${f.detail.slice(0, 300)}`).join('\n  ')}\n`,
      );
    }
    return failed > 0 ? 1 : 0;
  }

  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : number('seed', 0);
  const minutes = values.minutes === undefined ? undefined : number('minutes', 0);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(
    `fuzz: seed ${seed}, ${number('docs', 1_000)} documents from case ${number('from', 0)}${minutes === undefined ? '' : `, at most ${minutes} min`}`,
  );
  const summary = await runCampaign({
    ...driverOptions,
    seed,
    docs: number('docs', 1_000),
    from: number('from', 0),
    ...(minutes === undefined ? {} : { budgetMs: minutes * 60_000 }),
    shrinkMs: number('shrink-seconds', 60) * 1_000,
    maxShrinks: number('max-shrinks', 20),
    rssGrowthLimitMb: number('rss-growth-mb', 400),
    outDir: values.out ?? join(ROOT, '.fuzz'),
    log,
  });
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
  return summary.distinct.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
