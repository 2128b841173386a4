/** "1 instance", "3 instances": a count with its noun, so no text says "1 instances". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "instance" or "instances" for a count shown elsewhere ("2 of 1 instance" never happens; "1 of 1 instance" does). */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}
