import { closestName } from '../../catalog/closestName';
import { humaniseDuration, parseIsoDuration, suggestDurations } from '../../catalog/durations';
import type { JsonPrimitive, PolicyProperty } from '../../catalog/policyProperty';
import type { RValue, ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import type { FindingDraft, Fix } from '../ruleTypes';
import { originNote, showValue } from '../valueOrigin';
import { isValueEditable, policyEntries, type PolicyEntry } from './policyWalk';
import { expectedType, valueShape } from './valueShape';

/** Rules about the values of known policy properties: type, coerced strings, ranges, enums, durations. */

/** Runs `check` on every known property whose value the rules can judge. */
function forEachValue(
  entries: readonly PolicyEntry[],
  check: (entry: PolicyEntry, property: PolicyProperty, value: RValue, editable: boolean) => FindingDraft | undefined,
): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const entry of entries) {
    if (!entry.match || entry.property.value.kind === 'unknown') continue;
    const finding = check(entry, entry.match.property, entry.property.value, isValueEditable(entry));
    if (finding) out.push(finding);
  }
  return out;
}

function replaceFix(title: string, value: RValue, newValue: JsonPrimitive, isPreferred = false): Fix {
  return { title, edits: [{ kind: 'replaceValue', span: value.span, newValue }], ...(isPreferred ? { isPreferred } : {}) };
}

function unit(property: PolicyProperty): string {
  return property.name.endsWith('Percent') ? ' %' : '';
}

export const VALUE_TYPE = scaleSetRule({
  id: 'value-type',
  defaultSeverity: 'error',
  title: 'Value of the wrong type',
  description:
    'A policy property whose value has a type the Compute API cannot convert, such as "abc" for an integer or a string where an object is expected.',
  check: ({ scaleSet, facts }) => [
    ...upgradePolicyType(scaleSet),
    ...forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (valueShape(property, value).kind !== 'wrongType') return undefined;
      const fixes =
        editable && property.default !== undefined
          ? [replaceFix(`Use the default ${JSON.stringify(property.default)}`, value, property.default)]
          : [];
      return {
        message: `${property.name} must be ${expectedType(property)}, but it is ${showValue(value)}${originNote(value)}. ARM cannot convert it, so the deployment fails.${property.default !== undefined ? ` The default is ${JSON.stringify(property.default)}.` : ''}`,
        span: value.span,
        fixes,
      };
    }),
  ],
});

/** upgradePolicy itself must be an object; anything else leaves the scale set with the defaults. */
function upgradePolicyType(scaleSet: ScaleSetModel): FindingDraft[] {
  const value = scaleSet.upgradePolicy?.value;
  if (!value || value.kind === 'object' || value.kind === 'unknown' || value.kind === 'null') return [];
  return [
    {
      message: `upgradePolicy must be an object such as { "mode": "Rolling" }, but it is ${showValue(value)}${originNote(value)}. ARM cannot read it, so the deployment fails.`,
      span: value.span,
    },
  ];
}

export const VALUE_AS_STRING = scaleSetRule({
  id: 'value-as-string',
  defaultSeverity: 'warning',
  title: 'Number or boolean written as a string',
  description: 'A number or boolean written as a string ("20", "true"). ARM converts it, so it works, but the API defines the typed value.',
  check: ({ scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      const shape = valueShape(property, value);
      if (shape.kind !== 'asString') return undefined;
      const kind = typeof shape.typed === 'number' ? 'a number' : 'a boolean';
      return {
        message: `${property.name} is the string ${showValue(value)}${originNote(value)}, but the Compute API defines it as ${kind}. ARM converts the string, so it works, but write ${String(shape.typed)} without quotes so the template says what the API means.`,
        span: value.span,
        fixes: editable ? [replaceFix(`Change to ${String(shape.typed)}`, value, shape.typed, true)] : [],
      };
    }),
});

export const VALUE_OUT_OF_RANGE = scaleSetRule({
  id: 'value-out-of-range',
  defaultSeverity: 'error',
  title: 'Value out of range',
  description:
    'A number or duration outside the range the Compute API accepts, e.g. maxBatchInstancePercent outside 5 to 100, or externalHealthPolicy.expiryDuration outside PT5M to PT3H.',
  check: ({ scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (property.type === 'duration') return durationOutOfRange(property, value, editable);
      const shape = valueShape(property, value);
      if ((shape.kind !== 'ok' && shape.kind !== 'asString') || typeof shape.typed !== 'number') return undefined;
      const { minimum, maximum } = property;
      const n = shape.typed;
      const bound = minimum !== undefined && n < minimum ? minimum : maximum !== undefined && n > maximum ? maximum : undefined;
      if (bound === undefined) return undefined;
      const range =
        minimum !== undefined && maximum !== undefined
          ? `${minimum} to ${maximum}`
          : minimum !== undefined
            ? `at least ${minimum}`
            : `at most ${maximum}`;
      const fixes: Fix[] = [];
      if (editable) {
        fixes.push(replaceFix(`Change to ${bound}`, value, bound, true));
        if (typeof property.default === 'number' && property.default !== bound)
          fixes.push(replaceFix(`Use the default ${property.default}`, value, property.default));
      }
      return {
        message: `${property.name} is ${n}${unit(property)}${originNote(value)}, but the Compute API accepts ${range}${unit(property)}, so the deployment fails validation. Use a value from ${range}${typeof property.default === 'number' ? `; the default is ${property.default}${unit(property)}` : ''}.`,
        span: value.span,
        fixes,
      };
    }),
});

