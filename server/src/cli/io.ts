import { FileReadError, readTextFile as readHostFile } from '../host/readTextFile';

/** What a CLI command may touch: output streams and whether stdout/stderr are terminals. Injected for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
  /** Whether stdout is a terminal (colour and message cutting in `lint`'s text output); false when not given. */
  readonly stdoutIsTTY?: boolean;
  /** The terminal's width when stdout is one. */
  readonly columns?: number;
  /** Environment variables the output reads (NO_COLOR). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** A usage or I/O problem: printed as one line on stderr, exit code 2, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Reads a template or parameters file as text (host/readTextFile.ts); a file that cannot be read is a CliError. */
export function readTextFile(path: string): string {
  try {
    return readHostFile(path);
  } catch (error) {
    throw error instanceof FileReadError ? new CliError(error.message) : error;
  }
}
