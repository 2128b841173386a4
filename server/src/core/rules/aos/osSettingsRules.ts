import { isApiVersionAtLeast } from '../../catalog/apiVersions';
import { PATCH_MODES, WINDOWS_AUTOMATIC_UPDATES } from '../../catalog/osSettings';
import type { RProperty, ScaleSetModel } from '../../model/templateModel';
import { asString, getPath } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { windowsAutomaticUpdates } from '../facts/scaleSetFacts';
import { isEditable } from '../facts/setting';
import type { FindingDraft } from '../ruleTypes';
import { originRelated, originSentence, showValue } from '../valueOrigin';
import { joinSentences } from '../messageText';
import { aosOn } from './aosOn';

/** Automatic OS upgrade against the guest OS's own update settings (reference §3.3 #19, #20; S4). */

const AUTOMATIC_UPDATES_ERROR =
  'windowsConfiguration.enableAutomaticUpdates cannot be set to true if upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade is already true, starting from APIversion 2019-03-01';

/** True/false when the apiVersion is known; true for REST bodies and CLI output, which carry none (the current API). */
function apiAtLeast(scaleSet: ScaleSetModel, minimum: string): boolean | undefined {
  const api = scaleSet.apiVersion;
  if (api === undefined) return scaleSet.shape === 'template' ? undefined : true;
  return api.kind === 'string' ? isApiVersionAtLeast(api.value, minimum) : undefined;
}

export const AOS_WINDOWS_AUTOMATIC_UPDATES = scaleSetRule({
  id: 'aos-windows-automatic-updates',
  defaultSeverity: 'error',
  title: 'Windows automatic updates with automatic OS upgrade',
  description:
    'windowsConfiguration.enableAutomaticUpdates is explicitly true while automatic OS upgrade is on; from API 2019-03-01 Azure rejects this.',
  check: ({ model, scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    const setting = windowsAutomaticUpdates(scaleSet, facts);
    // Only an explicit true conflicts: when absent, Azure turns it off for AOS scale sets (S1, S4).
    if (!aos || setting.value !== true || !setting.property) return [];
    if (apiAtLeast(scaleSet, WINDOWS_AUTOMATIC_UPDATES.mustBeFalseWithAosSince) !== true) return [];
    const value = setting.property.value;
    return [
      {
        message: `windowsConfiguration.enableAutomaticUpdates is ${showValue(value)} while automatic OS upgrade is on, so Azure rejects the deployment.`,
        details: {
          explanation: joinSentences(
            originSentence(value),
            `Windows Update would patch instances behind the image-based upgrades; from API ${WINDOWS_AUTOMATIC_UPDATES.mustBeFalseWithAosSince} Azure rejects the combination. Set enableAutomaticUpdates to false (or leave it out: Azure then sets it to false itself).`,
          ),
          azureError: AUTOMATIC_UPDATES_ERROR,
          sources: ['S1', 'S4'],
        },
        span: value.span,
        related: [aos.related, ...originRelated(model, value)],
        fixes: isEditable(value)
          ? [
              {
                title: 'Set enableAutomaticUpdates to false',
                edits: [{ kind: 'replaceValue', span: value.span, newValue: false }],
                isPreferred: true,
              },
            ]
          : [],
      },
    ];
  },
});

/** The patch mode each OS falls back to when AutomaticByPlatform is not allowed: the one that leaves patching to the image. */
const REPLACEMENT = { windowsConfiguration: PATCH_MODES.windows.values[0], linuxConfiguration: PATCH_MODES.linux.values[0] } as const;

export const AOS_PATCH_MODE = scaleSetRule({
  id: 'aos-patch-mode',
  defaultSeverity: 'warning',
  title: 'Platform guest patching with automatic OS upgrade',
  description:
    'patchSettings.patchMode is AutomaticByPlatform (Windows or Linux) while automatic OS upgrade is on; the two update mechanisms must not be combined.',
  check: ({ model, scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    if (!aos) return [];
    const out: FindingDraft[] = [];
    const configs: [keyof typeof REPLACEMENT, RProperty | undefined][] = [
      ['windowsConfiguration', scaleSet.windowsConfiguration],
      ['linuxConfiguration', scaleSet.linuxConfiguration],
    ];
    for (const [name, config] of configs) {
      const mode = getPath(config?.value, 'patchSettings', 'patchMode')?.value;
      if (asString(mode)?.trim().toLowerCase() !== PATCH_MODES.incompatibleWithAutomaticOsUpgrade.toLowerCase()) continue;
      const replacement = REPLACEMENT[name];
      const why = name === 'windowsConfiguration' ? 'With Manual, enableAutomaticUpdates is false as automatic OS upgrade requires.' : '';
      out.push({
        message: `${name}.patchSettings.patchMode is ${showValue(mode!)} while automatic OS upgrade is on; the documentation forbids combining the two.`,
        details: {
          explanation: joinSentences(
            originSentence(mode!),
            `Platform guest patching and image-based automatic OS upgrades are two update mechanisms for the same OS, and the automatic OS upgrade documentation says patchMode must not be AutomaticByPlatform with it. Set patchMode to "${replacement}" and let the image upgrades bring patches, or turn automatic OS upgrade off.`,
            why,
          ),
          assumption:
            name === 'windowsConfiguration'
              ? 'Whether Azure rejects the deployment is not documented. The spec pairs AutomaticByOS with enableAutomaticUpdates true, which automatic OS upgrade forbids; a Service Fabric sample uses AutomaticByOS with false, so the sources disagree there.'
              : 'Whether Azure rejects the deployment is not documented.',
          sources: ['S4', 'S1'],
        },
        span: mode!.span,
        related: [aos.related, ...originRelated(model, mode!)],
        fixes: isEditable(mode)
          ? [
              {
                title: `Set patchMode to "${replacement}"`,
                edits: [{ kind: 'replaceValue', span: mode!.span, newValue: replacement }],
                isPreferred: true,
              },
            ]
          : [],
      });
    }
    return out;
  },
});