/** A valid ISO 8601 duration outside the range the API states for it (external health, repairs, scheduled events). */
function durationOutOfRange(property: PolicyProperty, value: RValue, editable: boolean): FindingDraft | undefined {
  const { minimumDuration: min, maximumDuration: max } = property;
  if (value.kind !== 'string' || (min === undefined && max === undefined)) return undefined;
  const parsed = parseIsoDuration(value.value);
  if (!parsed.ok) return undefined; // invalid-duration reports it
  const seconds = (d: string | undefined) => {
    const p = d === undefined ? undefined : parseIsoDuration(d);
    return p?.ok ? p.seconds : undefined;
  };
  const low = seconds(min);
  const high = seconds(max);
  const bound = low !== undefined && parsed.seconds < low ? min : high !== undefined && parsed.seconds > high ? max : undefined;
  if (bound === undefined) return undefined;
  const range = min === max ? `only ${min}` : `${min ?? 'any'} to ${max ?? 'any'}`;
  return {
    message: `${property.name} is ${showValue(value)} (${humaniseDuration(value.value)})${originNote(value)}, but the Compute API states ${range}, so the deployment may be rejected.`,
    span: value.span,
    fixes: editable ? [replaceFix(`Change to "${bound}" (${humaniseDuration(bound)})`, value, bound, true)] : [],
  };
}

export const INVALID_ENUM_VALUE = scaleSetRule({
  id: 'invalid-enum-value',
  defaultSeverity: 'error',
  title: 'Invalid enum value',
  description:
    'A value that is not one of the allowed values of an enum property such as upgradePolicy.mode (compared case-insensitively, as ARM does).',
  check: ({ scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (property.type !== 'enum' || property.openEnum || value.kind !== 'string') return undefined;
      const allowed = property.enumValues ?? [];
      if (allowed.some((v) => v.toLowerCase() === value.value.toLowerCase())) return undefined;
      const suggestion = closestName(value.value, allowed);
      const fixes = editable ? allowed.map((v) => replaceFix(`Change to "${v}"`, value, v, v === suggestion)) : [];
      return {
        message: `${showValue(value)}${originNote(value)} is not a valid ${property.name}; ARM rejects the deployment. Use ${expectedType(property)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}${property.default !== undefined ? ` Without a value the ${property.name} is "${String(property.default)}".` : ''}`,
        span: value.span,
        fixes,
      };
    }),
});

export const INVALID_DURATION = scaleSetRule({
  id: 'invalid-duration',
  defaultSeverity: 'error',
  title: 'Invalid ISO 8601 duration',
  description:
    'A duration property (pauseTimeBetweenBatches, external health, repairs, lifecycle hooks, scheduled events) whose string is not an ISO 8601 duration such as "PT5M".',
  check: ({ scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (property.type !== 'duration' || value.kind !== 'string') return undefined;
      const parsed = parseIsoDuration(value.value);
      if (parsed.ok) return undefined;
      const suggestions = suggestDurations(value.value);
      const fallback = typeof property.default === 'string' ? property.default : (property.minimumDuration ?? 'PT0S');
      const choices = suggestions.length ? suggestions : [fallback];
      const fixes = editable ? choices.map((d, i) => replaceFix(`Change to "${d}" (${humaniseDuration(d)})`, value, d, i === 0)) : [];
      if (property.name !== 'pauseTimeBetweenBatches')
        return {
          message: `${showValue(value)}${originNote(value)} is not an ISO 8601 duration (${parsed.reason}), so ${property.name} cannot be read.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
          span: value.span,
          fixes,
        };
      return {
        message: `${showValue(value)}${originNote(value)} is not an ISO 8601 duration: ${parsed.reason}. ${property.name} takes a duration like "PT5M" (5 minutes) or "PT0S" (no pause, the default). The API schema does not check the form, so the mistake would only show when the service reads the pause.${suggestions.length ? ` Did you mean "${suggestions[0]}" (${humaniseDuration(suggestions[0]!)})?` : ''}`,
        span: value.span,
        fixes,
      };
    }),
});
