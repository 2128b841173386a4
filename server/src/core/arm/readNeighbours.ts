import { child, cursorSpan, path, pathOrUnknown, items, resolveCursor, settle, type Cursor } from './cursor';
import type { FoundResource } from './findResources';
import type { Resolver } from './resolver';
import type { LoadBalancerModel, LoadBalancingRuleModel, ProbeModel, RValue, ServiceFabricClusterModel } from '../model/templateModel';

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
  const model: LoadBalancerModel = { name: get('name'), skuName: get('sku', 'name'), probes, span: cursorSpan(root) };
  // Read on first use: only the health-probe rules ask, and their ids are expressions to evaluate.
  let rules: { readonly list: readonly LoadBalancingRuleModel[]; readonly unknown: boolean } | undefined;
  const readRules = () => {
    if (rules) return rules;
    const found = pathOrUnknown(root, ['properties', 'loadBalancingRules'], resolver);
    const unknown = found !== undefined && 'value' in found.cursor && found.cursor.value.kind === 'unknown';
    rules = { list: unknown ? [] : items(found?.cursor, resolver).map((rule) => readLoadBalancingRule(rule, resolver)), unknown };
    return rules;
  };
  Object.defineProperty(model, 'rules', { get: () => readRules().list, enumerable: false });
  Object.defineProperty(model, 'rulesUnknown', { get: () => readRules().unknown, enumerable: false });
  return model;
}

/**
 * A load-balancing rule's probe and backend pools (the health-probe rules ask which pools a probe serves).
 * Only those ids are resolved, not the whole rule: a template may have a rule per load balancer by the thousand.
 */
function readLoadBalancingRule(rule: Cursor, resolver: Resolver): LoadBalancingRuleModel {
  const settled = settle(rule, resolver);
  let unknown = 'value' in settled && settled.value.kind === 'unknown';
  const read = (at: Cursor | undefined, names: readonly string[]): RValue | undefined => {
    const found = pathOrUnknown(at, names, resolver);
    const value = found && resolveCursor(found.cursor, resolver);
    if (value?.kind === 'unknown') unknown = true;
    return value;
  };
  const properties = pathOrUnknown(settled, ['properties'], resolver)?.cursor;
  if (properties && 'value' in properties && properties.value.kind === 'unknown') unknown = true;
  const probeId = read(properties, ['probe', 'id']);
  const backendPoolIds: RValue[] = [];
  const single = read(properties, ['backendAddressPool', 'id']);
  if (single) backendPoolIds.push(single);
  const many = pathOrUnknown(properties, ['backendAddressPools'], resolver);
  if (many && 'value' in many.cursor && many.cursor.value.kind === 'unknown') unknown = true;
  for (const item of items(many?.cursor, resolver)) {
    const id = read(item, ['id']);
    if (id) backendPoolIds.push(id);
  }
  const nameFound = child(settled, 'name', resolver);
  return { name: nameFound && resolveCursor(nameFound.cursor, resolver), probeId, backendPoolIds, unknown, span: cursorSpan(rule) };
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
