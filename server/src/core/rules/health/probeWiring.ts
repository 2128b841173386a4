import { parseResourceId } from '../../expressions';
import type { LoadBalancerModel, ProbeModel, RValue } from '../../model/templateModel';
import { asString } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { healthSources, orchestrationMode, resolveProbe } from '../facts';
import type { FindingDraft, RelatedInformation, ScaleSetRuleContext } from '../ruleTypes';
import { clip, originRelated, originSentence } from '../valueOrigin';
import { joinSentences } from '../messageText';

/**
 * How the load-balancer probe named by healthProbe.id is wired: an Application Gateway probe cannot be
 * one, and a load-balancer probe must be on a load balancer the scale set's NICs send traffic through.
 */

/** The probe id as a string, or undefined when it is absent or cannot be evaluated. */
function probeId({ scaleSet, facts }: ScaleSetRuleContext): (RValue & { kind: 'string' }) | undefined {
  const probe = healthSources(scaleSet, facts).probe;
  return probe?.value.kind === 'string' ? probe.value : undefined;
}

const nameOf = (value: RValue | undefined, max = 24) => clip(asString(value) ?? '(unnamed)', max);
const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** A Microsoft.Network/loadBalancers/<child> id's load-balancer and child names; undefined for another id. */
function loadBalancerChild(id: RValue | undefined, childType: string): { readonly lb: string; readonly name: string } | undefined {
  if (id?.kind !== 'string') return undefined;
  const parts = parseResourceId(id.value.trim());
  if (!parts || parts.namespace.toLowerCase() !== 'microsoft.network' || parts.types.length !== 2) return undefined;
  if (parts.types[0]!.toLowerCase() !== 'loadbalancers' || parts.types[1]!.toLowerCase() !== childType.toLowerCase()) return undefined;
  return { lb: parts.names[0]!, name: parts.names[1]! };
}

// Reported by Azure as InvalidJsonReferenceWrongType (hashicorp/terraform-provider-azurerm#3190); the id elided.
const APP_GATEWAY_ERROR =
  'Reference Id … is referencing resource of a wrong type. The Id is expected to reference resources of type loadBalancers/probes. Path Properties.UpdateGroups[0].NetworkProfile.healthProbe.';

// CannotUseHealthProbeWithoutLoadBalancing, as quoted in Azure/ARO-RP#547 and PaloAltoNetworks/terraform-azurerm-vmseries-modules
// (modules/vmss/main.tf); the ids elided.
const NOT_LOAD_BALANCED_ERROR =
  'VM scale set … cannot use probe … as a HealthProbe because primary IP configuration … of the scale set does not use load balancing. LoadBalancerBackendAddressPools property of the IP configuration must reference backend address pool of the load balancer that contains the probe.';

export const HEALTH_PROBE_APP_GATEWAY = scaleSetRule({
  id: 'health-probe-app-gateway',
  defaultSeverity: 'error',
  title: 'Application Gateway probe as the health probe',
  description:
    "healthProbe.id names an Application Gateway probe; only a load-balancer probe can be a scale set's health probe, so Azure rejects the deployment.",
  check: (ctx) => {
    const id = probeId(ctx);
    const parts = id && parseResourceId(id.value.trim());
    if (!id || !parts || parts.namespace.toLowerCase() !== 'microsoft.network' || parts.types[0]?.toLowerCase() !== 'applicationgateways')
      return [];
    const gateway = clip(parts.names[0] ?? '', 24);
    const probe = parts.names.length > 1 ? clip(parts.names[parts.names.length - 1]!, 24) : undefined;
    return [
      {
        message: `healthProbe.id names ${probe ? `probe "${probe}" of ` : ''}Application Gateway "${gateway}"; only a load-balancer probe can be a health probe, so Azure rejects the deployment.`,
        details: {
          explanation: joinSentences(
            originSentence(id),
            "Azure reads healthProbe.id only as a Microsoft.Network/loadBalancers/probes id: an Application Gateway's probes decide where the gateway sends traffic, not whether an instance is healthy for an upgrade or a repair. Take the health signal from an Application Health extension that checks the same endpoint, or from a probe of a load balancer the scale set's instances sit behind.",
          ),
          azureError: APP_GATEWAY_ERROR,
          sources: ['S4', 'S9'],
        },
        span: id.span,
        related: originRelated(ctx.model, id),
      },
    ];
  },
});

/** The probe, its load balancer and the primary IP configuration's pools of that load balancer; undefined when any is unknown. */
interface Wiring {
  readonly id: RValue & { kind: 'string' };
  readonly loadBalancer: LoadBalancerModel;
  readonly probe: ProbeModel;
  readonly probeName: string;
  readonly loadBalancerName: string;
  readonly ipName: string;
  readonly ipSpan: RValue['span'];
  /** Names of this load balancer's backend pools the primary IP configuration joins, and where each is written. */
  readonly pools: readonly { readonly name: string; readonly value: RValue }[];
}

function wiring(ctx: ScaleSetRuleContext): Wiring | undefined {
  const id = probeId(ctx);
  if (!id) return undefined;
  // On Flexible a load-balancer probe is no health source at all (flexible-requires-health-extension says so).
  if (orchestrationMode(ctx.scaleSet, ctx.facts).value !== 'Uniform') return undefined;
  const target = resolveProbe(ctx.model, id, ctx.facts);
  if (target.kind !== 'found') return undefined;
  const loadBalancerName = asString(target.loadBalancer.name);
  const probeName = asString(target.probe.name);
  const ip = ctx.scaleSet.primaryIpConfiguration;
  if (!loadBalancerName || !probeName || ip?.kind !== 'found' || ip.poolsUnknown) return undefined;
  const pools: { name: string; value: RValue }[] = [];
  for (const value of ip.backendPoolIds) {
    const pool = loadBalancerChild(value, 'backendAddressPools');
    if (pool && same(pool.lb, loadBalancerName)) pools.push({ name: pool.name, value });
  }
  return {
    id,
    loadBalancer: target.loadBalancer,
    probe: target.probe,
    probeName,
    loadBalancerName,
    ipName: asString(ip.name) ?? '(unnamed)',
    ipSpan: ip.span,
    pools,
  };
}

