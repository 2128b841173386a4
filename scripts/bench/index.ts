// `npm run bench`: runs every benchmark module in this folder (each default-exports an async function
// returning one or more BenchSections) in one process, one after another, and prints one markdown report.
// Usage: npm run bench [-- NAME...]   (e.g. `npm run bench -- engine` runs only engine.ts)
// run.mjs bundles the modules as the product ships (esbuild) and runs this report on the bundles
// (BENCH_BUNDLES names their folder); under tsx it imports the sources.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus } from 'node:os';
import type { BenchSection } from './benchSection';

const HELPERS = new Set(['index.ts', 'benchSection.ts', 'measure.ts', 'generateTemplate.ts']);

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const dir = import.meta.dirname;
  const modules = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !HELPERS.has(f))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, '')))
    .sort();
  const out: string[] = [
    `# Benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'})`,
    '',
  ];
  for (const file of modules) {
    const bundles = process.env.BENCH_BUNDLES;
    const path = bundles ? join(bundles, file.replace(/\.ts$/, '.mjs')) : join(dir, file);
    const mod = (await import(pathToFileURL(path).href)) as { default?: () => Promise<BenchSection | BenchSection[]> };
    if (typeof mod.default !== 'function') continue;
    process.stderr.write(`bench: ${file}…\n`);
    const result = await mod.default();
    for (const section of Array.isArray(result) ? result : [result]) {
      out.push(`## ${section.title}`, '', `| ${section.header.join(' | ')} |`, `|${section.header.map(() => '---').join('|')}|`);
      for (const row of section.rows) out.push(`| ${row.join(' | ')} |`);
      out.push('');
      for (const verdict of section.verdicts ?? []) out.push(`- ${verdict}`);
      out.push('');
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}

void main();
