/**
 * The shapes of the change-impact table (table.ts) and the helpers its rows are written with: a class of
 * impact, our words for the effect, Azure's error text where documented, and the source of the fact.
 */
import type { ImpactSourceKey } from './sources';

/**
 * refused: the deployment fails. newResource: a new scale set is created (the old one stays). deallocate:
 * only while the instances are stopped. reimage: existing instances see it only after a reimage.
 * model: a model change delivered per the upgrade mode. none: no effect on instances. instances:
 * instances are added or removed. platform: Azure acts later on its own (image releases, extension upgrades).
 */
export type ImpactClass = 'refused' | 'newResource' | 'deallocate' | 'reimage' | 'model' | 'none' | 'instances' | 'platform';

export const IMPACT_CLASSES: readonly ImpactClass[] = [
  'refused',
  'newResource',
  'deallocate',
  'reimage',
  'model',
  'none',
  'instances',
  'platform',
];

/** The direction of a change that a variant applies to. */
export type ChangeDirection = 'listShrinks' | 'trueToFalse' | 'falseToTrue' | 'turnedOn' | 'turnedOff' | 'beforeApi2023' | 'fromManual';

export interface ImpactFact {
  readonly class: ImpactClass;
  /** What the change does, in our words (the upgrade mode's part is added by the comparison). */
  readonly effect: string;
  /** Azure's error text, where a source documents it. */
  readonly azureError?: string;
  readonly unverified: boolean;
  readonly source: ImpactSourceKey;
}

export interface ImpactRow extends ImpactFact {
  /** Dotted path from the resource, as Azure spells it; `[]` is any array item. */
  readonly path: string;
  readonly variants?: readonly ({ readonly when: ChangeDirection } & ImpactFact)[];
  /** What differs in a Flexible scale set. */
  readonly flexible?: Partial<ImpactFact>;
}

/** Path prefixes the rows are written with. */
export const P = 'properties.';
export const VM = `${P}virtualMachineProfile.`;
export const OS = `${VM}osProfile.`;
export const DISK = `${VM}storageProfile.`;
export const NIC = `${VM}networkProfile.networkInterfaceConfigurations[].`;
export const EXT = `${VM}extensionProfile.extensions[]`;
export const REBOOT_UNKNOWN = 'Whether the instances restart for it is not documented.';

export const row = (path: string, fact: ImpactFact, more: Pick<ImpactRow, 'variants' | 'flexible'> = {}): ImpactRow => ({
  path,
  ...fact,
  ...more,
});
export const model = (effect: string, source: ImpactSourceKey, unverified = false): ImpactFact => ({
  class: 'model',
  effect,
  unverified,
  source,
});
export const none = (effect: string, source: ImpactSourceKey, unverified = false): ImpactFact => ({
  class: 'none',
  effect,
  unverified,
  source,
});
export const refused = (effect: string, source: ImpactSourceKey, unverified: boolean, azureError?: string): ImpactFact => ({
  class: 'refused',
  effect,
  unverified,
  source,
  ...(azureError === undefined ? {} : { azureError }),
});
