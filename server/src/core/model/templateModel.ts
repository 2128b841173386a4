import type { ParseProblem, Span } from '../text/span';
import type { Unknown, ValueSource } from '../expressions/values';

/**
 * The format-neutral model of what a template says about its scale sets. Everything after the parser
 * (rules, simulator, language features) reads only these types, never JSON or Bicep syntax, so a second
 * parser (Bicep) can produce the same model. Plain data: serialisable, no methods.
 */

/** Common to every resolved value: where it is in the source, and where its value came from. */
interface RValueBase {
  /** The value's own text in the source (for a value computed by an expression: the expression string). */
  readonly span: Span;
  readonly source: ValueSource;
  /** The ARM expression text (with brackets) when the value was computed by one. */
  readonly expression?: string;
}

export type RValue =
  | (RValueBase & { readonly kind: 'string'; readonly value: string })
  | (RValueBase & { readonly kind: 'number'; readonly value: number })
  | (RValueBase & { readonly kind: 'boolean'; readonly value: boolean })
  | (RValueBase & { readonly kind: 'null'; readonly value: null })
  | (RValueBase & { readonly kind: 'object'; readonly properties: readonly RProperty[] })
  | (RValueBase & { readonly kind: 'array'; readonly items: readonly RValue[] })
  | (RValueBase & { readonly kind: 'unknown'; readonly unknown: Unknown });

export type RObject = Extract<RValue, { kind: 'object' }>;
export type RArray = Extract<RValue, { kind: 'array' }>;

/** Where a property is, without its value resolved (for big objects that are read only in parts). */
export interface PropertyRef {
  readonly name: string;
  readonly keySpan: Span;
  /** The value's span. */
  readonly span: Span;
}

/** One property of an object, with its name exactly as written (ARM matches names case-insensitively). */
export interface RProperty {
  readonly name: string;
  readonly keySpan: Span;
  readonly value: RValue;
}

export type ScaleSetShape =
  /** A resource in an ARM template (any depth: resources array or symbolic object, child, nested deployment). */
  | 'template'
  /** A REST request body: { "properties": { "upgradePolicy": … } } (possibly inside a REST example file). */
  | 'restBody'
  /** `az vmss show` output: upgradePolicy at the top level. */
  | 'vmssShow';

export type OsKind = 'windows' | 'linux' | 'unknown';

export interface ExtensionModel {
  /** The extension's name (resolved when it can be). */
  readonly name: RValue | undefined;
  readonly publisher: RValue | undefined;
  readonly type: RValue | undefined;
  readonly typeHandlerVersion: RValue | undefined;
  readonly settings: RValue | undefined;
  /** Where it was declared: in virtualMachineProfile.extensionProfile, or as a child resource. */
  readonly origin: 'extensionProfile' | 'childResource';
  /** The whole extension object (or child resource). */
  readonly span: Span;
}

/** A load balancer in the same template, to resolve a scale set's healthProbe.id. */
export interface LoadBalancerModel {
  /** Resolved name; unknown when the name is an expression the engine cannot evaluate. */
  readonly name: RValue | undefined;
  readonly skuName: RValue | undefined;
  readonly probes: readonly ProbeModel[];
  /**
   * properties.loadBalancingRules; `rulesUnknown` when the list is an expression the engine cannot evaluate.
   * Read on first use (only the health-probe rules ask), not enumerable: absent in models built by hand.
   */
  readonly rules?: readonly LoadBalancingRuleModel[];
  readonly rulesUnknown?: boolean;
  readonly span: Span;
}

/** One loadBalancingRules[] entry: which probe it uses and which backend pools it sends traffic to. */
export interface LoadBalancingRuleModel {
  readonly name: RValue | undefined;
  /** properties.probe.id */
  readonly probeId: RValue | undefined;
  /** properties.backendAddressPool.id and properties.backendAddressPools[].id */
  readonly backendPoolIds: readonly RValue[];
  /** The rule's properties, probe or pools are an expression the engine cannot evaluate. */
  readonly unknown: boolean;
  readonly span: Span;
}

