import { child, cursorSpan, items, pathOrUnknown, resolveCursor, settle, toProperty, type Cursor } from './cursor';
import type { Resolver } from './resolver';
import type {
  DeploymentContext,
  ExtensionModel,
  OsKind,
  PrimaryIpConfiguration,
  RProperty,
  RValue,
  ScaleSetModel,
  ScaleSetShape,
  StrayPolicy,
} from '../model/templateModel';
import { getProp } from '../model/values';

const POLICY_NAMES = ['upgradePolicy', 'rollingUpgradePolicy', 'automaticOSUpgradePolicy'];

export interface ScaleSetSource {
  /** The resource (or body) object: raw JSON, or a value another front end (Bicep) already resolved. */
  readonly root: Cursor;
  readonly path: readonly (string | number)[];
  readonly shape: ScaleSetShape;
  readonly resolver: Resolver;
  /** The resource type as written, and the nested deployment it sits in (templates only). */
  readonly typeSpelling?: string;
  readonly deployment?: DeploymentContext;
  /** Child extension resources that belong to this scale set, each with the resolver of its scope. */
  readonly childExtensions: readonly { readonly root: Cursor; readonly resolver: Resolver }[];
}

/** Reads one scale set: the settings that decide how it upgrades, resolved, with their source spans. */
export function readScaleSet(source: ScaleSetSource): ScaleSetModel {
  const { resolver, shape } = source;
  const root = source.root;
  // A property under an object that an unevaluable expression produced is unknown, not absent.
  const prop = (cursor: Cursor | undefined, ...names: string[]) => toProperty(pathOrUnknown(cursor, names, resolver), resolver);
  const value = (cursor: Cursor | undefined, ...names: string[]) => {
    const found = pathOrUnknown(cursor, names, resolver);
    return found && resolveCursor(found.cursor, resolver);
  };

  // `az vmss show` prints the properties at the top level; templates and REST bodies nest them.
  const propertiesFound = shape === 'vmssShow' ? undefined : child(root, 'properties', resolver);
  // Settled once: when `properties` is an expression, it is evaluated here and not again for every setting.
  const propsCursor: Cursor | undefined = shape === 'vmssShow' ? root : propertiesFound?.cursor;
  const props = propsCursor && settle(propsCursor, resolver);
  const vmProfile = pathOrUnknown(props, ['virtualMachineProfile'], resolver)?.cursor;

  const upgradePolicy = prop(props, 'upgradePolicy');
  const upgradeCursor: Cursor | undefined = upgradePolicy ? { value: upgradePolicy.value } : undefined;
  const policyChild = (name: string) => toProperty(pathOrUnknown(upgradeCursor, [name], resolver), resolver);

  const name = value(root, 'name');
  const profileExtensions = pathOrUnknown(vmProfile, ['extensionProfile', 'extensions'], resolver)?.cursor;
  const extensions = [
    ...(profileExtensions && 'value' in profileExtensions && profileExtensions.value.kind === 'unknown'
      ? [unseenExtensions(profileExtensions.value)]
      : items(profileExtensions, resolver).map((c) => readExtension(c, 'extensionProfile', resolver))),
    ...source.childExtensions.map((ext) => readExtension(ext.root, 'childResource', ext.resolver)),
  ];
  const windowsConfiguration = prop(vmProfile, 'osProfile', 'windowsConfiguration');
  const linuxConfiguration = prop(vmProfile, 'osProfile', 'linuxConfiguration');
  const imageReference = prop(vmProfile, 'storageProfile', 'imageReference');
  const copyFound = shape === 'template' ? child(root, 'copy', resolver) : undefined;

  const model: ScaleSetModel = {
    path: source.path,
    shape,
    span: cursorSpan(root),
    typeSpelling: source.typeSpelling,
    name,
    displayName: displayName(name, source.path),
    apiVersion: value(root, 'apiVersion'),
    location: value(root, 'location'),
    zones: value(root, 'zones'),
    skuName: value(root, 'sku', 'name'),
    capacity: value(root, 'sku', 'capacity'),
    copy: copyFound
      ? { name: value(copyFound.cursor, 'name'), count: value(copyFound.cursor, 'count'), span: cursorSpan(copyFound.cursor) }
      : undefined,
    condition: shape === 'template' ? value(root, 'condition') : undefined,
    deployment: source.deployment,
    properties: propertiesFound
      ? { name: propertiesFound.name, keySpan: propertiesFound.keySpan, span: cursorSpan(propertiesFound.cursor) }
      : undefined,
    orchestrationMode: prop(props, 'orchestrationMode'),
    overprovision: prop(props, 'overprovision'),
    singlePlacementGroup: prop(props, 'singlePlacementGroup'),
    platformFaultDomainCount: prop(props, 'platformFaultDomainCount'),
    zoneBalance: prop(props, 'zoneBalance'),
    upgradePolicy,
    mode: policyChild('mode'),
    rollingUpgradePolicy: policyChild('rollingUpgradePolicy'),
    automaticOSUpgradePolicy: policyChild('automaticOSUpgradePolicy'),
    legacyAutomaticOSUpgrade: policyChild('automaticOSUpgrade'),
    legacyAutoOSUpgradePolicy: policyChild('autoOSUpgradePolicy'),
    strayPolicies: findStrayPolicies(root, props, vmProfile, shape, resolver),
    automaticRepairsPolicy: prop(props, 'automaticRepairsPolicy'),
    externalHealthPolicy: prop(props, 'externalHealthPolicy'),
    lifecycleHooksProfile: prop(props, 'lifecycleHooksProfile'),
    resiliencyPolicy: prop(props, 'resiliencyPolicy'),
    scheduledEventsPolicy: prop(props, 'scheduledEventsPolicy'),
    zonalPlatformFaultDomainAlignMode: prop(props, 'zonalPlatformFaultDomainAlignMode'),
    scheduledEventsProfile: prop(vmProfile, 'scheduledEventsProfile'),
    imageReference,
    osKind: osKindOf(windowsConfiguration, linuxConfiguration, imageReference, extensions),
    windowsConfiguration,
    linuxConfiguration,
    healthProbeId: prop(vmProfile, 'networkProfile', 'healthProbe', 'id'),
    extensions,
  };
  defineLazyReads(model, root, resolver, () => vmProfile);
  return model;
}

