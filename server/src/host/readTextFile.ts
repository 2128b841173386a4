import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeText } from './decodeText';

/** A file that cannot be read; the message names it and why ("cannot read x.json: no such file"). */
export class FileReadError extends Error {}

/** Reads a template or parameters file as text, in the encodings real templates use (see decodeText). */
export function readTextFile(path: string): string {
  if (!existsSync(path)) throw new FileReadError(`cannot read ${path}: no such file`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new FileReadError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return decodeText(bytes);
}

/**
 * Reads a Bicep template's local modules relative to its folder, from disk (unsaved module edits in an
 * editor are not seen); undefined for a module that cannot be read, which is then not followed.
 */
export function moduleReader(templatePath: string): (relative: string) => string | undefined {
  return (relative) => {
    try {
      return decodeText(readFileSync(join(dirname(templatePath), relative)));
    } catch {
      return undefined;
    }
  };
}
