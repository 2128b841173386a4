import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeText } from './decodeText';

/** A file that cannot be read; the message names it and why ("cannot read x.json: no such file"). */
export class FileReadError extends Error {}

/** Reads a template or parameters file as text, in the encodings real templates use (see decodeText). */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path); // no existsSync first: one system call less per file
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a path through a file ("a.json/b.json"), which existsSync also called missing.
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileReadError(`cannot read ${path}: no such file`);
    throw new FileReadError(`cannot read ${path}: ${code ?? String(error)}`);
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
