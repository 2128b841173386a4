import { shiftOffset, type TextChange } from '../text/textChange';
import type { Span } from '../text/span';

/** A span of the old text in the new one; both ends are moved, so a span around the change grows or shrinks with it. */
export function shiftSpan(span: Span, change: TextChange): Span {
  if (span.offset + span.length <= change.offset) return span;
  const offset = shiftOffset(change, span.offset);
  return { offset, length: shiftOffset(change, span.offset + span.length) - offset };
}

/** True when the change moves nothing at or after `offset` (a same-length change), or when `end` is before the change. */
export function unmoved(end: number, change: TextChange): boolean {
  return change.inserted === change.removed || end <= change.offset;
}

/**
 * A copy of model data (plain objects and arrays, as model/templateModel.ts describes) read from an old
 * version of the text, with every span moved to where it is in the new one. For data outside the change,
 * which is the same text at another place. Other objects (an Unknown) are shared, not copied; so are
 * properties that are not enumerable (the lazily read parts), which the caller defines again. (The model
 * has no object with numeric `offset` and `length` but spans.)
 */
export function shiftSpans<T>(value: T, change: TextChange): T {
  return copy(value, change) as T;
}

function copy(value: unknown, change: TextChange): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i], change);
    return out;
  }
  if (value.constructor !== Object) return value;
  const record = value as Record<string, unknown>;
  if (typeof record.offset === 'number' && typeof record.length === 'number') return shiftSpan(record as unknown as Span, change);
  const out: Record<string, unknown> = {};
  for (const key in record) {
    const shifted = copy(record[key], change);
    // defineProperty: a "__proto__" key stays an own property.
    if (key === '__proto__') Object.defineProperty(out, key, { value: shifted, enumerable: true, writable: true, configurable: true });
    else out[key] = shifted;
  }
  return out;
}
