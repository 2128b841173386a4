/**
 * Where each simulator input came from, for the UI and the CLI's JSON: the template (literal, expression,
 * variable), a parameter's default, the parameters file, a what-if override, or a default because the
 * value was absent or could not be evaluated (then `assumed` is true and `note` says why).
 */
import type { ValueSource } from '../expressions/values';
import type { RValue } from '../model/templateModel';

export type Origin =
  | 'template'
  | 'expression'
  | 'variable'
  | 'parameterDefault'
  | 'parametersFile'
  | 'override'
  | 'azureDefault'
  | 'osUpgradeDefault'
  | 'assumed';

export interface Provenance {
  readonly value: unknown;
  readonly origin: Origin;
  /** True when the value is a default standing in for something the template does not say or we cannot read. */
  readonly assumed?: boolean;
  readonly note?: string;
}

const ORIGIN: Record<ValueSource, Origin> = {
  literal: 'template',
  expression: 'expression',
  variable: 'variable',
  default: 'parameterDefault',
  parametersFile: 'parametersFile',
  unknown: 'assumed',
};

/**
 * Reads one value with a coercion; absent → Azure's default, unreadable → the default with a note.
 * `fallbackOrigin` lets a caller say the default is the simulator's own assumption rather than Azure's.
 */
export function read<T>(
  value: RValue | undefined,
  coerce: (v: RValue) => T | undefined,
  fallback: T,
  fallbackOrigin: Origin = 'azureDefault',
): { value: T; provenance: Provenance } {
  if (value === undefined || value.kind === 'null') {
    const assumed = fallbackOrigin === 'assumed';
    return {
      value: fallback,
      provenance: { value: fallback, origin: fallbackOrigin, ...(assumed ? { assumed, note: 'not set in the template' } : {}) },
    };
  }
  if (value.kind === 'unknown') {
    return {
      value: fallback,
      provenance: {
        value: fallback,
        origin: 'assumed',
        assumed: true,
        note: `${value.unknown.expression} cannot be evaluated (${value.unknown.reason}); default used`,
      },
    };
  }
  const coerced = coerce(value);
  if (coerced === undefined) {
    return {
      value: fallback,
      provenance: {
        value: fallback,
        origin: 'assumed',
        assumed: true,
        note: `value ${JSON.stringify(plain(value))} is not usable here; default used`,
      },
    };
  }
  const origin = ORIGIN[value.source];
  const converted =
    value.kind === 'string' && typeof coerced !== 'string' ? { note: `string "${value.value}" read as ${JSON.stringify(coerced)}` } : {};
  return { value: coerced, provenance: { value: coerced, origin, ...(origin === 'assumed' ? { assumed: true } : {}), ...converted } };
}

function plain(value: RValue): unknown {
  return 'value' in value ? value.value : value.kind;
}

export function overridden(value: unknown): Provenance {
  return { value, origin: 'override' };
}
