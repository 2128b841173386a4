/**
 * ARM API versions are dates with an optional suffix (`2019-03-01-preview`). A preview comes before the
 * stable version of the same date; suffixes other than "preview" sort with it (e.g. "beta").
 */
export interface ApiVersion {
  readonly date: string;
  readonly suffix: string | undefined;
}

const API_VERSION = /^(\d{4})-(\d{2})-(\d{2})(?:-([A-Za-z][A-Za-z0-9.]*))?$/;

export function parseApiVersion(text: string): ApiVersion | undefined {
  const match = API_VERSION.exec(text.trim());
  if (!match) return undefined;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: `${match[1]}-${match[2]}-${match[3]}`, suffix: match[4]?.toLowerCase() };
}

/**
 * Negative when `a` is older than `b`, 0 when equal, positive when newer; undefined when either is not
 * an API version (callers then stay silent rather than guess).
 */
export function compareApiVersions(a: string, b: string): number | undefined {
  const left = parseApiVersion(a);
  const right = parseApiVersion(b);
  if (!left || !right) return undefined;
  if (left.date !== right.date) return left.date < right.date ? -1 : 1;
  if (left.suffix === right.suffix) return 0;
  if (left.suffix === undefined) return 1;
  if (right.suffix === undefined) return -1;
  return left.suffix < right.suffix ? -1 : 1;
}

/** True when `version` is at least `minimum` (a preview of the same date is not). */
export function isApiVersionAtLeast(version: string, minimum: string): boolean | undefined {
  const order = compareApiVersions(version, minimum);
  return order === undefined ? undefined : order >= 0;
}
