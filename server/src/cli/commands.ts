import type { CliIo } from './io';

/** One subcommand of `vmss-upgrade`: its name, a one-line summary for --help, its usage, and its body. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Returns the exit code: 0 success, 1 findings (lint), 2 usage or I/O error (throw CliError). */
  run(argv: readonly string[], io: CliIo): Promise<number> | number;
}
