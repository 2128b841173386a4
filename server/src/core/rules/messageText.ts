/**
 * Helpers for what a finding says. The message is one or two sentences, at most MESSAGE_MAX characters:
 * what is wrong with which value and what it causes. Everything else (why, Azure's text, the assumption,
 * the numbers) goes into the finding's details (CONTRIBUTING.md, "Diagnostic messages").
 */

/** The longest message a rule may give (a test holds every rule to it on its templates). */
export const MESSAGE_MAX = 160;

/** Sentences joined with a space, empty ones left out. */
export function joinSentences(...sentences: readonly string[]): string {
  return sentences.filter((s) => s.length > 0).join(' ');
}

/** "1 instance", "3 instances". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
