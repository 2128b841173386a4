import type * as ChildProcess from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { decodeText } from './decodeText';

/** A file's text at a git revision cannot be read; the message says why in one line. */
export class GitShowError extends Error {}

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: Buffer; stderr: string } {
  // Required here, not imported: only `diff` at a revision runs git, and loading child_process (with net and
  // stream) took 3 ms of every CLI start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('node:child_process') as typeof ChildProcess;
  const r = spawnSync('git', args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new GitShowError(`cannot run git: ${(r.error as NodeJS.ErrnoException).code ?? r.error.message}`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}

/**
 * The text of `path` at revision `rev` (HEAD, a branch, a tag, a commit) of the git repository the file is in,
 * through `git show REV:./NAME` run in the file's folder. Throws GitShowError: outside a repository, a
 * revision that does not exist, a file the revision does not have.
 */
export function readAtRevision(path: string, rev: string): string {
  const full = resolve(path);
  const dir = dirname(full);
  if (!existsSync(dir)) throw new GitShowError(`cannot read ${path}: no such folder`);
  if (!git(dir, ['rev-parse', '--show-toplevel']).ok) throw new GitShowError(`${path} is not in a git repository`);
  if (rev.startsWith('-') || !git(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]).ok)
    throw new GitShowError(`revision '${rev}' does not exist`);
  const shown = git(dir, ['show', `${rev}:./${basename(full)}`]);
  if (!shown.ok) throw new GitShowError(`${path} does not exist at revision '${rev}'`);
  return decodeText(shown.stdout);
}
