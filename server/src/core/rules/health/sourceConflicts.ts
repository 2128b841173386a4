import { scaleSetRule } from '../defineRule';
import { healthSources, orchestrationMode } from '../facts';
import { addAppHealthExtensionFixes } from './appHealthFix';
import { consumerList, consumerRelated, healthConsumers } from './consumers';

/** Rules on which health source a scale set uses: one source only, and the extension on Flexible (§3.2 #7, #8). */

const AOS_BOTH_ERROR =
  'Automatic OS Upgrade is not supported for this Virtual Machine Scale Set because both a health probe and a health extension were provided. Remove the health probe or health extension prior to enabling automatic OS upgrade.';

export const MULTIPLE_HEALTH_SOURCES = scaleSetRule({
  id: 'multiple-health-sources',
  defaultSeverity: 'error',
  title: 'Both a health probe and a health extension',
  description:
    'The scale set has a load-balancer health probe and an Application Health extension while automatic OS upgrade, Rolling mode or automatic repairs is on; only one health source is allowed.',
  check: ({ scaleSet, facts }) => {
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
    if (!sources.probe || sources.appHealth.length > 0 || sources.undetermined.length > 0) return [];
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
