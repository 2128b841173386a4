import { readFileSync, existsSync } from 'node:fs';
import { decodeText } from '../decodeText';

/** What a CLI command may touch: output streams and whether stdout/stderr are terminals. Injected for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
}

/** A usage or I/O problem: printed as one line on stderr, exit code 2, no stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
  }
}

/**
 * Reads a template or parameters file as text. Handles the encodings real templates use: UTF-8 with or
 * without a byte-order mark, and UTF-16 LE/BE with a BOM (some Service Fabric samples are UTF-16 LE).
 */
export function readTextFile(path: string): string {
  if (!existsSync(path)) throw new CliError(`cannot read ${path}: no such file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return decodeText(bytes);
}