/**
 * The parts of a scale set read on first use (`resolveResource`, `primaryIpConfiguration`), defined on
 * `model` from the resource's cursor: by readScaleSet, and again on a model carried over from an earlier
 * version of the text (arm/reuseAnalysis.ts), so that they read the new text.
 */
export function defineLazyReads(model: ScaleSetModel, root: Cursor, resolver: Resolver, vmProfile: () => Cursor | undefined): void {
  let resolved: RValue | undefined;
  // Configurable: a model carried over unchanged has them defined again on the new text's tree.
  Object.defineProperty(model, 'resolveResource', {
    value: () => (resolved ??= resolveCursor(root, resolver)),
    enumerable: false,
    configurable: true,
  });
  lazyProperty(model, 'primaryIpConfiguration', () => readPrimaryIpConfiguration(vmProfile(), resolver));
}

/** virtualMachineProfile of a template's scale-set resource (its `properties` settled, as readScaleSet reads it). */
export function templateVmProfile(root: Cursor, resolver: Resolver): Cursor | undefined {
  const properties = child(root, 'properties', resolver);
  return pathOrUnknown(properties && settle(properties.cursor, resolver), ['virtualMachineProfile'], resolver)?.cursor;
}

/** Defines `name` on `target` as a value computed on first read and kept; not enumerable, so the model still compares as plain data. */
export function lazyProperty<T extends object, K extends keyof T>(target: T, name: K, compute: () => T[K]): void {
  let done = false;
  let value: T[K];
  Object.defineProperty(target, name, {
    get: () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value;
    },
    enumerable: false,
    configurable: true,
  });
}

/**
 * The primary IP configuration of the primary network interface, the one Azure checks a load-balancer health
 * probe against: the item flagged `primary: true`, or the only one. Unknown when an expression decides.
 */
function readPrimaryIpConfiguration(vmProfile: Cursor | undefined, resolver: Resolver): PrimaryIpConfiguration | undefined {
  const nics = pathOrUnknown(vmProfile, ['networkProfile', 'networkInterfaceConfigurations'], resolver);
  const nic = nics && primaryItem(nics.cursor, resolver);
  if (nic === undefined || nic === 'unknown') return nic && { kind: 'unknown' };
  const ipConfigurations = pathOrUnknown(nic, ['properties', 'ipConfigurations'], resolver);
  const ip = ipConfigurations && primaryItem(ipConfigurations.cursor, resolver);
  if (ip === undefined || ip === 'unknown') return ip && { kind: 'unknown' };
  const poolsFound = pathOrUnknown(ip, ['properties', 'loadBalancerBackendAddressPools'], resolver);
  const pools = poolsFound && resolveCursor(poolsFound.cursor, resolver);
  let poolsUnknown = pools?.kind === 'unknown';
  const backendPoolIds: RValue[] = [];
  if (pools?.kind === 'array')
    for (const item of pools.items) {
      const id = getProp(item, 'id')?.value;
      if (item.kind === 'unknown' || id?.kind === 'unknown') poolsUnknown = true;
      else if (id) backendPoolIds.push(id);
    }
  const nameFound = child(ip, 'name', resolver);
  return {
    kind: 'found',
    name: nameFound && resolveCursor(nameFound.cursor, resolver),
    backendPoolIds,
    poolsUnknown,
    span: cursorSpan(ip),
  };
}

