import { SERVICE_FABRIC_EXTENSION } from '../../catalog';
import type { ScaleSetModel } from '../../model/templateModel';
import { asInteger, asString } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { automaticOsUpgrade, healthSources, isEditable, overprovision, windowsAutomaticUpdates } from '../facts';
import type { Fix } from '../ruleTypes';
import { clip, originRelated, originSentence, showValue } from '../valueOrigin';
import { joinSentences } from '../messageText';
import { extensionRelated, sfContext } from './common';
import { count } from '../../text/plural';

/** Scale-set settings a Service Fabric node type must have (reference §3.5 #32–#35; S4, S15). */

export const SF_HEALTH_PROBE = scaleSetRule({
  id: 'sf-health-probe',
  defaultSeverity: 'warning',
  title: 'Load-balancer health probe on a Service Fabric scale set',
  description:
    'A Service Fabric scale set sets networkProfile.healthProbe; load-balancer probes are not a health source for Service Fabric scale sets.',
  check: ({ model, scaleSet, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    const probe = healthSources(scaleSet, facts).probe;
    if (!ctx || !probe) return [];
    return [
      {
        message: 'networkProfile.healthProbe is set on a Service Fabric scale set, where load-balancer health probes are not supported.',
        details: {
          explanation: `Node type "${ctx.nodeTypeName}": the automatic OS upgrade documentation says "Application Health Probes are not supported for Service Fabric scale sets". Silver and Gold node types get their health from Service Fabric and need no health source, and Bronze (stateless) node types must use the Application Health extension. Remove networkProfile.healthProbe${ctx.sf.durability.value === 'Bronze' ? ' and add an Application Health extension' : ''}. The load balancer's probes for its own rules are fine.`,
          assumption: 'Whether Azure rejects the deployment, and with which text, is not documented.',
          sources: ['S4', 'S15'],
        },
        span: probe.value.span,
        related: [extensionRelated(ctx)],
      },
    ];
  },
});

/** Whether the scale set runs Windows: by its OS settings, else by the Service Fabric extension's type. */
function isWindows(scaleSet: ScaleSetModel, extensionType: string | undefined): boolean {
  if (scaleSet.osKind !== 'unknown') return scaleSet.osKind === 'windows';
  return extensionType?.toLowerCase() === SERVICE_FABRIC_EXTENSION.types.windows.toLowerCase();
}

export const SF_AUTOMATIC_UPDATES = scaleSetRule({
  id: 'sf-automatic-updates',
  defaultSeverity: 'error',
  title: 'Windows automatic updates on a Service Fabric node type',
  description:
    'A Windows Service Fabric node type leaves windowsConfiguration.enableAutomaticUpdates true (explicitly, or by default on Silver/Gold without automatic OS upgrade); Windows Update can then restart several nodes at once.',
  check: ({ model, scaleSet, text, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    if (!ctx || !isWindows(scaleSet, asString(ctx.sf.extension.type))) return [];
    const setting = windowsAutomaticUpdates(scaleSet, facts);
    if (setting.value !== true) return [];
    const explicit = setting.property;
    if (!explicit) {
      // Absent means true, except that automatic OS upgrade forces it to false (S1, S4); SFRP validates Silver/Gold only.
      const aos = automaticOsUpgrade(scaleSet, facts).value;
      const durability = ctx.sf.durability.value;
      if (aos !== false || (durability !== 'Silver' && durability !== 'Gold')) return [];
    }
    const platform = `This update will make your cluster vulnerable to multiple nodes of NodeType: ${ctx.nodeTypeName} going down at the same time due to windows updates. …`;
    const fixes: Fix[] = [];
    const config = scaleSet.windowsConfiguration;
    if (explicit) {
      if (isEditable(explicit.value))
        fixes.push({
          title: 'Set enableAutomaticUpdates to false',
          edits: [{ kind: 'replaceValue', span: explicit.value.span, newValue: false }],
          isPreferred: true,
        });
    } else if (config?.value.kind === 'object' && isEditable(config.value)) {
      fixes.push({
        title: 'Set enableAutomaticUpdates to false',
        edits: [{ kind: 'setProperty', objectSpan: config.value.span, path: ['enableAutomaticUpdates'], value: false }],
        isPreferred: true,
      });
    } else if (!config && scaleSet.properties && text[scaleSet.properties.span.offset] === '{') {
      fixes.push({
        title: 'Set enableAutomaticUpdates to false',
        edits: [
          {
            kind: 'setProperty',
            objectSpan: scaleSet.properties.span,
            path: ['virtualMachineProfile', 'osProfile', 'windowsConfiguration', 'enableAutomaticUpdates'],
            value: false,
          },
        ],
        isPreferred: true,
      });
    }
    const silverOrGold = ctx.sf.durability.value === 'Silver' || ctx.sf.durability.value === 'Gold';
    return [
      {
        message: explicit
          ? `Service Fabric node type "${clip(ctx.nodeTypeName)}" sets enableAutomaticUpdates to ${showValue(explicit.value)}, so Windows Update can restart several nodes at once.`
          : `Service Fabric node type "${clip(ctx.nodeTypeName)}" leaves enableAutomaticUpdates at its default, true, so Windows Update can restart several nodes at once.`,
        details: {
          explanation: joinSentences(
            explicit
              ? originSentence(explicit.value)
              : 'windowsConfiguration.enableAutomaticUpdates is not set, so it is true (the default), and automatic OS upgrade is off, so nothing turns it off.',
            `Service Fabric scale sets must set it to false (durability ${ctx.sf.durability.value}): Windows Update restarts nodes on its own schedule, not Update Domain by Update Domain, so several nodes can go down at once. Service Fabric validates it for Silver and Gold node types. Set enableAutomaticUpdates to false, and patch with automatic OS image upgrade or Service Fabric's Patch Orchestration Application.`,
          ),
          ...(silverOrGold ? { azureError: platform } : {}),
          sources: ['S4', 'S15'],
        },
        span: explicit ? explicit.value.span : (config?.keySpan ?? ctx.sf.extension.type?.span ?? ctx.sf.extension.span),
        related: [extensionRelated(ctx)],
        fixes,
      },
    ];
  },
});

export const SF_MIN_CAPACITY = scaleSetRule({
  id: 'sf-min-capacity',
  defaultSeverity: 'warning',
  title: 'Service Fabric Silver/Gold node type with fewer than 5 instances',
  description:
    'A Service Fabric node type with durability Silver or Gold has sku.capacity below 5; Service Fabric requires at least 5 VMs.',
  check: ({ model, scaleSet, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    const durability = ctx?.sf.durability;
    if (!ctx || !durability?.property || (durability.value !== 'Silver' && durability.value !== 'Gold')) return [];
    const capacity = scaleSet.capacity;
    const n = asInteger(capacity);
    const minimum = SERVICE_FABRIC_EXTENSION.minimumInstancesForSilverOrGold;
    if (!capacity || n === undefined || n >= minimum) return [];
    return [
      {
        message: `Service Fabric node type "${clip(ctx.nodeTypeName)}" has durability ${durability.value} with ${count(n, 'instance')}; Service Fabric requires at least ${minimum}.`,
        details: {
          explanation: joinSentences(
            originSentence(capacity),
            `Silver and Gold node types need at least ${minimum} VMs (Service Fabric's MinVMCountValidation): with fewer, Service Fabric cannot keep enough replicas up while it restarts nodes for upgrades. Use at least ${minimum} instances, or durability Bronze for a stateless node type.`,
            'The validation runs on cluster operations rather than on the scale-set deployment itself, and autoscale or a later scale-out may raise the count, so this is a warning.',
          ),
          azureError: `NodeType ${ctx.nodeTypeName} with VMSS Durability ${durability.value} should have atleast ${minimum} VMs but actually has ${n} VMs.`,
          sources: ['S15'],
        },
        span: capacity.span,
        related: [
          { span: durability.property.value.span, message: `Durability ${durability.value} is set here.` },
          ...originRelated(model, capacity),
        ],
        fixes: isEditable(capacity)
          ? [
              {
                title: `Change capacity to ${minimum}`,
                edits: [{ kind: 'replaceValue', span: capacity.span, newValue: minimum }],
                isPreferred: true,
              },
            ]
          : [],
      },
    ];
  },
});

export const SF_OVERPROVISION = scaleSetRule({
  id: 'sf-overprovision',
  defaultSeverity: 'error',
  title: 'Overprovisioning on a Service Fabric scale set',
  description:
    'A scale set with the Service Fabric extension has overprovision true, or leaves it out (it defaults to true); Azure rejects overprovisioning with the Service Fabric extension.',
  check: ({ model, scaleSet, text, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    if (!ctx) return [];
    const setting = overprovision(scaleSet, facts);
    if (setting.value !== true) return [];
    const explicit = setting.property;
    const fixes: Fix[] = [];
    if (explicit && isEditable(explicit.value))
      fixes.push({
        title: 'Set overprovision to false',
        edits: [{ kind: 'replaceValue', span: explicit.value.span, newValue: false }],
        isPreferred: true,
      });
    const target = scaleSet.shape === 'vmssShow' ? scaleSet.span : scaleSet.properties?.span;
    if (!explicit && target && text[target.offset] === '{')
      fixes.push({
        title: 'Add "overprovision": false',
        edits: [{ kind: 'setProperty', objectSpan: target, path: ['overprovision'], value: false }],
        isPreferred: true,
      });
    return [
      {
        message: `The scale set has the Service Fabric extension but ${explicit ? `sets overprovision to ${showValue(explicit.value)}` : 'leaves overprovision at its default, true'}, so Azure rejects the deployment.`,
        details: {
          explanation: joinSentences(
            explicit ? originSentence(explicit.value) : '',
            'Overprovisioned VMs would join the cluster as nodes and then be deleted. Set "overprovision": false.',
          ),
          azureError: 'Overprovisioning not allowed on Virtual Machine Scale Sets with Service Fabric extension.',
          sources: ['S15'],
        },
        span: explicit ? explicit.value.span : (scaleSet.properties?.keySpan ?? { offset: scaleSet.span.offset, length: 1 }),
        related: [extensionRelated(ctx)],
        fixes,
      },
    ];
  },
});
