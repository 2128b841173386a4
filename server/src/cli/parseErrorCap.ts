/**
 * How many parse errors the CLI prints per file, in every format (docs/cli.md). A broken file can have one
 * per token (a 400 KB file had 200,000, printed as 120 MB of SARIF); the first ones are what to fix, so
 * the rest are counted, not listed.
 */
export const MAX_PARSE_ERRORS = 100;

export interface CappedErrors<T> {
  readonly listed: readonly T[];
  /** How many more there are beyond `listed`. */
  readonly omitted: number;
}

export function capParseErrors<T>(errors: readonly T[]): CappedErrors<T> {
  return errors.length <= MAX_PARSE_ERRORS ? { listed: errors, omitted: 0 } : { listed: errors.slice(0, MAX_PARSE_ERRORS), omitted: errors.length - MAX_PARSE_ERRORS };
}

/** The line that stands for the errors not listed. */
export function omittedText(omitted: number): string {
  return `${omitted} more parse error${omitted === 1 ? '' : 's'} not listed (the first ${MAX_PARSE_ERRORS} are)`;
}
