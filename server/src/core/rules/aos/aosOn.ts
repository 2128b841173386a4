import type { RProperty, ScaleSetModel } from '../../model/templateModel';
import { automaticOsUpgrade } from '../facts/scaleSetFacts';
import type { RelatedInformation } from '../ruleTypes';
import { perScaleSet, type FactMemo } from '../facts/memo';

/** What the automatic-OS-upgrade rules share: whether AOS is on, and where it is turned on. */
export interface AosOn {
  /** The boolean that turns it on (automaticOSUpgradePolicy.enableAutomaticOSUpgrade or legacy automaticOSUpgrade). */
  readonly property: RProperty;
  /** True when only the legacy (API 2017-03-30 … 2018-06-01) boolean turns it on. */
  readonly legacy: boolean;
  readonly related: RelatedInformation;
}

/** Defined only when automatic OS upgrade is known to be on; rules stay silent when it is off or unknown. */
function computeAosOn(scaleSet: ScaleSetModel, facts: FactMemo): AosOn | undefined {
  const setting = automaticOsUpgrade(scaleSet, facts);
  if (setting.value !== true || !setting.property) return undefined;
  const legacy = setting.property === scaleSet.legacyAutomaticOSUpgrade;
  return {
    property: setting.property,
    legacy,
    related: {
      span: setting.property.value.span,
      message: `Automatic OS upgrade is turned on here (${legacy ? 'legacy automaticOSUpgrade' : 'enableAutomaticOSUpgrade'}).`,
    },
  };
}

/** Asked by most AOS rules for every scale set: computed once per scale set. */
export const aosOn = perScaleSet(computeAosOn);
