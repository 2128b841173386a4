import { DOCS } from './sources';

/** Orchestration modes (reference §2, S11): fixed at creation; Flexible needs API 2021-03-01 or newer. */
export const ORCHESTRATION_MODES = {
  values: ['Uniform', 'Flexible'],
  since: '2020-12-01',
  flexibleMinimumApiVersion: '2021-03-01',
  docs: DOCS.orchestrationModes,
} as const;

/** Guest patch modes (reference §2). */
export const PATCH_MODES = {
  windows: {
    values: ['Manual', 'AutomaticByOS', 'AutomaticByPlatform'],
    since: '2020-06-01',
    /** What the spec says each mode requires of windowsConfiguration.enableAutomaticUpdates. */
    requiresEnableAutomaticUpdates: { Manual: false, AutomaticByOS: true, AutomaticByPlatform: true },
  },
  linux: {
    values: ['ImageDefault', 'AutomaticByPlatform'],
    since: '2020-12-01',
  },
  /** Automatic OS image upgrades must not be combined with this patch mode (S4). */
  incompatibleWithAutomaticOsUpgrade: 'AutomaticByPlatform',
} as const;

/** windowsConfiguration.enableAutomaticUpdates defaults to true; from this API version it must be false with AOS (S4). */
export const WINDOWS_AUTOMATIC_UPDATES = {
  default: true,
  mustBeFalseWithAosSince: '2019-03-01',
} as const;
