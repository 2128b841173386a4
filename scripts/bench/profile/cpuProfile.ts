// Summarises a V8 CPU profile (`node --cpu-prof`) of the CLI bundle by where the code came from: each
// sample's function is mapped through the bundle's source map to its source file, and source files are
// grouped into the parts of the product (JSON scan, model, expressions, rules, simulator, CLI, …), with
// V8's own entries (garbage collector, "(program)": compiling and other VM work) kept apart.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const GROUPS: [RegExp, string][] = [
  [/server\/src\/core\/json\//, 'JSON scan and lazy tree (core/json)'],
  [/server\/src\/core\/(model\/|analyze\.ts)/, 'model (core/model, analyze)'],
  [/server\/src\/core\/expressions\//, 'expressions (core/expressions)'],
  [/server\/src\/core\/rules\//, 'rules (core/rules)'],
  [/server\/src\/core\/sim\//, 'simulator (core/sim)'],
  [/server\/src\/core\/bicep\//, 'Bicep front end (core/bicep)'],
  [/server\/src\/core\/catalog\//, 'catalog (core/catalog)'],
  [/server\/src\/core\/text\//, 'line index (core/text)'],
  [/server\/src\/core\//, 'core, other'],
  [/server\/src\/cli\/lintReport\.ts/, 'CLI: JSON report'],
  [/server\/src\/cli\/findTemplates\.ts/, 'CLI: finding files (findTemplates)'],
  [/server\/src\/cli\//, 'CLI, other'],
  [/server\/src\//, 'server, other (config lookup, decoding)'],
  [/node_modules\/jsonc-parser\//, 'jsonc-parser'],
  [/node_modules\/(tinyglobby|fdir|picomatch)\//, 'glob (tinyglobby, fdir, picomatch)'],
  [/node_modules\//, 'other dependencies'],
];

/** Self time (ms) per group and per function (name and source line), largest first, and the profile's total. */
export function summarizeCpuProfile(
  profilePath: string,
  bundlePath: string,
  mapPath: string,
): { groups: [string, number][]; functions: [string, number][]; totalMs: number } {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8')) as Profile;
  const map = new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8')));
  const bundleUrl = `file://${bundlePath}`;
  const groupOf = new Map<number, string>();
  const functionOf = new Map<number, string>();
  for (const node of profile.nodes) {
    groupOf.set(node.id, classify(node.callFrame, bundleUrl, map));
    functionOf.set(node.id, describe(node.callFrame, bundleUrl, map));
  }
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const group = groupOf.get(profile.samples[i]!) ?? '?';
    const fn = functionOf.get(profile.samples[i]!) ?? '?';
    groups.set(group, (groups.get(group) ?? 0) + ms);
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    totalMs += ms;
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { groups: sorted(groups), functions: sorted(functions), totalMs };
}

function describe(frame: ProfileNode['callFrame'], bundleUrl: string, map: SourceMap): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url !== bundleUrl) return frame.url ? `${name} (${frame.url})` : name;
  const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
  const source = (entry.originalSource ?? '?').replace(/^.*?\/(server\/src|node_modules)\//, '$1/');
  return `${name} (${source}:${(entry.originalLine ?? -1) + 1})`;
}

function classify(frame: ProfileNode['callFrame'], bundleUrl: string, map: SourceMap): string {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)') return 'V8 and Node internals: compiling, start-up ("(program)")';
  if (frame.functionName === '(idle)') return 'idle (waiting for I/O)';
  if (frame.functionName === '(root)') return 'idle (waiting for I/O)';
  if (frame.url.startsWith('node:')) return 'Node built-in modules (node:*)';
  if (frame.url === bundleUrl) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    const source = entry.originalSource ?? '';
    for (const [pattern, name] of GROUPS) if (pattern.test(source)) return name;
    return 'bundle, unmapped';
  }
  if (frame.url === '')
    return frame.functionName === 'stringify' ? 'JSON.stringify' : `V8 built-ins (${frame.functionName || 'anonymous'})`;
  return 'other scripts';
}
