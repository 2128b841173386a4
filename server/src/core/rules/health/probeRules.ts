import { closestName, LOAD_BALANCER_PROBE } from '../../catalog';
import type { ProbeModel, RValue } from '../../model/templateModel';
import { asInteger, asString } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { healthSources, isEditable, resolveProbe, singlePlacementGroup } from '../facts';
import type { Fix, FindingDraft, ScaleSetRuleContext } from '../ruleTypes';
import { clip, originNote, originRelated, originSentence } from '../valueOrigin';
import { fitMessage, joinSentences } from '../messageText';

/** Rules on the load-balancer probe named by healthProbe.id, looked up in the same template (§3.2 #10). */

/** The probe id as a string, or undefined when it is absent or cannot be evaluated. */
function probeId({ scaleSet, facts }: ScaleSetRuleContext): { readonly value: RValue & { kind: 'string' } } | undefined {
  const probe = healthSources(scaleSet, facts).probe;
  return probe?.value.kind === 'string' ? { value: probe.value } : undefined;
}

const nameOf = (value: RValue | undefined) => clip(asString(value) ?? '(unnamed)');

/** A probe number: the default when absent, undefined when it cannot be read. */
function probeNumber(value: RValue | undefined, fallback: number): number | undefined {
  if (value === undefined || value.kind === 'null') return fallback;
  return asInteger(value);
}

/** Fixes that shorten the interval to the largest usual value that detects a failure in under two minutes. */
function intervalFixes(probe: ProbeModel, interval: number, count: number, text: string): Fix[] {
  const limit = LOAD_BALANCER_PROBE.maximumDetectionSeconds;
  const target = [30, 15, 10, LOAD_BALANCER_PROBE.minimumIntervalInSeconds].find((s) => s < interval && s * count < limit);
  if (target === undefined) return [];
  const title = `Set intervalInSeconds to ${target} (${target * count} s to detect a failure)`;
  if (probe.intervalInSeconds && probe.intervalInSeconds.kind !== 'null') {
    return isEditable(probe.intervalInSeconds)
      ? [{ title, edits: [{ kind: 'replaceValue', span: probe.intervalInSeconds.span, newValue: target }], isPreferred: true }]
      : [];
  }
  if (text[probe.span.offset] !== '{') return [];
  return [
    {
      title,
      edits: [{ kind: 'setProperty', objectSpan: probe.span, path: ['properties', 'intervalInSeconds'], value: target }],
      isPreferred: true,
    },
  ];
}

export const HEALTH_PROBE_RATE = scaleSetRule({
  id: 'health-probe-rate',
  defaultSeverity: 'warning',
  title: 'Health probe too slow',
  description:
    "The load-balancer probe used as the scale set's health probe takes two minutes or more to notice a failed instance (intervalInSeconds × probeThreshold, or × numberOfProbes).",
  check: (ctx) => {
    const id = probeId(ctx);
    if (!id) return [];
    const target = resolveProbe(ctx.model, id.value, ctx.facts);
    if (target.kind !== 'found') return [];
    const { probe, loadBalancer } = target;
    const defaults = LOAD_BALANCER_PROBE.defaults;
    const interval = probeNumber(probe.intervalInSeconds, defaults.intervalInSeconds);
    // probeThreshold (newer Network API versions) is the consecutive-failure count when present; otherwise numberOfProbes.
    const useThreshold = probe.probeThreshold !== undefined && probe.probeThreshold.kind !== 'null';
    const countName = useThreshold ? 'probeThreshold' : 'numberOfProbes';
    const countValue = useThreshold ? probe.probeThreshold : probe.numberOfProbes;
    const count = probeNumber(countValue, defaults.numberOfProbes);
    if (interval === undefined || count === undefined) return [];
    const seconds = interval * count;
    if (seconds < LOAD_BALANCER_PROBE.maximumDetectionSeconds) return [];
    const shown = (value: RValue | undefined, n: number, def: string) =>
      value === undefined || value.kind === 'null' ? `${n} (${def})` : `${n}${originNote(value)}`;
    const drafts: FindingDraft[] = [
      {
        message: `Health probe "${nameOf(probe.name)}" needs ${seconds} s to notice a failed instance; upgrades and repairs expect under 120 s, so they can move on too early.`,
        details: {
          explanation: `Load balancer "${nameOf(loadBalancer.name)}": intervalInSeconds ${shown(probe.intervalInSeconds, interval, 'ARM default')} × ${countName} ${shown(countValue, count, 'ARM default')} = ${seconds} s${useThreshold ? ' (probeThreshold is used because it is set; numberOfProbes otherwise)' : ''}. The automatic OS upgrade documentation asks for a probe rate of less than two minutes: a slower probe lets an upgrade or repair move on before it sees that the upgraded instances are down. Lower intervalInSeconds or ${countName} so that their product is under 120 s.`,
          sources: ['S4'],
        },
        span: probe.intervalInSeconds && probe.intervalInSeconds.kind !== 'null' ? probe.intervalInSeconds.span : probe.span,
        related: [
          { span: id.value.span, message: 'The scale set uses this probe as its health probe.' },
          ...(countValue && countValue.kind !== 'null' ? [{ span: countValue.span, message: `${countName} is set here.` }] : []),
        ],
        fixes: intervalFixes(probe, interval, count, ctx.text),
      },
    ];
    return drafts;
  },
});

