import { parseResourceId, type ResourceIdParts } from '../../expressions';
import type { FactMemo } from './memo';
import type { LoadBalancerModel, ProbeModel, RValue, TemplateModel } from '../../model/templateModel';

/** What a healthProbe.id points at, looked up among the load balancers of the same template. */
export type ProbeResolution =
  /** The id, or a load-balancer or probe name needed to compare, cannot be evaluated. */
  | { readonly kind: 'unknown' }
  /** The id is not a Microsoft.Network/loadBalancers/probes id (e.g. a disk); `parts` when it is a resource id at all. */
  | { readonly kind: 'notAProbe'; readonly parts: ResourceIdParts | undefined }
  /** A probe of a load balancer that is not declared in this template. */
  | { readonly kind: 'external'; readonly loadBalancerName: string; readonly probeName: string }
  /** The load balancer is in this template but has no probe of that name. */
  | { readonly kind: 'missingProbe'; readonly loadBalancer: LoadBalancerModel; readonly probeName: string }
  | { readonly kind: 'found'; readonly loadBalancer: LoadBalancerModel; readonly probe: ProbeModel };

const same = (value: RValue | undefined, name: string) => value?.kind === 'string' && value.value.toLowerCase() === name.toLowerCase();

/**
 * The template's load balancers by lower-cased name, built once per run (the caller's FactMemo): every
 * scale set's probe rules look their load balancer up, and a linear search made that quadratic in templates
 * with many of both.
 */
interface LoadBalancerIndex {
  readonly byName: ReadonlyMap<string, LoadBalancerModel>;
  /** Some load balancer's name is an expression the engine cannot evaluate: it may be any of them. */
  readonly someUnnamed: boolean;
}

function buildIndex(loadBalancers: readonly LoadBalancerModel[]): LoadBalancerIndex {
  const byName = new Map<string, LoadBalancerModel>();
  let someUnnamed = false;
  for (const lb of loadBalancers) {
    if (lb.name?.kind !== 'string') someUnnamed = true;
    // The first of a name wins, as the search in template order did.
    else if (!byName.has(lb.name.value.toLowerCase())) byName.set(lb.name.value.toLowerCase(), lb);
  }
  return { byName, someUnnamed };
}

export function resolveProbe(model: TemplateModel, id: RValue, facts: FactMemo): ProbeResolution {
  if (id.kind !== 'string') return { kind: 'unknown' };
  const parts = parseResourceId(id.value.trim());
  const types = parts?.types.map((t) => t.toLowerCase()) ?? [];
  if (
    !parts ||
    parts.namespace.toLowerCase() !== 'microsoft.network' ||
    types.length !== 2 ||
    types[0] !== 'loadbalancers' ||
    types[1] !== 'probes'
  ) {
    return { kind: 'notAProbe', parts };
  }
  const [loadBalancerName, probeName] = parts.names as [string, string];
  const index = facts.byObject(model.loadBalancers, () => buildIndex(model.loadBalancers));
  const loadBalancer = index.byName.get(loadBalancerName.toLowerCase());
  if (!loadBalancer) {
    // A load balancer whose name is an unevaluated expression may be the one.
    return index.someUnnamed ? { kind: 'unknown' } : { kind: 'external', loadBalancerName, probeName };
  }
  const probe = loadBalancer.probes.find((p) => same(p.name, probeName));
  if (probe) return { kind: 'found', loadBalancer, probe };
  return loadBalancer.probes.some((p) => p.name?.kind !== 'string')
    ? { kind: 'unknown' }
    : { kind: 'missingProbe', loadBalancer, probeName };
}