export const HEALTH_PROBE_NOT_LOAD_BALANCED = scaleSetRule({
  id: 'health-probe-not-load-balanced',
  defaultSeverity: 'error',
  title: "Health probe on a load balancer the scale set's NICs do not join",
  description:
    "The health probe's load balancer is in the template, but the primary IP configuration of the scale set joins none of its backend pools; Azure rejects the deployment.",
  check: (ctx) => {
    const w = wiring(ctx);
    if (!w || w.pools.length > 0) return [];
    const drafts: FindingDraft[] = [
      {
        message: `Health probe "${clip(w.probeName, 24)}" is on load balancer "${clip(w.loadBalancerName, 24)}", but IP configuration "${clip(w.ipName, 24)}" joins none of its backend pools, so Azure rejects the deployment.`,
        details: {
          explanation: joinSentences(
            originSentence(w.id),
            `Azure accepts a load-balancer probe as the health probe only when the primary IP configuration of the primary network interface sends traffic through that load balancer: its loadBalancerBackendAddressPools must name a backend pool of "${clip(w.loadBalancerName)}". Add the pool there (the one whose load-balancing rule uses the probe), or use a probe of the load balancer the instances do sit behind.`,
          ),
          azureError: NOT_LOAD_BALANCED_ERROR,
          sources: ['S4'],
        },
        span: w.id.span,
        related: [
          {
            span: w.ipSpan,
            message: 'The primary IP configuration: its loadBalancerBackendAddressPools name no pool of this load balancer.',
          },
          { span: w.loadBalancer.span, message: 'The load balancer that has the health probe.' },
          ...originRelated(ctx.model, w.id),
        ],
      },
    ];
    return drafts;
  },
});

export const HEALTH_PROBE_WITHOUT_RULE = scaleSetRule({
  id: 'health-probe-without-rule',
  defaultSeverity: 'warning',
  title: "Health probe not used by a load-balancing rule of the scale set's pool",
  description:
    "No load-balancing rule of the health probe's load balancer uses the probe for a backend pool the scale set's primary IP configuration joins, so the probe may not watch these instances.",
  check: (ctx) => {
    const w = wiring(ctx);
    // Absent in a model built by hand: not known, so silent.
    const rules = w?.loadBalancer.rules;
    if (!w || !rules || w.pools.length === 0 || w.loadBalancer.rulesUnknown !== false || rules.some((r) => r.unknown)) return [];
    // A rule whose probe or pool id is not a string (an expression the engine could not read): it may be the one.
    if (rules.some((r) => (r.probeId && r.probeId.kind !== 'string') || r.backendPoolIds.some((p) => p.kind !== 'string'))) return [];
    const usesProbe = rules.filter((rule) => {
      const probe = loadBalancerChild(rule.probeId, 'probes');
      return probe !== undefined && same(probe.lb, w.loadBalancerName) && same(probe.name, w.probeName);
    });
    const joined = (rule: (typeof usesProbe)[number]) =>
      rule.backendPoolIds.some((id) => {
        const pool = loadBalancerChild(id, 'backendAddressPools');
        return pool !== undefined && same(pool.lb, w.loadBalancerName) && w.pools.some((p) => same(p.name, pool.name));
      });
    if (usesProbe.some(joined)) return [];
    const poolList = w.pools.map((p) => `"${clip(p.name)}"`).join(', ');
    const related: RelatedInformation[] = [
      { span: w.probe.span, message: 'The health probe.' },
      ...w.pools.map((p) => ({ span: p.value.span, message: `The scale set joins backend pool "${clip(p.name)}" here.` })),
      ...usesProbe.map((rule) => ({ span: rule.span, message: `Rule "${nameOf(rule.name)}" uses the probe, for another backend pool.` })),
      ...originRelated(ctx.model, w.id),
    ];
    return [
      {
        message: usesProbe.length
          ? `Health probe "${clip(w.probeName, 24)}" serves only rules of other backend pools than the scale set's, so it may not watch these instances.`
          : `Health probe "${clip(w.probeName, 24)}" is used by no load-balancing rule of load balancer "${clip(w.loadBalancerName, 24)}", so it may not watch the instances.`,
        details: {
          explanation: joinSentences(
            originSentence(w.id),
            `The scale set's primary IP configuration "${clip(w.ipName)}" joins ${poolList}; ${usesProbe.length ? `the probe's ${usesProbe.length === 1 ? 'rule sends' : 'rules send'} traffic to other pools` : 'no load-balancing rule uses the probe'}. A load-balancer probe checks the instances of the pools its rules serve: use the probe of the rule that serves ${poolList}, or add that pool to the probe's rule.`,
          ),
          assumption:
            "Whether Azure refuses a health probe that no load-balancing rule of the scale set's pool uses is not documented; Azure refuses to remove such a rule later (CannotRemoveRuleUsedByProbeUsedByVMSS), so the pairing matters.",
          sources: ['S4'],
        },
        span: w.id.span,
        related,
      },
    ];
  },
});