/**
 * The primary IP configuration of the scale set's primary network interface (networkProfile.
 * networkInterfaceConfigurations): Azure checks a load-balancer health probe against its backend pools.
 * `unknown` when an expression the engine cannot evaluate decides which one it is or what it holds.
 */
export type PrimaryIpConfiguration =
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'found';
      readonly name: RValue | undefined;
      /** loadBalancerBackendAddressPools[].id */
      readonly backendPoolIds: readonly RValue[];
      /** The pools (or one of them) are an expression the engine cannot evaluate. */
      readonly poolsUnknown: boolean;
      readonly span: Span;
    };

export interface ProbeModel {
  readonly name: RValue | undefined;
  readonly protocol: RValue | undefined;
  readonly port: RValue | undefined;
  readonly intervalInSeconds: RValue | undefined;
  readonly numberOfProbes: RValue | undefined;
  readonly probeThreshold: RValue | undefined;
  readonly requestPath: RValue | undefined;
  readonly span: Span;
}

export interface ServiceFabricNodeTypeModel {
  readonly name: RValue | undefined;
  readonly durabilityLevel: RValue | undefined;
  readonly isStateless: RValue | undefined;
  readonly vmInstanceCount: RValue | undefined;
  readonly span: Span;
}

export interface ServiceFabricClusterModel {
  readonly name: RValue | undefined;
  readonly nodeTypes: readonly ServiceFabricNodeTypeModel[];
  readonly span: Span;
}

/** A `copy` loop on the scale-set resource: one declaration that deploys `count` scale sets. */
export interface CopyModel {
  readonly name: RValue | undefined;
  readonly count: RValue | undefined;
  readonly span: Span;
}

/** The scale set sits in the inline template of a Microsoft.Resources/deployments resource. */
export interface DeploymentContext {
  readonly name: RValue | undefined;
  /** expressionEvaluationOptions.scope: 'outer' (ARM's default) resolves names in the parent template. */
  readonly scope: 'inner' | 'outer';
  readonly span: Span;
}

export interface ScaleSetModel {
  /** JSON path of the resource object, e.g. ["resources", 3] or ["resources", "vmss"]. */
  readonly path: readonly (string | number)[];
  readonly shape: ScaleSetShape;
  /** The resource (or body) object. */
  readonly span: Span;
  /** The `type` string as written (ARM matches it case-insensitively); undefined for REST/CLI shapes. */
  readonly typeSpelling: string | undefined;
  readonly name: RValue | undefined;
  /** A label for messages and UIs: the resolved name, else the name expression, else the path. */
  readonly displayName: string;
  readonly apiVersion: RValue | undefined;
  readonly location: RValue | undefined;
  readonly zones: RValue | undefined;
  readonly skuName: RValue | undefined;
  readonly capacity: RValue | undefined;
  readonly copy: CopyModel | undefined;
  readonly condition: RValue | undefined;
  readonly deployment: DeploymentContext | undefined;

  /** The `properties` key of the resource (absent for `az vmss show`, where these sit at the top level). */
  readonly properties: PropertyRef | undefined;
  readonly orchestrationMode: RProperty | undefined;
  readonly overprovision: RProperty | undefined;
  readonly singlePlacementGroup: RProperty | undefined;
  readonly platformFaultDomainCount: RProperty | undefined;
  readonly zoneBalance: RProperty | undefined;

  /** properties.upgradePolicy, resolved deeply: every property, canonical or not. */
  readonly upgradePolicy: RProperty | undefined;
  /** Convenience views into upgradePolicy (case-insensitive), undefined when absent. */
  readonly mode: RProperty | undefined;
  readonly rollingUpgradePolicy: RProperty | undefined;
  readonly automaticOSUpgradePolicy: RProperty | undefined;
  /** Legacy forms (API 2017-03-30 … 2018-06-01): upgradePolicy.automaticOSUpgrade (bool) and .autoOSUpgradePolicy. */
  readonly legacyAutomaticOSUpgrade: RProperty | undefined;
  readonly legacyAutoOSUpgradePolicy: RProperty | undefined;
  /**
   * Policy objects declared where ARM does not read them: upgradePolicy outside `properties`, policy
   * objects directly under `properties`, under virtualMachineProfile, and so on.
   */
  readonly strayPolicies: readonly StrayPolicy[];

