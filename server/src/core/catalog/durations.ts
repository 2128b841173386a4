/**
 * ISO 8601 durations as ARM reads them (.NET XmlConvert.ToTimeSpan): `P[nY][nM][nW][nD][T[nH][nM][nS]]`,
 * designators upper case, a fraction only on seconds, at least one component, no sign. Years and
 * months count as 365 and 30 days, as .NET does.
 */
export type DurationParse = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly reason: string };

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const UNIT_SECONDS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1] as const;

export function parseIsoDuration(text: string): DurationParse {
  if (text.length === 0) return { ok: false, reason: 'it is empty' };
  if (!text.startsWith('P')) {
    return { ok: false, reason: text.startsWith('-') ? 'negative durations are not allowed' : 'an ISO 8601 duration starts with "P"' };
  }
  const match = DURATION.exec(text);
  if (!match)
    return { ok: false, reason: 'it does not follow the ISO 8601 form P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S with upper-case designators' };
  if (match.slice(1).every((part) => part === undefined))
    return { ok: false, reason: 'it has no number of days, hours, minutes or seconds' };
  if (text.endsWith('T')) return { ok: false, reason: 'a "T" must be followed by hours, minutes or seconds' };
  let seconds = 0;
  for (let i = 0; i < UNIT_SECONDS.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) seconds += Number(part.replace(',', '.')) * UNIT_SECONDS[i]!;
  }
  return { ok: true, seconds };
}

/** `PT10M` → "10 minutes", `PT1H30M` → "1 hour 30 minutes"; undefined for an invalid duration. */
export function humaniseDuration(text: string): string | undefined {
  const parsed = parseIsoDuration(text);
  return parsed.ok ? humaniseSeconds(parsed.seconds) : undefined;
}

export function humaniseSeconds(total: number): string {
  if (total === 0) return '0 seconds';
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  const parts: string[] = [];
  let rest = total;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(plural(count, name));
    rest -= count * size;
  }
  if (rest > 0) parts.push(plural(Math.round(rest * 1000) / 1000, 'second'));
  return parts.join(' ');
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Whole seconds as the shortest ISO 8601 duration: 300 → `PT5M`, 5400 → `PT1H30M`, 0 → `PT0S`. */
export function formatIsoDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  if (seconds === 0) return 'PT0S';
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const secs = seconds % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${secs ? `${secs}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
}

const UNIT_WORDS: readonly [RegExp, number][] = [
  [/^(?:s|sec|secs|second|seconds)$/, 1],
  [/^(?:m|min|mins|minute|minutes)$/, 60],
  [/^(?:h|hr|hrs|hour|hours)$/, 3600],
  [/^(?:d|day|days)$/, 86400],
];

/**
 * Valid durations a user probably meant by an invalid one: lower-case designators (`pt5m`), a .NET
 * TimeSpan (`00:05:00`), a number with a unit (`5m`, `5 minutes`). Empty when nothing fits.
 */
export function suggestDurations(text: string): readonly string[] {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper !== trimmed && parseIsoDuration(upper).ok) return [upper];
  const timeSpan = /^(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (timeSpan) {
    const seconds = Number(timeSpan[1] ?? 0) * 86400 + Number(timeSpan[2]) * 3600 + Number(timeSpan[3]) * 60 + Number(timeSpan[4] ?? 0);
    return [formatIsoDuration(seconds)];
  }
  const withUnit = /^(\d+)\s*([A-Za-z]+)$/.exec(trimmed);
  if (withUnit) {
    const unit = UNIT_WORDS.find(([pattern]) => pattern.test(withUnit[2]!.toLowerCase()));
    if (unit) return [formatIsoDuration(Number(withUnit[1]) * unit[1])];
  }
  return [];
}

/** The durations completion suggests for a duration property (JSON and Bicep alike), with their words. */
export const SUGGESTED_DURATIONS: readonly (readonly [string, string])[] = [
  ['PT0S', 'no pause'],
  ['PT30S', '30 seconds'],
  ['PT1M', '1 minute'],
  ['PT2M', '2 minutes'],
  ['PT5M', '5 minutes'],
  ['PT10M', '10 minutes'],
  ['PT15M', '15 minutes'],
  ['PT30M', '30 minutes'],
  ['PT1H', '1 hour'],
];

/** The percentages completion suggests for a percentage property (those in the property's range). */
export const SUGGESTED_PERCENTS: readonly number[] = [5, 10, 20, 25, 33, 50, 100];
