/**
 * Helpers for what a finding says. The message is one or two sentences, at most MESSAGE_MAX characters:
 * what is wrong with which value and what it causes. Everything else (why, Azure's text, the assumption,
 * the numbers) goes into the finding's details (CONTRIBUTING.md, "Diagnostic messages").
 */

/** The longest message a rule may give (a test holds every rule to it on its templates). */
export const MESSAGE_MAX = 160;

/** The longest piece of template text (a name, a value) a message quotes; longer text is cut with "…". */
export const MESSAGE_QUOTE_MAX = 40;

/** The shortest a quoted piece of template text gets when a message has to make room (fitMessage). */
const QUOTE_MIN = 8;

/**
 * A message that quotes template text (a value, a name) within MESSAGE_MAX: `build` writes it with each quote
 * clipped to `quoteMax` characters (valueOrigin.ts: clip, showValue), MESSAGE_QUOTE_MAX at first; when the
 * message is too long, it is written again with shorter quotes, down to a few characters each. The rest of the
 * wording is the rule's to keep short (a test holds every rule to MESSAGE_MAX with 2,000-character strings).
 */
export function fitMessage(build: (quoteMax: number) => string, quoteMax = MESSAGE_QUOTE_MAX): string {
  let message = build(quoteMax);
  while (message.length > MESSAGE_MAX && quoteMax > QUOTE_MIN) {
    quoteMax = Math.max(QUOTE_MIN, quoteMax - (message.length - MESSAGE_MAX));
    message = build(quoteMax);
  }
  return message;
}

/** Sentences joined with a space, empty ones left out. */
export function joinSentences(...sentences: readonly string[]): string {
  return sentences.filter((s) => s.length > 0).join(' ');
}

/** "1 instance", "3 instances". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
