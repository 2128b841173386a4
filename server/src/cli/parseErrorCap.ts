import { MAX_PARSE_ERRORS } from '../core/limits';

/** The CLI's parse errors per file: the first MAX_PARSE_ERRORS listed (core/limits.ts), the rest counted. */

export interface CappedErrors<T> {
  readonly listed: readonly T[];
  /** How many more there are beyond `listed`. */
  readonly omitted: number;
}

export function capParseErrors<T>(errors: readonly T[]): CappedErrors<T> {
  return errors.length <= MAX_PARSE_ERRORS
    ? { listed: errors, omitted: 0 }
    : { listed: errors.slice(0, MAX_PARSE_ERRORS), omitted: errors.length - MAX_PARSE_ERRORS };
}

/** The line that stands for the errors not listed. */
export function omittedText(omitted: number): string {
  return `${omitted} more parse error${omitted === 1 ? '' : 's'} not listed (the first ${MAX_PARSE_ERRORS} are)`;
}