export const HEALTH_PROBE_BASIC_LB = scaleSetRule({
  id: 'health-probe-basic-lb',
  defaultSeverity: 'warning',
  title: 'Health probe on a Basic load balancer without a single placement group',
  description:
    'singlePlacementGroup is false, but the health probe belongs to a Basic load balancer (or one with no sku, which is Basic); such scale sets need a Standard load balancer probe.',
  check: (ctx) => {
    const id = probeId(ctx);
    if (!id) return [];
    const spg = singlePlacementGroup(ctx.scaleSet, ctx.facts);
    if (spg.value !== false || !spg.property) return [];
    const target = resolveProbe(ctx.model, id.value, ctx.facts);
    if (target.kind !== 'found' && target.kind !== 'missingProbe') return [];
    const lb = target.loadBalancer;
    const sku = lb.skuName;
    if (
      sku !== undefined &&
      sku.kind !== 'null' &&
      (sku.kind !== 'string' || sku.value.toLowerCase() !== LOAD_BALANCER_PROBE.defaultSku.toLowerCase())
    )
      return [];
    const skuText = sku?.kind === 'string' ? `sku "${sku.value}"` : `no sku, so it is ${LOAD_BALANCER_PROBE.defaultSku}`;
    return [
      {
        message: `singlePlacementGroup is false, but the health probe is on load balancer "${nameOf(lb.name)}" (${skuText}); it must be ${LOAD_BALANCER_PROBE.requiredSkuWithoutSinglePlacementGroup}.`,
        details: {
          explanation: joinSentences(
            originSentence(spg.property.value),
            `Without a single placement group the health probe must be on a ${LOAD_BALANCER_PROBE.requiredSkuWithoutSinglePlacementGroup} load balancer. Use a Standard load balancer (with Standard public IP addresses), or an Application Health extension instead of the probe.`,
          ),
          assumption:
            "Whether Azure rejects the deployment or only the upgrade misbehaves is not documented; Azure's error text for this case is not known.",
          sources: ['S4'],
        },
        span: spg.property.value.span,
        related: [
          ...originRelated(ctx.model, spg.property.value),
          {
            span: sku && sku.kind !== 'null' ? sku.span : lb.span,
            message: `The load balancer's ${sku && sku.kind !== 'null' ? 'sku' : 'declaration (no sku)'}.`,
          },
          { span: id.value.span, message: 'The scale set uses a probe of this load balancer as its health probe.' },
        ],
      },
    ];
  },
});

export const HEALTH_PROBE_UNRESOLVED = scaleSetRule({
  id: 'health-probe-unresolved',
  defaultSeverity: 'warning',
  title: 'Health probe id does not name a probe',
  description:
    'healthProbe.id is not a load-balancer probe id (e.g. a disk), or names a load balancer of this template that has no probe of that name.',
  check: (ctx) => {
    const id = probeId(ctx);
    if (!id) return [];
    const target = resolveProbe(ctx.model, id.value, ctx.facts);
    const note = originNote(id.value);
    if (target.kind === 'notAProbe') {
      // An Application Gateway probe has its own rule (health-probe-app-gateway), with Azure's text.
      if (target.parts?.namespace.toLowerCase() === 'microsoft.network' && target.parts.types[0]?.toLowerCase() === 'applicationgateways')
        return [];
      const parts = target.parts;
      const what = (q: number) =>
        parts
          ? `a ${clip(`${parts.namespace}/${parts.types.join('/')}`, q)} resource ("${clip(parts.names.join('/'), q)}")`
          : 'not a resource id at all';
      return [
        {
          message: fitMessage(
            (q) => `healthProbe.id is ${what(q)}, not a load-balancer probe, so the scale set has no usable health probe.`,
          ),
          details: {
            explanation: joinSentences(
              note ? originSentence(id.value) : '',
              `It must have the form /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.Network/loadBalancers/{lb}/probes/{probe}; Azure cannot use anything else as a health probe, so the deployment fails or the scale set has no health signal. Point it at a probe, e.g. [resourceId('Microsoft.Network/loadBalancers/probes', '<lb>', '<probe>')].`,
            ),
            assumption: "Azure's error text for a health probe id that names another kind of resource is not known.",
            sources: ['S1', 'S5'],
          },
          span: id.value.span,
          related: originRelated(ctx.model, id.value),
        },
      ];
    }
    if (target.kind !== 'missingProbe') return [];
    const names = target.loadBalancer.probes.map((p) => nameOf(p.name));
    const suggestion = closestName(target.probeName, names);
    const fixes: Fix[] =
      suggestion && isEditable(id.value)
        ? [
            {
              title: `Use probe "${suggestion}"`,
              edits: [{ kind: 'replaceValue', span: id.value.span, newValue: id.value.value.replace(/[^/]*$/, suggestion) }],
              isPreferred: true,
            },
          ]
        : [];
    return [
      {
        message: `healthProbe.id names probe "${clip(target.probeName)}", which load balancer "${nameOf(target.loadBalancer.name)}" does not have, so the deployment fails.${suggestion ? ` Did you mean "${clip(suggestion)}"?` : ''}`,
        details: {
          explanation: joinSentences(
            note ? originSentence(id.value) : '',
            `The load balancer ${names.length ? `has only ${names.map((n) => `"${n}"`).join(', ')}` : 'has no probes'}. ARM cannot find the referenced probe, so the deployment fails with a missing-resource error. ${suggestion ? `Use "${clip(suggestion)}", or add` : 'Add'} the probe to the load balancer.`,
          ),
          sources: ['S5'],
        },
        span: id.value.span,
        related: [{ span: target.loadBalancer.span, message: 'The load balancer named by the id.' }, ...originRelated(ctx.model, id.value)],
        fixes,
      },
    ];
  },
});
