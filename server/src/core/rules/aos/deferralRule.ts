import { getProp } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { booleanSetting } from '../facts/setting';
import { joinSentences } from '../messageText';
import { originRelated, originSentence } from '../valueOrigin';
import { aosOn } from './aosOn';

/**
 * automaticOSUpgradePolicy.osRollingUpgradeDeferral (Compute API 2024-03-01): each VM's automatic OS upgrade
 * waits for an approveRollingUpgrade call (compute-api-2026.md §1.3). A consequence worth knowing, so info.
 */
export const AOS_UPGRADE_DEFERRAL = scaleSetRule({
  id: 'aos-upgrade-deferral',
  defaultSeverity: 'info',
  title: 'Automatic OS upgrades wait for approval (deferral)',
  description:
    'automaticOSUpgradePolicy.osRollingUpgradeDeferral is true: each instance is told of its coming OS upgrade and waits until an approveRollingUpgrade call approves it.',
  check: ({ model, scaleSet, facts }) => {
    const aos = aosOn(scaleSet, facts);
    if (!aos) return [];
    const setting = booleanSetting(getProp(scaleSet.automaticOSUpgradePolicy?.value, 'osRollingUpgradeDeferral'), false);
    if (setting.value !== true || !setting.property) return [];
    const value = setting.property.value;
    return [
      {
        message:
          'osRollingUpgradeDeferral is true, so each instance waits for an approveRollingUpgrade call before its automatic OS upgrade starts.',
        details: {
          explanation: joinSentences(
            originSentence(value),
            "With deferral on, Azure announces each VM's coming OS upgrade through the instance metadata tag Platform.PendingOSUpgrade and holds that VM's upgrade until you call approveRollingUpgrade on the scale set (optionally for some instance IDs) or on the VM. The API documents no timeout, so without the call the rollout may never go on. The preview and vmss-upgrade simulate add this wait to every batch; set when the approval comes with their “approved after” input (--approved-after deferral=PT10M).",
          ),
          assumption:
            'The API documents no timeout for the deferral, so the simulator takes the approval as given at once unless you say when it comes.',
          sources: ['API2026'],
        },
        span: value.span,
        related: [aos.related, ...originRelated(model, value)],
      },
    ];
  },
});
