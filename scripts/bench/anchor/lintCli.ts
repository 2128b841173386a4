// The anchor as a whole process, for the `process` benchmark: what a user can run today for the job
// `vmss-upgrade lint --format json PATH...` does. It walks the paths given (folders recursively: *.json and
// *.jsonc, without node_modules and .git, like our lint), validates each file with vscode-json-languageservice
// against the real ARM template schema (anchor/armSchema.ts: the template's $schema, or the trimmed schema
// for the best case) and prints every finding as JSON. Benchmark code, not shipped: process.ts bundles it
// with esbuild (as VS Code bundles its JSON language server) and runs it with plain node.
// Usage: node anchor.mjs --schemas DIR [--setup asLoaded|bestCase] PATH...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createArmSchemaAnchor, type AnchorSetup } from './armSchema';

const IGNORED = new Set(['node_modules', '.git']);

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!IGNORED.has(entry.name)) walk(join(dir, entry.name), out);
    } else if (/\.jsonc?$/i.test(entry.name)) {
      out.push(join(dir, entry.name));
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let schemas: string | undefined;
  let setup: AnchorSetup = 'asLoaded';
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--schemas') schemas = argv[++i];
    else if (arg === '--setup') setup = argv[++i] === 'bestCase' ? 'bestCase' : 'asLoaded';
    else paths.push(arg);
  }
  if (!schemas || paths.length === 0) {
    process.stderr.write('usage: anchor --schemas DIR [--setup asLoaded|bestCase] PATH...\n');
    return 2;
  }
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) walk(path, files);
    else files.push(path);
  }
  files.sort();
  const anchor = createArmSchemaAnchor(setup, resolve(schemas));
  const report: { path: string; diagnostics: { severity: number | undefined; message: string; range: unknown }[] }[] = [];
  let problems = 0;
  for (const path of files) {
    const diagnostics = await anchor.validate(readFileSync(path, 'utf8'), pathToFileURL(resolve(path)).href);
    problems += diagnostics.length;
    report.push({
      path,
      diagnostics: diagnostics.map((d) => ({
        severity: d.severity,
        message: typeof d.message === 'string' ? d.message : d.message.value,
        range: d.range,
      })),
    });
  }
  process.stdout.write(JSON.stringify({ setup, files: report }, null, 2) + '\n');
  return problems > 0 ? 1 : 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