/** The item of a NIC or IP configuration list flagged primary, or the only item; 'unknown' when that cannot be told. */
function primaryItem(list: Cursor, resolver: Resolver): Cursor | 'unknown' | undefined {
  const settled = settle(list, resolver);
  if ('value' in settled && settled.value.kind === 'unknown') return 'unknown';
  const all = items(settled, resolver).map((item) => settle(item, resolver));
  if (all.some((item) => 'value' in item && item.value.kind === 'unknown')) return 'unknown';
  if (all.length <= 1) return all[0];
  let found: Cursor | undefined;
  for (const item of all) {
    const flag = pathOrUnknown(item, ['properties', 'primary'], resolver);
    const value = flag && resolveCursor(flag.cursor, resolver);
    if (value?.kind === 'unknown') return 'unknown';
    const on = value?.kind === 'boolean' ? value.value : value?.kind === 'string' && value.value.trim().toLowerCase() === 'true';
    if (on) found ??= item;
  }
  // Azure requires a primary among several; without one the deployment fails for another reason.
  return found ?? 'unknown';
}

function readExtension(cursor: Cursor, origin: ExtensionModel['origin'], resolver: Resolver): ExtensionModel {
  const get = (at: Cursor | undefined, name: string) => {
    const found = child(at, name, resolver);
    return found && resolveCursor(found.cursor, resolver);
  };
  // Settled once: an expression there is evaluated once, not once per setting read under it.
  const propertiesFound = child(cursor, 'properties', resolver);
  const properties = propertiesFound && settle(propertiesFound.cursor, resolver);
  return {
    name: get(cursor, 'name'),
    publisher: get(properties, 'publisher'),
    type: get(properties, 'type'),
    typeHandlerVersion: get(properties, 'typeHandlerVersion'),
    settings: get(properties, 'settings'),
    origin,
    span: cursorSpan(cursor),
  };
}

/**
 * Extensions an unevaluable expression produced: they may include a health or Service Fabric extension,
 * so they stand in the list as one extension whose publisher and type are unknown (rules stay silent).
 */
function unseenExtensions(value: RValue): ExtensionModel {
  return {
    name: undefined,
    publisher: value,
    type: value,
    typeHandlerVersion: undefined,
    settings: undefined,
    origin: 'extensionProfile',
    span: value.span,
  };
}

function displayName(name: RValue | undefined, path: readonly (string | number)[]): string {
  if (name?.kind === 'string') return name.value;
  if (name?.expression) return name.expression;
  return path.length ? path.join('.') : '(scale set)';
}

/** Policy objects where ARM does not read them, so a rule can say where they belong. */
function findStrayPolicies(
  root: Cursor,
  props: Cursor | undefined,
  vmProfile: Cursor | undefined,
  shape: ScaleSetShape,
  resolver: Resolver,
): StrayPolicy[] {
  const stray: StrayPolicy[] = [];
  const look = (cursor: Cursor | undefined, parentPath: (string | number)[], names: readonly string[]) => {
    for (const name of names) {
      const found = toProperty(child(cursor, name, resolver), resolver);
      if (found) stray.push({ property: found, parentPath, expectedPath: expectedPathOf(name) });
    }
  };
  if (shape !== 'vmssShow') look(root, [], POLICY_NAMES);
  look(props, shape === 'vmssShow' ? [] : ['properties'], POLICY_NAMES.slice(1));
  look(vmProfile, [...(shape === 'vmssShow' ? [] : ['properties']), 'virtualMachineProfile'], POLICY_NAMES);
  return stray;
}

function expectedPathOf(name: string): string[] {
  return name === 'upgradePolicy' ? ['properties', 'upgradePolicy'] : ['properties', 'upgradePolicy', name];
}

function osKindOf(
  windows: RProperty | undefined,
  linux: RProperty | undefined,
  image: RProperty | undefined,
  extensions: readonly ExtensionModel[],
): OsKind {
  if (windows && !linux) return 'windows';
  if (linux && !windows) return 'linux';
  const publisher = getProp(image?.value, 'publisher')?.value;
  if (publisher?.kind === 'string') {
    const p = publisher.value.toLowerCase();
    if (p.includes('windows') || p === 'microsoftsqlserver') return 'windows';
    if (
      p === 'canonical' ||
      p.includes('redhat') ||
      p.includes('suse') ||
      p.includes('debian') ||
      p.includes('mariner') ||
      p.includes('openlogic') ||
      p.includes('oracle')
    )
      return 'linux';
  }
  for (const ext of extensions) {
    const type = ext.type?.kind === 'string' ? ext.type.value.toLowerCase() : '';
    if (type === 'applicationhealthwindows' || type === 'servicefabricnode') return 'windows';
    if (type === 'applicationhealthlinux' || type === 'servicefabriclinuxnode') return 'linux';
  }
  return 'unknown';
}
