import { parseApiVersion } from '../../catalog/apiVersions';
import type { PolicyProperty } from '../../catalog/policyProperty';
import type { NeutralEdit } from '../../edits/neutralEdit';
import type { RProperty, RValue, ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import { perScaleSet } from '../facts/memo';
import type { FindingDraft, Fix } from '../ruleTypes';
import { joinSentences } from '../messageText';
import { clip, originSentence } from '../valueOrigin';
import { canWriteInto, findChild, pathFromUpgradePolicy, policyEntries, type PolicyEntry } from './policyWalk';

/** Rules that compare policy properties with the resource's apiVersion and retire legacy forms. */

interface ResourceApiVersion {
  /** Date part, e.g. "2020-12-01"; previews count as their date. */
  readonly date: string;
  readonly value: RValue;
  /** A fix may rewrite it: written literally in this template. */
  readonly editable: boolean;
}

/** Read by two rules per scale set, so kept. */
const apiVersionOf = perScaleSet((scaleSet: ScaleSetModel): ResourceApiVersion | undefined => {
  const value = scaleSet.apiVersion;
  if (value?.kind !== 'string') return undefined;
  const parsed = parseApiVersion(value.value);
  return parsed ? { date: parsed.date, value, editable: value.source === 'literal' && value.expression === undefined } : undefined;
});

function raiseApiVersion(api: ResourceApiVersion, to: string): NeutralEdit {
  return { kind: 'replaceValue', span: api.value.span, newValue: to };
}

export const API_VERSION_UNSUPPORTED_PROPERTY = scaleSetRule({
  id: 'api-version-unsupported-property',
  defaultSeverity: 'error',
  title: 'Property newer than the apiVersion',
  description: 'A policy property (or enum value) that the Compute API added after the apiVersion the resource declares.',
  check: ({ scaleSet, facts }) => {
    const api = apiVersionOf(scaleSet, facts);
    if (!api) return [];
    const out: FindingDraft[] = [];
    // Inside an object that is itself too new only the object is reported (entries come parents first).
    const tooNewKeys = new Set<number>();
    for (const entry of policyEntries(scaleSet, facts)) {
      if (!entry.match) continue;
      const { property } = entry.match;
      if (tooNewKeys.has(entry.object.holder.keySpan.offset)) {
        tooNewKeys.add(entry.property.keySpan.offset);
        continue;
      }
      if (api.date < property.since) {
        tooNewKeys.add(entry.property.keySpan.offset);
        out.push(tooNew(api, entry, property, `${property.name} was added`, property.since, entry.property.keySpan, true));
      }
      const value = entry.property.value;
      if (value.kind !== 'string' || !property.enumValueSince) continue;
      const enumValue = Object.keys(property.enumValueSince).find((v) => v.toLowerCase() === value.value.toLowerCase());
      const since = enumValue ? property.enumValueSince[enumValue]! : undefined;
      if (since && api.date < since)
        out.push(tooNew(api, entry, property, `${property.name} "${enumValue}" was added`, since, value.span, false));
    }
    return out;
  },
});

function tooNew(
  api: ResourceApiVersion,
  entry: PolicyEntry,
  property: PolicyProperty,
  what: string,
  since: string,
  span: FindingDraft['span'],
  offerRemove: boolean,
): FindingDraft {
  const fixes: Fix[] = [];
  if (api.editable) fixes.push({ title: `Change apiVersion to ${since}`, edits: [raiseApiVersion(api, since)], isPreferred: true });
  if (offerRemove && entry.object.editable)
    fixes.push({ title: `Remove ${property.name}`, edits: [{ kind: 'removeProperty', keySpan: entry.property.keySpan }] });
  const used = api.value.kind === 'string' ? clip(api.value.value) : '';
  return {
    message: fitMessage(
      `${what} in Compute API ${since}, but this resource uses apiVersion ${used}, which does not define it, so it does not take effect.`,
      `${what} in Compute API ${since}; apiVersion ${used} does not define it, so it does not take effect.`,
    ),
    details: {
      explanation: joinSentences(
        originSentence(api.value),
        `Use apiVersion ${since} or later${offerRemove ? `, or remove ${property.name}` : ''}. Depending on the version, Azure ignores a property it does not define or rejects the deployment.`,
      ),
      sources: ['S1', 'S2'],
    },
    span,
    related: [{ span: api.value.span, message: "The resource's apiVersion." }],
    fixes,
  };
}

export const LEGACY_UPGRADE_PROPERTY = scaleSetRule({
  id: 'legacy-upgrade-property',
  defaultSeverity: 'warning',
  title: 'Legacy automatic OS upgrade property',
  description:
    'upgradePolicy.automaticOSUpgrade or upgradePolicy.autoOSUpgradePolicy: the pre-2018-10-01 forms of automaticOSUpgradePolicy.',
  check: ({ scaleSet, facts }) => {
    const api = apiVersionOf(scaleSet, facts);
    const out: FindingDraft[] = [];
    for (const entry of policyEntries(scaleSet, facts)) {
      const property = entry.match?.property;
      if (!property?.removedIn || !property.replacedBy || entry.object.objectId !== 'upgradePolicy') continue;
      const replacement = `upgradePolicy.${property.replacedBy.join('.')}`;
      const shortReplacement = property.replacedBy.join('.');
      const ignored = api !== undefined && api.date >= property.removedIn;
      const needsNewerApi = api !== undefined && api.date < property.removedIn;
      const status = !api
        ? `From API ${property.removedIn} on it is not read.`
        : ignored
          ? `This resource uses apiVersion ${api.date}, which no longer reads it.`
          : `This resource uses apiVersion ${api.date}, where it still works, but API ${property.removedIn} and later ignore it.`;
      out.push({
        message: ignored
          ? `${entry.property.name} is the legacy form of ${shortReplacement}; apiVersion ${api.date} does not read it, so it has no effect.`
          : `${entry.property.name} is the legacy form of ${shortReplacement}; API ${property.removedIn} and later ignore it.`,
        details: {
          explanation: `${entry.property.name} was read from API ${property.since} to before ${property.removedIn}. ${status} Use ${replacement}${needsNewerApi ? `, which needs apiVersion ${property.removedIn} or later` : ''}.`,
          sources: ['S2'],
        },
        span: entry.property.keySpan,
        tags: ['deprecated'],
        fixes: migrationFixes(scaleSet, entry, property, api),
      });
    }
    return out;
  },
});

/** Moves the legacy value to its replacement (keeping its text, expressions included), raising a literal apiVersion when needed. */
function migrationFixes(scaleSet: ScaleSetModel, entry: PolicyEntry, property: PolicyProperty, api: ResourceApiVersion | undefined): Fix[] {
  const upgradePolicy = scaleSet.upgradePolicy;
  if (!entry.object.editable || upgradePolicy?.value.kind !== 'object' || !canWriteInto(scaleSet, 'automaticOSUpgradePolicy')) return [];
  const aosPath = pathFromUpgradePolicy(scaleSet, 'automaticOSUpgradePolicy');
  const aos = findChild(upgradePolicy.value, 'automaticOSUpgradePolicy');
  const apiEdits: NeutralEdit[] =
    api && api.date < property.removedIn! ? (api.editable ? [raiseApiVersion(api, property.removedIn!)] : []) : [];
  const apiNote = apiEdits.length ? ` and set apiVersion to ${property.removedIn}` : '';
  const move = (from: RProperty, newName: string): NeutralEdit[] =>
    findChild(aos?.value, newName)
      ? []
      : [{ kind: 'moveProperty', keySpan: from.keySpan, targetObjectSpan: upgradePolicy.value.span, path: [...aosPath, newName] }];

  if (property.name === 'automaticOSUpgrade') {
    const edits = move(entry.property, 'enableAutomaticOSUpgrade');
    if (edits.length === 0)
      return [
        {
          title: 'Remove the legacy automaticOSUpgrade (automaticOSUpgradePolicy already sets it)',
          edits: [{ kind: 'removeProperty', keySpan: entry.property.keySpan }],
        },
      ];
    return [
      {
        title: `Migrate to automaticOSUpgradePolicy.enableAutomaticOSUpgrade${apiNote}`,
        edits: [...edits, ...apiEdits],
        isPreferred: true,
      },
    ];
  }
  // autoOSUpgradePolicy: only its disableAutoRollback has a successor; leave anything else for a human.
  const legacy = entry.property.value;
  if (legacy.kind !== 'object' || legacy.properties.some((p) => p.name.toLowerCase() !== 'disableautorollback')) return [];
  const inner = findChild(legacy, 'disableAutoRollback');
  const edits: NeutralEdit[] = [
    ...(inner ? move(inner, 'disableAutomaticRollback') : []),
    { kind: 'removeProperty', keySpan: entry.property.keySpan },
  ];
  return [
    {
      title: `Migrate to automaticOSUpgradePolicy${inner ? '.disableAutomaticRollback' : ''}${apiNote}`,
      edits: [...edits, ...apiEdits],
      isPreferred: true,
    },
  ];
}

/** The fuller sentence when it fits the 160-character message limit, else the shorter one (long property paths and values). */
function fitMessage(full: string, short: string): string {
  return full.length <= 160 ? full : short;
}
