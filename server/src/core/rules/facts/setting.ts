import type { RProperty, RValue } from '../../model/templateModel';
import { asBoolean } from '../../model/values';

/**
 * An effective setting of a scale set: the value ARM uses (the documented default when the property is
 * absent) and where it is written. `'unknown'` when an expression the engine cannot evaluate decides it,
 * or the value is not one ARM can read (another rule reports that); rules stay silent then.
 */
export interface Setting<T> {
  readonly value: T | 'unknown';
  /** The property as written; undefined when it is absent (or null) and the default applies. */
  readonly property: RProperty | undefined;
}

export function isAbsent(property: RProperty | undefined): boolean {
  return property === undefined || property.value.kind === 'null';
}

/** A boolean setting, also from "true"/"false" strings as ARM coerces them. */
export function booleanSetting(property: RProperty | undefined, defaultValue: boolean): Setting<boolean> {
  if (isAbsent(property)) return { value: defaultValue, property: undefined };
  return { value: asBoolean(property!.value) ?? 'unknown', property };
}

/** An enum setting matched case-insensitively, returned in its canonical spelling. */
export function enumSetting<T extends string>(property: RProperty | undefined, values: readonly T[], defaultValue: T): Setting<T> {
  if (isAbsent(property)) return { value: defaultValue, property: undefined };
  const value = property!.value;
  if (value.kind !== 'string') return { value: 'unknown', property };
  const lower = value.value.trim().toLowerCase();
  return { value: values.find((v) => v.toLowerCase() === lower) ?? 'unknown', property };
}

/**
 * True when a quick fix may rewrite this value in place: written literally here, not computed by an
 * expression or taken from a parameter or variable (rewriting those would change other uses).
 */
export function isEditable(value: RValue | undefined): value is RValue {
  return value !== undefined && value.source === 'literal' && value.expression === undefined;
}
