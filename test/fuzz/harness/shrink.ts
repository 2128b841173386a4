import type { FuzzCase } from './generate';

/**
 * Minimises a failing case within a time budget: fewer steps, no parameters file, shorter text. Pure
 * search over a predicate ("does this candidate still fail the same way?"), so it can be tested without
 * a server; the campaign's predicate replays each candidate on a live one.
 */
export type StillFails = (candidate: FuzzCase) => Promise<boolean>;

export interface ShrinkResult {
  readonly case: FuzzCase;
  readonly attempts: number;
  /** The budget ran out before every pass had finished. */
  readonly timedOut: boolean;
}

export async function shrinkCase(
  start: FuzzCase,
  stillFails: StillFails,
  budgetMs: number,
  now: () => number = () => performance.now(),
): Promise<ShrinkResult> {
  const deadline = now() + budgetMs;
  let best = start;
  let attempts = 0;
  const out = () => now() > deadline;
  const tryCandidate = async (candidate: FuzzCase): Promise<boolean> => {
    if (out()) return false;
    attempts++;
    if (await stillFails(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };

  // 1. Steps: drop chunks, halving the chunk size (ddmin's complement pass).
  best = await dropChunks(
    best,
    (c) => c.steps,
    (c, steps) => ({ ...c, steps }),
    tryCandidate,
    out,
  );
  // 2. The parameters file, and the steps that only concern it.
  if (best.companion) {
    const { companion: _, ...without } = best;
    await tryCandidate({ ...without, steps: without.steps.filter((s) => s.op !== 'parameters') });
  }
  // 3. Text: halve runs of a repeated unit (deep nesting, long strings) everywhere at once, which keeps brackets balanced.
  for (let changed = true; changed && !out();) {
    changed = false;
    const units = repeatedUnits(best.document.text);
    // All at once first: `[[[…]]]` needs its opening and closing runs cut together to stay balanced.
    if (units.length > 1 && (await tryCandidate(withText(best, units.reduce(halveRuns, best.document.text))))) {
      changed = true;
      continue;
    }
    for (const unit of units) {
      if (await tryCandidate(withText(best, halveRuns(best.document.text, unit)))) changed = true;
    }
  }
  // 4. Text: drop lines, then characters, in halving chunks.
  best = await dropChunks(
    best,
    (c) => splitLines(c.document.text),
    (c, lines) => withText(c, lines.join('')),
    tryCandidate,
    out,
  );
  best = await dropChunks(
    best,
    (c) => [...c.document.text],
    (c, chars) => withText(c, chars.join('')),
    tryCandidate,
    out,
    4_000,
  );
  return { case: best, attempts, timedOut: out() };
}

function withText(c: FuzzCase, text: string): FuzzCase {
  return { ...c, document: { ...c.document, text } };
}

/** Lines with their line breaks attached, so joining them gives the text back. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/**
 * Removes chunks of the parts of a case while it still fails: chunk size from half the parts down to one,
 * from the end backwards (later parts of a document or a session depend on earlier ones, not the reverse).
 * Gives up on a level with more than `maxPieces` parts' worth of work (character-level on big texts).
 */
async function dropChunks<T>(
  start: FuzzCase,
  parts: (c: FuzzCase) => readonly T[],
  rebuild: (c: FuzzCase, parts: T[]) => FuzzCase,
  tryCandidate: (c: FuzzCase) => Promise<boolean>,
  out: () => boolean,
  maxPieces = Number.POSITIVE_INFINITY,
): Promise<FuzzCase> {
  let best = start;
  const accept = async (candidate: FuzzCase) => {
    if (await tryCandidate(candidate)) {
      best = candidate;
      return true;
    }
    return false;
  };
  for (let size = Math.ceil(parts(best).length / 2); size >= 1 && !out(); size = size === 1 ? 0 : Math.ceil(size / 2)) {
    if (parts(best).length / size > maxPieces) break;
    for (let end = parts(best).length; end > 0 && !out(); end -= size) {
      const current = [...parts(best)];
      const from = Math.max(0, end - size);
      // Accepted or not, the next chunk to try is the one before [from, end): its offsets did not move.
      await accept(rebuild(best, [...current.slice(0, from), ...current.slice(end)]));
    }
  }
  return best;
}

/** Units (1–8 characters) repeated at least 16 times in a row somewhere in the text, longest runs first. */
export function repeatedUnits(text: string): string[] {
  const runs = new Map<string, number>();
  for (let period = 1; period <= 8; period++) {
    const pattern = new RegExp(`([\\s\\S]{${period}})\\1{15,}`, 'g');
    for (const m of text.slice(0, 4_000_000).matchAll(pattern)) {
      const unit = m[1]!;
      if (period > 1 && new Set(unit).size === 1) continue;
      runs.set(unit, Math.max(runs.get(unit) ?? 0, m[0].length));
    }
  }
  return [...runs]
    .sort((a, b) => b[1] - a[1])
    .map(([unit]) => unit)
    .slice(0, 12);
}

/** Every run of `unit` (16 or more in a row) cut to half its length. */
export function halveRuns(text: string, unit: string): string {
  const escaped = unit.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(?:${escaped}){16,}`, 'g'), (run) => unit.repeat(Math.ceil(run.length / unit.length / 2)));
}
