/**
 * "Did you mean" suggestions for property names and enum values: case-insensitive Levenshtein
 * distance, accepting a candidate when the distance is small for the word's length or when one name
 * contains the other (`BatchInstancePercent` → `maxBatchInstancePercent`).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Past this length two names are not compared letter by letter: Levenshtein is quadratic, and a template
 * can hold a megabyte key (2 s per check with the catalog's names). Names in Azure are far shorter.
 */
const MAX_COMPARED_LENGTH = 256;

/** The candidate closest to `word`, or undefined when none is plausibly what was meant. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const contains = lower.length >= 4 && (c.includes(lower) || lower.includes(c));
    const lengths = Math.abs(lower.length - c.length);
    const limit = Math.max(2, Math.floor(Math.max(lower.length, c.length) / 4));
    // The length difference is a lower bound of the distance, and when one name contains the other it is
    // the distance: only names of similar length need the letter-by-letter comparison.
    if (!contains && (lengths > limit || Math.max(lower.length, c.length) > MAX_COMPARED_LENGTH)) continue;
    const distance = contains ? lengths : editDistance(lower, c);
    const acceptable = distance <= limit || contains;
    if (acceptable && distance < bestScore) {
      best = candidate;
      bestScore = distance;
    }
  }
  return best;
}
