import { shiftOffset, type TextChange } from '../text/textChange';
import type { Span } from '../text/span';

/** A span of the old text in the new one; both ends are moved, so a span around the change grows or shrinks with it. */
export function shiftSpan(span: Span, change: TextChange): Span {
  const offset = shiftOffset(change, span.offset);
  return { offset, length: shiftOffset(change, span.offset + span.length) - offset };
}

function isSpan(value: object): value is Span {
  const v = value as Partial<Span>;
  return typeof v.offset === 'number' && typeof v.length === 'number' && Object.keys(value).length === 2;
}

/**
 * A copy of model data (plain objects and arrays, as model/templateModel.ts describes) read from an old
 * version of the text, with every span moved to where it is in the new one. For data outside the change,
 * which is the same text at another place. Other objects (an Unknown) are shared, not copied; so are
 * properties that are not enumerable (the lazily read parts), which the caller defines again.
 */
export function shiftSpans<T>(value: T, change: TextChange): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftSpans(item, change)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  if (isSpan(value)) return shiftSpan(value, change) as T;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const shifted = shiftSpans((value as Record<string, unknown>)[key], change);
    // defineProperty: a "__proto__" key stays an own property.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: shifted, enumerable: true, writable: true, configurable: true });
    else copy[key] = shifted;
  }
  return copy as T;
}
