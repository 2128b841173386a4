import type { ScaleSetModel } from '../../model/templateModel';
import { scaleSetRule } from '../defineRule';
import type { FactMemo } from '../facts/memo';
import type { FindingDraft } from '../ruleTypes';
import { healthSources, orchestrationMode } from '../facts';
import { addAppHealthExtensionFixes } from './appHealthFix';
import { consumerList, consumerRelated, healthConsumers } from './consumers';

/** Rules on which health source a scale set uses: one source only, and the extension on Flexible (§3.2 #7, #8). */

const AOS_BOTH_ERROR =
  'Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because both a health probe and a health extension were provided. Remove the health probe or health extension prior to enabling automatic OS upgrade.';

export const MULTIPLE_HEALTH_SOURCES = scaleSetRule({
  id: 'multiple-health-sources',
  defaultSeverity: 'error',
  title: 'More than one health source',
  description:
    'Two of the three health sources at once: a load-balancer health probe and an Application Health extension while automatic OS upgrade, Rolling mode or automatic repairs is on, or external health (externalHealthPolicy.enabled) beside either; only one health source is allowed.',
  check: ({ scaleSet, facts }) => {
    const external = externalHealthConflict(scaleSet, facts);
    if (external.length > 0) return external;
    if (orchestrationMode(scaleSet, facts).value !== 'Uniform') return []; // Flexible ignores the probe
    const sources = healthSources(scaleSet, facts);
    if (!sources.probe || sources.appHealth.length === 0) return [];
    const { on } = healthConsumers(scaleSet, facts);
    if (on.length === 0) return [];
    const aos = on.some((c) => c.key === 'aos');
    const extensions =
      sources.appHealth.length === 1 ? 'the Application Health extension' : `${sources.appHealth.length} Application Health extensions`;
    return [
      {
        message: aos
          ? 'The scale set has both a health probe and an Application Health extension, so Azure rejects automatic OS upgrade; keep one of them.'
          : 'The scale set has both a health probe and an Application Health extension; it may use only one, so which one decides is unclear.',
        details: {
          explanation: `networkProfile.healthProbe and ${extensions} are both set while ${consumerList(on)} ${on.length === 1 ? 'is' : 'are'} on. A scale set may use only one health source${aos ? '' : ', and the upgrade or repair cannot tell which signal decides'}. Remove the healthProbe or the extension; the extension is the more precise signal (it probes the app on the instance, and works on Flexible too).`,
          ...(aos
            ? { azureError: AOS_BOTH_ERROR }
            : {
                assumption:
                  "Azure's error text is documented for automatic OS upgrade only; whether it rejects Rolling mode or repairs with both sources is not documented.",
              }),
          sources: ['S4', 'S9', 'S10'],
        },
        span: sources.probe.value.span,
        related: [
          ...sources.appHealth.map((ext) => ({ span: ext.span, message: 'The Application Health extension, the second health source.' })),
          ...consumerRelated(on),
        ],
      },
    ];
  },
});

/** The API's own words on external health (ExternalHealthPolicy.enabled in the Compute API 2025-11-01 to 2026-04-01). */
const EXTERNAL_EXCLUSIVE =
  'Cannot be set to true on instances where another health monitoring source is active (ApplicationHealth extension or SLB)';

/**
 * External health turned on beside the extension or a probe: the API refuses it whatever uses the health
 * signal. A probe counts only on Uniform orchestration (Flexible does not read it).
 */
function externalHealthConflict(scaleSet: ScaleSetModel, facts: FactMemo): FindingDraft[] {
  const sources = healthSources(scaleSet, facts);
  if (!sources.external || sources.externalUnknown) return [];
  const probe = sources.probe && orchestrationMode(scaleSet, facts).value === 'Uniform' ? sources.probe : undefined;
  const other = sources.appHealth.length > 0 ? 'the Application Health extension' : probe ? 'networkProfile.healthProbe' : undefined;
  if (!other) return [];
  return [
    {
      message: `externalHealthPolicy.enabled is true while ${other} is also a health source. Azure allows only one, so it rejects the scale set.`,
      span: sources.external.value.span,
      related: [
        ...sources.appHealth.map((ext) => ({ span: ext.span, message: 'The Application Health extension, a second health source.' })),
        ...(probe ? [{ span: probe.value.span, message: 'The load-balancer health probe, a second health source.' }] : []),
        { span: sources.external.value.span, message: `The API: "${EXTERNAL_EXCLUSIVE}".` },
      ],
    },
  ];
}

export const FLEXIBLE_REQUIRES_HEALTH_EXTENSION = scaleSetRule({
  id: 'flexible-requires-health-extension',
  defaultSeverity: 'error',
  title: 'Flexible orchestration with a probe instead of the health extension',
  description:
    'A Flexible scale set relies on a load-balancer health probe for Rolling mode, automatic OS upgrade or automatic repairs; Flexible orchestration takes its health only from the Application Health extension.',
  check: ({ scaleSet, text, facts }) => {
    const orchestration = orchestrationMode(scaleSet, facts);
    if (orchestration.value !== 'Flexible' || !orchestration.property) return [];
    const sources = healthSources(scaleSet, facts);
    if (!sources.probe || sources.appHealth.length > 0 || sources.undetermined.length > 0 || sources.external) return [];
    const { on } = healthConsumers(scaleSet, facts);
    if (on.length === 0) return [];
    return [
      {
        message: `Flexible orchestration does not use the health probe, so ${consumerList(on)} ${on.length === 1 ? 'has' : 'have'} no health signal.`,
        details: {
          explanation: `The scale set relies on networkProfile.healthProbe for ${consumerList(on)}, but on Flexible orchestration only the Application Health extension is a health source; the load-balancer probe is not used. Add an Application Health extension (and drop the healthProbe).`,
          sources: ['S5', 'S7', 'S11'],
        },
        span: sources.probe.value.span,
        related: [{ span: orchestration.property.value.span, message: 'Flexible orchestration is set here.' }, ...consumerRelated(on)],
        fixes: addAppHealthExtensionFixes(scaleSet, text),
      },
    ];
  },
});
