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

/** The candidate closest to `word`, or undefined when none is plausibly what was meant. */
export function closestName(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  if (lower.length === 0) return undefined;
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const distance = editDistance(lower, c);
    const contains = lower.length >= 4 && (c.includes(lower) || lower.includes(c));
    const acceptable = distance <= Math.max(2, Math.floor(Math.max(lower.length, c.length) / 4)) || contains;
    if (acceptable && distance < bestScore) {
      best = candidate;
      bestScore = distance;
    }
  }
  return best;
}
