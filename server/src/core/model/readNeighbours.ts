import { path, items, toProperty, type Cursor } from './cursor';
import type { FoundResource } from './findResources';
import { spanOf } from '../json/nodes';
import type { LoadBalancerModel, ProbeModel, RValue, ServiceFabricClusterModel } from './types';

/** The other resources of a template that scale-set rules look at: load balancers and SF clusters. */

function getter(cursor: Cursor, found: FoundResource) {
  const resolver = found.scope.resolver;
  return (...names: string[]): RValue | undefined => toProperty(path(cursor, names, resolver), resolver)?.value;
}

export function readLoadBalancer(found: FoundResource): LoadBalancerModel {
  const root: Cursor = { node: found.node };
  const get = getter(root, found);
  const probes: ProbeModel[] = items(path(root, ['properties', 'probes'], found.scope.resolver)?.cursor, found.scope.resolver).map((probe) => {
    const p = getter(probe, found);
    return {
      name: p('name'),
      protocol: p('properties', 'protocol'),
      port: p('properties', 'port'),
      intervalInSeconds: p('properties', 'intervalInSeconds'),
      numberOfProbes: p('properties', 'numberOfProbes'),
      probeThreshold: p('properties', 'probeThreshold'),
      requestPath: p('properties', 'requestPath'),
      span: 'node' in probe ? spanOf(probe.node) : probe.value.span,
    };
  });
  return { name: get('name'), skuName: get('sku', 'name'), probes, span: spanOf(found.node) };
}

export function readServiceFabricCluster(found: FoundResource): ServiceFabricClusterModel {
  const root: Cursor = { node: found.node };
  const nodeTypes = items(path(root, ['properties', 'nodeTypes'], found.scope.resolver)?.cursor, found.scope.resolver).map((nt) => {
    const p = getter(nt, found);
    return {
      name: p('name'),
      durabilityLevel: p('durabilityLevel'),
      isStateless: p('isStateless'),
      vmInstanceCount: p('vmInstanceCount'),
      span: 'node' in nt ? spanOf(nt.node) : nt.value.span,
    };
  });
  return { name: getter(root, found)('name'), nodeTypes, span: spanOf(found.node) };
}
