import { closestName } from '../../catalog/closestName';
import { humaniseDuration, parseIsoDuration, suggestDurations } from '../../catalog/durations';
import type { JsonPrimitive, PolicyProperty } from '../../catalog/policyProperty';
import type { RValue, ScaleSetModel, TemplateModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import type { FindingDraft, Fix } from '../ruleTypes';
import { fitMessage, joinSentences } from '../messageText';
import { originRelated, originSentence, showValue } from '../valueOrigin';
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
  check: ({ model, scaleSet, facts }) => [
    ...upgradePolicyType(model, scaleSet),
    ...forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (valueShape(property, value).kind !== 'wrongType') return undefined;
      const fixes =
        editable && property.default !== undefined
          ? [replaceFix(`Use the default ${JSON.stringify(property.default)}`, value, property.default)]
          : [];
      return {
        message: fitMessage(
          (q) =>
            `${property.name} is ${showValue(value, q)}, but it must be ${expectedType(property)}; ARM cannot convert it, so the deployment fails.`,
        ),
        details: {
          explanation: joinSentences(
            originSentence(value),
            property.default !== undefined ? `Without a value, ${property.name} is ${JSON.stringify(property.default)}.` : '',
          ),
          sources: property.sources,
        },
        span: value.span,
        related: originRelated(model, value),
        fixes,
      };
    }),
  ],
});

/** upgradePolicy itself must be an object; anything else leaves the scale set with the defaults. */
function upgradePolicyType(model: TemplateModel, scaleSet: ScaleSetModel): FindingDraft[] {
  const value = scaleSet.upgradePolicy?.value;
  if (!value || value.kind === 'object' || value.kind === 'unknown' || value.kind === 'null') return [];
  return [
    {
      message: fitMessage(
        (q) =>
          `upgradePolicy is ${showValue(value, q)}, but it must be an object such as { "mode": "Rolling" }; ARM cannot read it, so the deployment fails.`,
      ),
      details: {
        explanation: joinSentences(originSentence(value), 'Without an upgrade policy the scale set uses mode Manual.'),
        sources: ['S1'],
      },
      span: value.span,
      related: originRelated(model, value),
    },
  ];
}

export const VALUE_AS_STRING = scaleSetRule({
  id: 'value-as-string',
  defaultSeverity: 'info',
  title: 'Number or boolean written as a string',
  description: 'A number or boolean written as a string ("20", "true"). ARM converts it, so it works, but the API defines the typed value.',
  check: ({ model, scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      const shape = valueShape(property, value);
      if (shape.kind !== 'asString') return undefined;
      const kind = typeof shape.typed === 'number' ? 'a number' : 'a boolean';
      return {
        message: `${property.name} is the string ${showValue(value)}; the Compute API defines ${kind}. ARM converts it, but a quoted value invites mistakes.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `ARM converts the string, so the template deploys. Write ${String(shape.typed)} without quotes so the template says what the API means: a quoted number such as "20%" only fails at deployment.`,
          ),
          sources: property.sources,
        },
        span: value.span,
        related: originRelated(model, value),
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
  check: ({ model, scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (property.type === 'duration') return durationOutOfRange(model, property, value, editable);
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
        message: `${property.name} is ${n}; the Compute API accepts ${range}, so the deployment fails.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `Use a value from ${range}${unit(property)}${typeof property.default === 'number' ? `; without a value it is ${property.default}${unit(property)}` : ''}.`,
          ),
          sources: property.sources,
        },
        span: value.span,
        related: originRelated(model, value),
        fixes,
      };
    }),
});

/** A valid ISO 8601 duration outside the range the API states for it (external health, repairs, scheduled events). */
function durationOutOfRange(model: TemplateModel, property: PolicyProperty, value: RValue, editable: boolean): FindingDraft | undefined {
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
    message: `${property.name} is ${showValue(value)} (${humaniseDuration(value.value)}); the Compute API states ${range}, so the deployment may be rejected.`,
    details: {
      explanation: joinSentences(
        originSentence(value),
        "The range is stated in the API's description of the property, not in its schema, so whether Azure rejects the deployment or clamps the value is not documented.",
      ),
      sources: ['API2026'],
    },
    span: value.span,
    related: originRelated(model, value),
    fixes: editable ? [replaceFix(`Change to "${bound}" (${humaniseDuration(bound)})`, value, bound, true)] : [],
  };
}

