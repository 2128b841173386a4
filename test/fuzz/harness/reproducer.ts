import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Failure } from './failures';
import type { FuzzCase } from './generate';

/**
 * A failure saved as a small JSON file: the document (and parameters file) and the steps that make the
 * built server fail, where the campaign found it, and what shrinking did. `npm run fuzz -- --replay FILE`
 * runs it again; the fixtures under test/fixtures/fuzz/ are replayed by test/fuzz/reproducers.test.ts.
 */
export interface Reproducer {
  readonly signature: string;
  readonly failure: Failure;
  readonly found: { readonly seed: number; readonly index: number; readonly source: string; readonly mutations: readonly string[] };
  /** Replayed alone on a fresh server, the case failed the same way (else it needs the campaign's history). */
  readonly reproducedOnFreshServer: boolean;
  readonly shrunk?: {
    readonly fromLength: number;
    readonly fromSteps: number;
    readonly attempts: number;
    readonly ms: number;
    readonly timedOut: boolean;
  };
  readonly case: FuzzCase;
  /** Why the fixture is kept, for those committed under test/fixtures/. */
  readonly note?: string;
}

export function reproducerName(r: Pick<Reproducer, 'failure' | 'found'>): string {
  const method = r.failure.method.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${r.failure.kind}-${method}-s${r.found.seed}-d${r.found.index}.json`;
}

export function saveReproducer(dir: string, r: Reproducer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, reproducerName(r));
  // JSON.stringify writes lone surrogates and control characters as escapes, so the bytes round-trip.
  writeFileSync(path, `${JSON.stringify(r, null, 1)}\n`);
  return path;
}

export function loadReproducer(path: string): Reproducer {
  return JSON.parse(readFileSync(path, 'utf8')) as Reproducer;
}
