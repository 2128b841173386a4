import type { InlayHint, Range } from 'vscode-languageserver-types';
import { humaniseSeconds, parseIsoDuration, POLICY_OBJECTS } from '../catalog';
import { asInteger, asString, getProp } from '../model/values';
import type { RObject, ScaleSetModel } from '../model/templateModel';
import { allowedInApiVersion, apiVersionOf } from './catalogContext';
import type { InlayHintOptions, TemplateDocument } from '../languageTypes';
import { batchHint, capacityOf, clampedLabel, instancesAllowed, pausesLabel, policyPlan } from './displayFacts';
import { count } from '../text/plural';

/**
 * Numbers the percentages and durations stand for, after their values: instances per batch, instances
 * the unhealthy limits allow, the total pause over all batches; and, after the opening brace of a policy
 * object, the defaults Azure applies to what it leaves out. Only for scale sets inside `range`.
 */
export function getInlayHints(doc: TemplateDocument, range: Range, options: InlayHintOptions = {}): InlayHint[] {
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const scaleSet of doc.model.scaleSets) {
    const policy = scaleSet.upgradePolicy?.value;
    if (policy?.kind !== 'object' || policy.expression !== undefined) continue;
    if (policy.span.offset > end || policy.span.offset + policy.span.length < start) continue;
    hints.push(...omittedDefaults(doc, policy, 'upgradePolicy', apiVersionOf(scaleSet)));
    const rolling = scaleSet.rollingUpgradePolicy?.value;
    if (rolling?.kind !== 'object' || rolling.expression !== undefined) continue;
    hints.push(...omittedDefaults(doc, rolling, 'rollingUpgradePolicy', apiVersionOf(scaleSet)), ...hintsFor(doc, scaleSet, options));
  }
  return hints;
}

/** "defaults: mode Manual" after `{` of a policy object written in the template (not built by an expression). */
function omittedDefaults(
  doc: TemplateDocument,
  object: RObject,
  objectId: 'upgradePolicy' | 'rollingUpgradePolicy',
  apiVersion: string | undefined,
): InlayHint[] {
  const omitted = POLICY_OBJECTS[objectId].properties.filter(
    (p) => p.default !== undefined && allowedInApiVersion(p, apiVersion) && !getProp(object, p.name),
  );
  if (omitted.length === 0 || doc.text[object.span.offset] !== '{') return [];
  return [
    {
      position: doc.lines.positionAt(object.span.offset + 1),
      label: `defaults: ${omitted.map((p) => `${p.name} ${String(p.default)}`).join(', ')}`,
      paddingLeft: true,
      tooltip: `What Azure applies to the ${objectId} properties this template leaves out.`,
    },
  ];
}

function hintsFor(doc: TemplateDocument, scaleSet: ScaleSetModel, options: InlayHintOptions): InlayHint[] {
  const rolling = scaleSet.rollingUpgradePolicy!.value;
  const capacity = capacityOf(scaleSet, options.assumedCapacity);
  const of = `${capacity.count}${!capacity.known ? ' assumed' : capacity.clampedFrom !== undefined ? ' max' : ''}`;
  const out: InlayHint[] = [];
  const at = (name: string, label: (value: NonNullable<ReturnType<typeof getProp>>) => string | undefined, tooltip: string) => {
    const prop = getProp(rolling, name);
    if (!prop || prop.value.span.offset === rolling.span.offset) return;
    const text = label(prop);
    if (text)
      out.push({
        position: doc.lines.positionAt(prop.value.span.offset + prop.value.span.length),
        label: text,
        paddingLeft: true,
        tooltip,
      });
  };
  const plan = policyPlan(scaleSet, capacity);
  const capacityNote = !capacity.known
    ? `sku.capacity is unknown; ${count(capacity.count, 'instance')} assumed`
    : (clampedLabel(capacity) ?? `sku.capacity ${capacity.count}`);
  at(
    'maxBatchInstancePercent',
    (p) => {
      const pct = asInteger(p.value);
      return pct === undefined ? undefined : batchHint(plan, of);
    },
    `${capacityNote}. ${plan.explanation}.`,
  );
  for (const name of ['maxUnhealthyInstancePercent', 'maxUnhealthyUpgradedInstancePercent']) {
    at(
      name,
      (p) => {
        const pct = asInteger(p.value);
        const allowed = pct === undefined ? undefined : instancesAllowed(name, capacity.count, pct);
        return allowed === undefined ? undefined : `≤ ${allowed} of ${of}`;
      },
      capacityNote,
    );
  }
  at(
    'pauseTimeBetweenBatches',
    (p) => {
      const parsed = parseIsoDuration(asString(p.value) ?? '');
      if (!parsed.ok || parsed.seconds === 0) return undefined;
      if (plan.pauses < 1) return undefined;
      return `${pausesLabel(plan.pauses)} = ${humaniseSeconds(parsed.seconds * plan.pauses)}`;
    },
    `${capacityNote}. ${plan.explanation}.`,
  );
  return out;
}