export const INVALID_ENUM_VALUE = scaleSetRule({
  id: 'invalid-enum-value',
  defaultSeverity: 'error',
  title: 'Invalid enum value',
  description:
    'A value that is not one of the allowed values of an enum property such as upgradePolicy.mode (compared case-insensitively, as ARM does).',
  check: ({ model, scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (_entry, property, value, editable) => {
      if (property.type !== 'enum' || property.openEnum || value.kind !== 'string') return undefined;
      const allowed = property.enumValues ?? [];
      if (allowed.some((v) => v.toLowerCase() === value.value.toLowerCase())) return undefined;
      const suggestion = closestName(value.value, allowed);
      const fixes = editable ? allowed.map((v) => replaceFix(`Change to "${v}"`, value, v, v === suggestion)) : [];
      return {
        message: `${showValue(value)} is not a valid ${property.name}, so ARM rejects the deployment.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `${property.name} takes ${expectedType(property)}.`,
            property.default !== undefined ? `Without a value, ${property.name} is "${String(property.default)}".` : '',
          ),
          sources: property.sources,
        },
        span: value.span,
        related: originRelated(model, value),
        fixes,
      };
    }),
});

export const UNLISTED_ENUM_VALUE = scaleSetRule({
  id: 'unlisted-enum-value',
  defaultSeverity: 'warning',
  title: 'Value outside an open enum',
  description:
    'A value that is not one of the values the Compute API lists for an open enum property, such as automaticRepairsPolicy.repairAction (Replace, Restart or Reimage).',
  check: ({ model, scaleSet, facts }) =>
    forEachValue(policyEntries(scaleSet, facts), (entry, property, value, editable) => {
      // Lifecycle hooks' type and defaultAction: lifecycle-hook-settings reports them, with what the preview accepts.
      if (property.type !== 'enum' || !property.openEnum || value.kind !== 'string' || entry.object.objectId === 'lifecycleHook')
        return undefined;
      const allowed = property.enumValues ?? [];
      if (allowed.some((v) => v.toLowerCase() === value.value.toLowerCase())) return undefined;
      const suggestion = closestName(value.value, allowed);
      const fixes = editable ? allowed.map((v) => replaceFix(`Change to "${v}"`, value, v, v === suggestion)) : [];
      return {
        message: fitMessage(
          (q) =>
            `${showValue(value, q)} is not a ${property.name} the Compute API lists (${allowed.join(', ')}), so Azure may reject it.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
        ),
        details: {
          explanation: joinSentences(
            originSentence(value),
            `${property.name} takes ${expectedType(property)}.`,
            property.default !== undefined ? `Without a value, ${property.name} is "${String(property.default)}".` : '',
          ),
          assumption:
            'The API declares the list open (values may be added later), so whether Azure rejects another value or ignores it is not documented.',
          sources: property.sources,
        },
        span: value.span,
        related: originRelated(model, value),
        fixes,
      };
    }),
});

export const INVALID_DURATION = scaleSetRule({
  id: 'invalid-duration',
  defaultSeverity: 'warning',
  title: 'Invalid ISO 8601 duration',
  description:
    'A duration property (pauseTimeBetweenBatches, external health, repairs, lifecycle hooks, scheduled events) whose string is not an ISO 8601 duration such as "PT5M".',
  check: ({ model, scaleSet, facts }) =>
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
          message: `${property.name} ${showValue(value)} is not an ISO 8601 duration such as "PT5M", so Azure cannot read it.`,
          details: {
            explanation: joinSentences(
              originSentence(value),
              `It is not a duration: ${parsed.reason}.`,
              suggestions.length ? `Did you mean "${suggestions[0]}" (${humaniseDuration(suggestions[0]!)})?` : '',
            ),
            sources: property.sources,
          },
          span: value.span,
          related: originRelated(model, value),
          fixes,
        };
      return {
        message: `${property.name} ${showValue(value)} is not an ISO 8601 duration such as "PT5M", so Azure cannot read the pause.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `It is not a duration: ${parsed.reason}.`,
            `${property.name} takes a duration like "PT5M" (5 minutes) or "PT0S" (no pause, the default). The API schema does not check the form, so the deployment is accepted and the mistake only shows when the service reads the pause.`,
            suggestions.length ? `Did you mean "${suggestions[0]}" (${humaniseDuration(suggestions[0]!)})?` : '',
          ),
          assumption: 'When exactly Azure rejects a malformed duration (at deployment or when an upgrade starts) is not documented.',
          sources: property.sources,
        },
        span: value.span,
        related: originRelated(model, value),
        fixes,
      };
    }),
});
