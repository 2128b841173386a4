/**
 * The canonical resource id strings resourceId() evaluates to, and a parser for ids in general.
 *
 * resourceId([subscriptionId], [resourceGroupName], type, name1, name2, ...) gives
 *   /subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type1}/{name1}/{type2}/{name2}...
 * when both leading arguments are given. The current subscription and resource group are not known
 * before deployment, so what is not given is left out rather than guessed:
 *   resourceId('Microsoft.Network/loadBalancers/probes', 'lb', 'p') -> /providers/Microsoft.Network/loadBalancers/lb/probes/p
 *   resourceId('rg', 'Microsoft.Network/loadBalancers', 'lb')       -> /resourceGroups/rg/providers/Microsoft.Network/loadBalancers/lb
 * Consumers should compare ids with parseResourceId (namespace, types and names), not as strings.
 */
export interface ResourceIdParts {
  readonly subscriptionId?: string;
  readonly resourceGroup?: string;
  /** e.g. "Microsoft.Network" */
  readonly namespace: string;
  /** e.g. ["loadBalancers", "probes"] */
  readonly types: readonly string[];
  /** e.g. ["lb", "p"], one per type */
  readonly names: readonly string[];
}

/** Builds the canonical id from resourceId()'s arguments, or says why they do not make one. */
export function formatResourceId(args: readonly string[]): string | { readonly error: string } {
  const typeIndex = args.findIndex((a) => a.includes('/'));
  if (typeIndex === -1 || typeIndex > 2) return { error: 'resourceId() needs a resource type such as Microsoft.Network/loadBalancers' };
  // ARM accepts a trailing slash on the type ('Microsoft.Network/virtualNetworks/'), and templates use it.
  const type = args[typeIndex]!;
  let end = type.length;
  while (end > 0 && type.charCodeAt(end - 1) === 47 /* / */) end--;
  const [namespace, ...types] = type.slice(0, end).split('/');
  const names = args.slice(typeIndex + 1).flatMap((n) => n.split('/'));
  if (!namespace || types.length === 0 || types.some((t) => t === ''))
    return { error: `resourceId() type '${args[typeIndex]}' is not valid` };
  if (names.length !== types.length) {
    return {
      error: `resourceId() type '${args[typeIndex]}' needs ${types.length} name${types.length === 1 ? '' : 's'}, got ${names.length}`,
    };
  }
  let id = '';
  if (typeIndex === 2) id += `/subscriptions/${args[0]}`;
  if (typeIndex >= 1) id += `/resourceGroups/${args[typeIndex - 1]}`;
  id += `/providers/${namespace}`;
  for (let i = 0; i < types.length; i++) id += `/${types[i]}/${names[i]}`;
  return id;
}

/**
 * Splits a resource id (canonical form above or a full Azure id) into its parts; undefined when the
 * text is not a resource id. Segment names match case-insensitively, as Azure does.
 */
export function parseResourceId(id: string): ResourceIdParts | undefined {
  const segments = id.split('/');
  if (segments[0] !== '') return undefined;
  let i = 1;
  let subscriptionId: string | undefined;
  let resourceGroup: string | undefined;
  if (segments[i]?.toLowerCase() === 'subscriptions') {
    subscriptionId = segments[i + 1];
    i += 2;
  }
  if (segments[i]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = segments[i + 1];
    i += 2;
  }
  // Take the last "providers" segment: extension resources nest one id inside another.
  let providers = -1;
  for (let j = i; j < segments.length; j++) if (segments[j]!.toLowerCase() === 'providers') providers = j;
  if (providers === -1) return undefined;
  const namespace = segments[providers + 1];
  const rest = segments.slice(providers + 2);
  if (!namespace || rest.length === 0 || rest.length % 2 !== 0 || rest.some((s) => s === '')) return undefined;
  const types: string[] = [];
  const names: string[] = [];
  for (let j = 0; j < rest.length; j += 2) {
    types.push(rest[j]!);
    names.push(rest[j + 1]!);
  }
  return {
    ...(subscriptionId !== undefined && { subscriptionId }),
    ...(resourceGroup !== undefined && { resourceGroup }),
    namespace,
    types,
    names,
  };
}
