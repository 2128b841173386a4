// The worked examples of docs/advisor.md: a marker line names the arguments, the block after it holds the
// command and what the built CLI prints for it (stdout, else stderr, and the exit code).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const EXAMPLE = /^<!-- example: advise (.+) -->$/;

const ROOT = join(import.meta.dirname, '..');

export function exampleBlock(args: readonly string[]): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'advise', ...args], { cwd: ROOT, encoding: 'utf8' });
  const markdown = args.includes('markdown');
  const body = `${r.stdout}${r.stderr}`.replace(/\n$/, '');
  const fence = markdown ? '````markdown' : '```text';
  const close = markdown ? '````' : '```';
  return `${fence}\n$ vmss-upgrade advise ${args.join(' ')}${r.status === 0 ? '' : `   # exit ${r.status}`}\n${body}\n${close}`;
}
