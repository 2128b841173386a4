import { child, cursorSpan, path, pathOrUnknown, items, resolveCursor, settle, type Cursor } from './cursor';
import type { FoundResource } from './findResources';
import type { Resolver } from './resolver';
import type { LoadBalancerModel, LoadBalancingRuleModel, ProbeModel, RValue, ServiceFabricClusterModel } from '../model/templateModel';
import { getProp } from '../model/values';

/**
 * The other resources of a template that scale-set rules look at: load balancers and SF clusters.
 * Read from a cursor, so a second front end (Bicep) can feed already resolved values.
 */

function getter(cursor: Cursor, resolver: Resolver) {
  return (...names: string[]): RValue | undefined => {
    const found = path(cursor, names, resolver);
    return found && resolveCursor(found.cursor, resolver);
  };
}

export function readLoadBalancer(found: FoundResource): LoadBalancerModel {
  return readLoadBalancerAt({ node: found.node }, found.scope.resolver);
}

export function readLoadBalancerAt(root: Cursor, resolver: Resolver): LoadBalancerModel {
  const get = getter(root, resolver);
  const probes: ProbeModel[] = items(path(root, ['properties', 'probes'], resolver)?.cursor, resolver).map((probe) => {
    // Settled once: an expression there is evaluated once, not once per setting read under it.
    const propertiesFound = child(probe, 'properties', resolver);
    const properties = propertiesFound && settle(propertiesFound.cursor, resolver);
    const p = properties && getter(properties, resolver);
    return {
      name: getter(probe, resolver)('name'),
      protocol: p?.('protocol'),
      port: p?.('port'),
      intervalInSeconds: p?.('intervalInSeconds'),
      numberOfProbes: p?.('numberOfProbes'),
      probeThreshold: p?.('probeThreshold'),
      requestPath: p?.('requestPath'),
      span: cursorSpan(probe),
    };
  });
  const rulesFound = pathOrUnknown(root, ['properties', 'loadBalancingRules'], resolver);
  const rulesUnknown = rulesFound !== undefined && 'value' in rulesFound.cursor && rulesFound.cursor.value.kind === 'unknown';
  const rules = rulesUnknown ? [] : items(rulesFound?.cursor, resolver).map((rule) => readLoadBalancingRule(rule, resolver));
  return { name: get('name'), skuName: get('sku', 'name'), probes, rules, rulesUnknown, span: cursorSpan(root) };
}

/** A load-balancing rule's probe and backend pools (the health-probe rules ask which pools a probe serves). */
function readLoadBalancingRule(rule: Cursor, resolver: Resolver): LoadBalancingRuleModel {
  const value = resolveCursor(rule, resolver);
  const properties = getProp(value, 'properties')?.value;
  let unknown = value.kind === 'unknown' || properties?.kind === 'unknown';
  const idOf = (ref: RValue | undefined): RValue | undefined => {
    if (ref?.kind === 'unknown') unknown = true;
    const id = getProp(ref, 'id')?.value;
    if (id?.kind === 'unknown') unknown = true;
    return id;
  };
  const probeId = idOf(getProp(properties, 'probe')?.value);
  const backendPoolIds: RValue[] = [];
  const single = idOf(getProp(properties, 'backendAddressPool')?.value);
  if (single) backendPoolIds.push(single);
  const many = getProp(properties, 'backendAddressPools')?.value;
  if (many?.kind === 'unknown') unknown = true;
  if (many?.kind === 'array')
    for (const item of many.items) {
      const id = idOf(item);
      if (id) backendPoolIds.push(id);
    }
  return { name: getProp(value, 'name')?.value, probeId, backendPoolIds, unknown, span: cursorSpan(rule) };
}

export function readServiceFabricCluster(found: FoundResource): ServiceFabricClusterModel {
  return readServiceFabricClusterAt({ node: found.node }, found.scope.resolver);
}

export function readServiceFabricClusterAt(root: Cursor, resolver: Resolver): ServiceFabricClusterModel {
  const nodeTypes = items(path(root, ['properties', 'nodeTypes'], resolver)?.cursor, resolver).map((nt) => {
    const p = getter(nt, resolver);
    return {
      name: p('name'),
      durabilityLevel: p('durabilityLevel'),
      isStateless: p('isStateless'),
      vmInstanceCount: p('vmInstanceCount'),
      span: cursorSpan(nt),
    };
  });
  return { name: getter(root, resolver)('name'), nodeTypes, span: cursorSpan(root) };
}