  readonly automaticRepairsPolicy: RProperty | undefined;
  /** properties.externalHealthPolicy, lifecycleHooksProfile, resiliencyPolicy, scheduledEventsPolicy (API 2023-07-01 to 2025-11-01), resolved deeply. */
  readonly externalHealthPolicy: RProperty | undefined;
  readonly lifecycleHooksProfile: RProperty | undefined;
  readonly resiliencyPolicy: RProperty | undefined;
  readonly scheduledEventsPolicy: RProperty | undefined;
  readonly zonalPlatformFaultDomainAlignMode: RProperty | undefined;
  /** virtualMachineProfile.scheduledEventsProfile, resolved deeply. */
  readonly scheduledEventsProfile: RProperty | undefined;
  readonly imageReference: RProperty | undefined;
  readonly osKind: OsKind;
  /** virtualMachineProfile.osProfile.windowsConfiguration / linuxConfiguration, resolved deeply. */
  readonly windowsConfiguration: RProperty | undefined;
  readonly linuxConfiguration: RProperty | undefined;
  /** virtualMachineProfile.networkProfile.healthProbe.id */
  readonly healthProbeId: RProperty | undefined;
  /**
   * Undefined when the scale set declares no network interface configuration. Read on first use (only the
   * health-probe rules ask: its ids are expressions to evaluate), not enumerable, as `resolveResource`.
   */
  readonly primaryIpConfiguration?: PrimaryIpConfiguration;
  readonly extensions: readonly ExtensionModel[];
  /**
   * The whole resource (or body) object, resolved deeply, on demand (the change-impact comparison reads every
   * setting; nothing else needs them all). Not enumerable, so the model still compares and serialises as
   * plain data; absent in models built by hand.
   */
  readonly resolveResource?: () => RValue;
}

export interface StrayPolicy {
  /** The property as found, e.g. upgradePolicy at the resource level. */
  readonly property: RProperty;
  /** JSON path of the object that holds it, relative to the scale-set resource, e.g. ["properties"]. */
  readonly parentPath: readonly (string | number)[];
  /** Where ARM expects it, relative to the resource, e.g. ["properties", "upgradePolicy"]. */
  readonly expectedPath: readonly string[];
}

export type { ParseProblem } from '../text/span';
export type { EvalValue, ValueSource } from '../expressions/values';

export interface ParameterInfo {
  readonly name: string;
  readonly keySpan: Span;
  readonly type: string | undefined;
  /** The value used, and whether it came from the parameters file, the default, or nowhere (unknown). */
  readonly value: RValue | undefined;
}

export type DocumentKind = 'template' | 'parameters' | 'restBody' | 'vmssShow' | 'other';

/** Everything the engine read from one file. */
export interface TemplateModel {
  readonly kind: DocumentKind;
  readonly parseErrors: readonly ParseProblem[];
  /** Problems in the parameters file, reported separately so the template's own stay clean. */
  readonly parametersFileErrors: readonly ParseProblem[];
  readonly scaleSets: readonly ScaleSetModel[];
  readonly loadBalancers: readonly LoadBalancerModel[];
  readonly serviceFabricClusters: readonly ServiceFabricClusterModel[];
  readonly parameters: readonly ParameterInfo[];
  /**
   * Where the comments are, when the front end knows (Bicep); else the rules find JSONC comments themselves.
   * Only suppression comments (SUPPRESSION_DIRECTIVE) are read, so a front end may skip text without one.
   */
  readonly commentSpans?: readonly Span[];
}

/** The comment that silences rules on the next line (rules/suppressions.ts reads it; front ends look for it). */
export const SUPPRESSION_DIRECTIVE = 'vmss-upgrade-disable-next-line';
