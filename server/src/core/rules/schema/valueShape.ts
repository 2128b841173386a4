import type { PolicyProperty } from '../../catalog/policyProperty';
import type { RValue } from '../../model/templateModel';

/**
 * How a value fits its catalog type. `asString` is a string ARM coerces (`"20"`, `"true"`); `skip` is a
 * value the rules cannot judge (unknown, or null, which ARM treats as not set).
 */
export type ValueShape =
  | { readonly kind: 'ok'; readonly typed: string | number | boolean | undefined }
  | { readonly kind: 'asString'; readonly typed: number | boolean }
  | { readonly kind: 'wrongType' }
  | { readonly kind: 'skip' };

export function valueShape(property: PolicyProperty, value: RValue): ValueShape {
  if (value.kind === 'unknown' || value.kind === 'null') return { kind: 'skip' };
  switch (property.type) {
    case 'integer':
      if (value.kind === 'number') return Number.isInteger(value.value) ? { kind: 'ok', typed: value.value } : { kind: 'wrongType' };
      if (value.kind === 'string' && /^\s*-?\d+\s*$/.test(value.value)) return { kind: 'asString', typed: Number(value.value) };
      return { kind: 'wrongType' };
    case 'boolean':
      if (value.kind === 'boolean') return { kind: 'ok', typed: value.value };
      if (value.kind === 'string' && /^(true|false)$/i.test(value.value.trim()))
        return { kind: 'asString', typed: value.value.trim().toLowerCase() === 'true' };
      return { kind: 'wrongType' };
    case 'string':
    case 'enum':
    case 'duration':
      return value.kind === 'string' ? { kind: 'ok', typed: value.value } : { kind: 'wrongType' };
    case 'object':
      return value.kind === 'object' ? { kind: 'ok', typed: undefined } : { kind: 'wrongType' };
    case 'array':
      return value.kind === 'array' ? { kind: 'ok', typed: undefined } : { kind: 'wrongType' };
  }
}

/** What the property expects, in words for messages. */
export function expectedType(property: PolicyProperty): string {
  switch (property.type) {
    case 'integer':
      return `a whole number${property.minimum !== undefined && property.maximum !== undefined ? ` from ${property.minimum} to ${property.maximum}` : ''}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'a string';
    case 'enum':
      return `one of ${(property.enumValues ?? []).map((v) => `"${v}"`).join(', ')}`;
    case 'duration':
      return 'an ISO 8601 duration string such as "PT5M"';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
  }
}
