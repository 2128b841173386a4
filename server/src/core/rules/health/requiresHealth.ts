import { APPLICATION_HEALTH_EXTENSION } from '../../catalog';
import type { ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import {
  automaticOsUpgrade,
  automaticRepairs,
  hasHealthSource,
  healthSources,
  orchestrationMode,
  serviceFabric,
  type Maybe,
  type Setting,
} from '../facts';
import type { FindingDraft, RelatedInformation, ScaleSetRuleContext, Severity } from '../ruleTypes';
import { addAppHealthExtensionFixes } from './appHealthFix';
import { rollingOn, zoneRebalancing } from './consumers';
import type { FactMemo } from '../facts/memo';
import type { SourceId } from '../../catalog/sources';
import { joinSentences } from '../messageText';

/**
 * "X needs a health signal" rules, one table row each: what switches X on, whether the scale set is
 * exempt, whether a load-balancer probe counts, and what Azure says when it rejects the deployment.
 */
interface HealthNeed {
  readonly id: string;
  readonly defaultSeverity: Severity;
  readonly title: string;
  readonly description: string;
  /** What needs health, as the message's verb phrase: "uses upgrade mode Rolling". */
  readonly what: string;
  /** The setting that switches it on (its property is where the finding points). */
  readonly trigger: (scaleSet: ScaleSetModel, facts: FactMemo) => Setting<boolean>;
  /** What it causes, for the message: "so Azure rejects the deployment". */
  readonly effect: string;
  /** Why it needs health and what happens without it (the details). */
  readonly consequence: string;
  /** Azure's error text when the scale set has no health source at all (quoted only in that case). */
  readonly azureError?: string;
  /** Azure's error text when it has only a source that does not count here; undefined when it is not known. */
  readonly azureErrorIgnoredProbe?: string;
  readonly sources: readonly SourceId[];
  /** Scale sets that need no health source for it; 'unknown' keeps the rule silent. */
  readonly exempt?: (scaleSet: ScaleSetModel, facts: FactMemo) => Maybe;
  /** Whether a load-balancer probe counts (it never does on Flexible, checked separately). */
  readonly probeCounts?: (scaleSet: ScaleSetModel, facts: FactMemo) => boolean;
}

const isSf = (scaleSet: ScaleSetModel, facts: FactMemo) => {
  const sf = serviceFabric(scaleSet, facts);
  return sf !== undefined && sf !== 'unknown';
};

const NEEDS: readonly HealthNeed[] = [
  {
    id: 'rolling-requires-health',
    defaultSeverity: 'error',
    title: 'Rolling mode without a health signal',
    description:
      'upgradePolicy.mode is Rolling, but the scale set has neither a load-balancer health probe nor an Application Health extension; Azure rejects the deployment.',
    what: 'uses upgrade mode Rolling',
    trigger: rollingOn,
    effect: 'so Azure rejects the deployment',
    consequence: 'A rolling upgrade waits for each batch to report healthy before the next one, so it needs a health signal.',
    azureError:
      'Rolling Upgrade mode is not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided.',
    sources: ['S5', 'S7'],
  },
  {
    id: 'aos-requires-health',
    defaultSeverity: 'error',
    title: 'Automatic OS upgrade without a health signal',
    description:
      'Automatic OS image upgrade is on, but the scale set has neither a load-balancer health probe nor an Application Health extension (Service Fabric Silver/Gold node types are exempt); Azure rejects the deployment.',
    what: 'has automatic OS image upgrade on',
    trigger: automaticOsUpgrade,
    effect: 'so Azure rejects the deployment',
    consequence:
      'The upgrade waits up to 5 minutes per batch for instances to become healthy and rolls back the OS disk when they do not, so it needs a health signal.',
    // BadRequest, as reported in Azure-Samples/azure-opensource-labs#46 and MicrosoftDocs/azure-docs#122644 (no health source at all).
    azureError:
      'Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because a health probe or health extension was not specified.',
    sources: ['S4', 'S15'],
    // Service Fabric Silver/Gold node types use Service Fabric's own health (reference §3.5 #32, docs/sources.md).
    exempt: (s, facts) => {
      const sf = serviceFabric(s, facts);
      if (sf === 'unknown') return 'unknown';
      if (!sf) return false;
      return sf.durability.value === 'unknown' ? 'unknown' : sf.durability.value !== 'Bronze';
    },
    // "Application Health Probes are not supported for Service Fabric scale sets" (S4, docs/sources.md): only the extension counts.
    probeCounts: (s, facts) => !isSf(s, facts),
  },
  {
    id: 'repairs-require-health',
    defaultSeverity: 'error',
    title: 'Automatic repairs without a health signal',
    description:
      'automaticRepairsPolicy.enabled is true, but the scale set has no health source (load-balancer probe, Application Health extension or external health); Azure rejects the deployment.',
    what: 'has automatic instance repairs on',
    trigger: automaticRepairs,
    effect: 'so Azure rejects the deployment',
    consequence:
      'Automatic repairs replace instances that report unhealthy; without health monitoring nothing ever reports unhealthy, so Azure does not accept the policy. Terraform refuses it too: "`automatic_instance_repair` can only be set if there is an application Health extension or a `health_probe_id` defined".',
    // Quoted from Azure's reply in PaloAltoNetworks/terraform-azurerm-vmseries-modules (modules/vmss/main.tf, README).
    azureError:
      'Automatic repairs not supported for this Virtual Machine Scale Set because a health probe or health extension was not provided.',
    sources: ['S10', 'S14'],
  },
  {
    id: 'zone-rebalancing-requires-health',
    defaultSeverity: 'warning',
    title: 'Automatic zone rebalancing without a health signal',
    description:
      'resiliencyPolicy.automaticZoneRebalancingPolicy.enabled is true, but the scale set has no health source; each new VM must report healthy before the old one is deleted.',
    what: 'has automatic zone rebalancing on',
    trigger: zoneRebalancing,
    effect: 'so rebalancing cannot check its new VMs',
    consequence:
      'Zone rebalancing creates a VM in the target zone and deletes the old one only once the new one reports healthy, so the documentation lists a health source as a prerequisite.',
    sources: ['API2026'],
  },
];

function checkNeed(need: HealthNeed, { model, scaleSet, text, facts }: ScaleSetRuleContext): FindingDraft[] {
  const trigger = need.trigger(scaleSet, facts);
  if (trigger.value !== true || !trigger.property) return [];
  const orchestration = orchestrationMode(scaleSet, facts).value;
  const sources = healthSources(scaleSet, facts);
  // Flexible with only a probe: flexible-requires-health-extension reports it. Unknown orchestration: the probe may or may not count.
  if (sources.probe && sources.appHealth.length === 0 && orchestration !== 'Uniform') return [];
  if (need.exempt && need.exempt(scaleSet, facts) !== false) return [];
  const probeCounts = orchestration === 'Uniform' && (need.probeCounts?.(scaleSet, facts) ?? true);
  if (hasHealthSource(sources, probeCounts) !== false) return [];

  const flexible = orchestration === 'Flexible';
  const linux = APPLICATION_HEALTH_EXTENSION.types.linux;
  const windows = APPLICATION_HEALTH_EXTENSION.types.windows;
  const extensionName = scaleSet.osKind === 'windows' ? windows : scaleSet.osKind === 'linux' ? linux : `${linux} or ${windows}`;
  // A probe is there but does not count (Service Fabric): Azure's "was not specified" text is not the one this case gets.
  const ignoredProbe = sources.probe !== undefined && !probeCounts;
  const todo =
    flexible || !probeCounts
      ? `Add an Application Health extension (${extensionName})${flexible ? '; on Flexible orchestration a load-balancer probe is not a health source' : ''}.`
      : `Add an Application Health extension (${extensionName}), or set virtualMachineProfile.networkProfile.healthProbe.id to a load-balancer probe.`;
  const related: RelatedInformation[] = [];
  if (ignoredProbe && sources.probe) {
    related.push({
      span: sources.probe.value.span,
      message: 'This health probe does not count: Service Fabric scale sets take only the Application Health extension.',
    });
  }
  if (!flexible && probeCounts) {
    for (const lb of model.loadBalancers) {
      if (lb.probes.length > 0)
        related.push({
          span: lb.span,
          message: `This load balancer has ${lb.probes.length} probe${lb.probes.length === 1 ? '' : 's'}, but none is attached as the scale set's health probe.`,
        });
    }
  }
  const azureError = ignoredProbe ? need.azureErrorIgnoredProbe : need.azureError;
  return [
    {
      message: ignoredProbe
        ? `The scale set ${need.what} but its only health source is a probe, which Service Fabric scale sets do not support.`
        : `The scale set ${need.what} but has no health probe or Application Health extension, ${need.effect}.`,
      details: {
        explanation: joinSentences(
          ignoredProbe
            ? 'Its healthProbe does not count: the automatic OS upgrade documentation says "Application Health Probes are not supported for Service Fabric scale sets", so only the Application Health extension is a health source.'
            : `It has no ${probeCounts ? 'load-balancer health probe and no ' : ''}Application Health extension.`,
          need.consequence,
          todo,
        ),
        ...(azureError ? { azureError } : {}),
        ...(ignoredProbe && need.azureError
          ? {
              assumption:
                "Azure's error text for a Service Fabric scale set whose only health source is a probe is not documented; the deployment is expected to fail as without any health source.",
            }
          : {}),
        sources: ignoredProbe ? [...need.sources, 'S4'] : need.sources,
      },
      span: trigger.property.value.span,
      related,
      fixes: addAppHealthExtensionFixes(scaleSet, text),
    },
  ];
}

const toRule = (need: HealthNeed) =>
  scaleSetRule({
    id: need.id,
    defaultSeverity: need.defaultSeverity,
    title: need.title,
    description: need.description,
    check: (ctx) => checkNeed(need, ctx),
  });

export const [ROLLING_REQUIRES_HEALTH, AOS_REQUIRES_HEALTH, REPAIRS_REQUIRE_HEALTH, ZONE_REBALANCING_REQUIRES_HEALTH] = NEEDS.map(
  toRule,
) as [ReturnType<typeof toRule>, ReturnType<typeof toRule>, ReturnType<typeof toRule>, ReturnType<typeof toRule>];
