import type { SourceId } from './sources';

/** The policy objects the catalog describes, named after the JSON property that holds each. */
export type UpgradePolicyObjectId = 'upgradePolicy' | 'rollingUpgradePolicy' | 'automaticOSUpgradePolicy' | 'autoOSUpgradePolicy';

/** Objects beside upgradePolicy that shape an upgrade, the health signal or zones (API 2017-12-01 to 2026-04-01). */
export type ScaleSetPolicyObjectId =
  | 'scaleSetProperties'
  | 'externalHealthPolicy'
  | 'lifecycleHooksProfile'
  | 'lifecycleHook'
  | 'resiliencyPolicy'
  | 'resilientVMCreationPolicy'
  | 'resilientVMDeletionPolicy'
  | 'automaticZoneRebalancingPolicy'
  | 'zoneAllocationPolicy'
  | 'maxInstancePercentPerZonePolicy'
  | 'automaticRepairsPolicy'
  | 'scheduledEventsPolicy'
  | 'userInitiatedRedeploy'
  | 'userInitiatedReboot'
  | 'allInstancesDown'
  | 'scheduledEventsAdditionalPublishingTargets'
  | 'eventGridAndResourceGraph'
  | 'virtualMachineProfile'
  | 'scheduledEventsProfile'
  | 'terminateNotificationProfile'
  | 'osImageNotificationProfile';

export type PolicyObjectId = UpgradePolicyObjectId | ScaleSetPolicyObjectId;

/**
 * How a value is checked. `duration` is an ISO 8601 string (`PT5M`); `object` holds another policy
 * object (see `object`).
 */
export type PolicyValueType = 'boolean' | 'integer' | 'string' | 'duration' | 'enum' | 'object' | 'array';

export type JsonPrimitive = string | number | boolean;

/** One property of a policy object, as the Compute API defines it. */
export interface PolicyProperty {
  /** Canonical spelling (ARM matches names case-insensitively, the catalog keeps the spec's casing). */
  readonly name: string;
  readonly type: PolicyValueType;
  /** For `enum`: the allowed values in canonical casing. */
  readonly enumValues?: readonly string[];
  /** For `enum`: values added after the property itself, with the API version that added them. */
  readonly enumValueSince?: Readonly<Record<string, string>>;
  /** For `enum`: the API declares it open (`modelAsString`), so a value outside the list is a warning, not an error. */
  readonly openEnum?: boolean;
  /** For `object`: the policy object it holds; for `array`: the object each item is. */
  readonly object?: PolicyObjectId;
  /** For `duration`: the range the API's description states, as ISO 8601 durations. */
  readonly minimumDuration?: string;
  readonly maximumDuration?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** The service's default when the property is omitted; undefined when no source documents one. */
  readonly default?: JsonPrimitive;
  /** First API version whose schema has the property. */
  readonly since: string;
  /** First API version that no longer has it (legacy properties only). */
  readonly removedIn?: string;
  /** For legacy properties: what replaces it, as a path under upgradePolicy. */
  readonly replacedBy?: readonly string[];
  /** Markdown, in our own words. */
  readonly description: string;
  /** learn.microsoft.com page for users. */
  readonly docs: string;
  /** Reference source ids the facts above come from. */
  readonly sources: readonly SourceId[];
  /** Facts the sources do not settle, said plainly (shown in hovers and docs). */
  readonly unverified?: readonly string[];
}

export interface PolicyObject {
  readonly id: PolicyObjectId;
  /** Human title for hovers. */
  readonly title: string;
  readonly description: string;
  readonly docs: string;
  readonly properties: readonly PolicyProperty[];
  /**
   * The catalog lists only the properties that touch upgrades, health or zones (the scale set's
   * `properties`, `virtualMachineProfile`): other names there are not flagged as unknown.
   */
  readonly open?: boolean;
}
