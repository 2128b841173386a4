/**
 * The image an OS upgrade goes to: whether the template pins a version (then the manual osRollingUpgrade
 * call is refused, azure-upgrade-policy.md §3.3 #16), and the version the osUpgradeHistory entry names.
 */
import type { Fleet } from './fleet';
import type { SimInput } from './simData';

/**
 * The version an OS upgrade goes to when the what-if does not say: visibly made up (no template says which
 * image version the publisher releases next), and named in the run's notes.
 */
export const DEFAULT_TARGET_VERSION = '9999.0.0';

/** The template pins an image version: `version` other than latest, or a gallery image id ending in /versions/{v}. */
export function imageVersionPinned(ref: Readonly<Record<string, string>> | undefined): boolean {
  if (!ref) return false;
  const field = (name: string) => Object.entries(ref).find(([k]) => k.toLowerCase() === name)?.[1];
  const version = field('version')?.trim();
  if (version !== undefined && version !== '' && version.toLowerCase() !== 'latest') return true;
  return /\/versions\/[^/]+\/?$/i.test(field('id') ?? '');
}

/**
 * The manual OS upgrade (POST …/osRollingUpgrade) is refused with OperationNotAllowed "unless the Virtual
 * Machine Scale Set has some unprotected instances which have imageReference.version set to latest".
 */
export function osRollingUpgradeRefused(input: SimInput, fleet: Fleet): boolean {
  if (input.trigger !== 'manual-os') return false;
  if (imageVersionPinned(input.targetImageReference)) return true;
  for (let i = 0; i < fleet.size; i++)
    if (!fleet.excluded[i] || fleet.excludedReason[i] !== 'protected from scale-set actions') return false;
  return fleet.size > 0;
}

/** Why a what-if target version is not one, or undefined: letters, digits, dots, dashes, underscores, 1–64 characters. */
export function targetVersionProblem(text: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(text) ? undefined : 'the target image version must be a version such as 1.2.3';
}

/** The version the history entry names: the what-if's, else the made-up default. */
export function targetVersionOf(input: SimInput): string {
  const v = input.targetVersion?.trim();
  return v !== undefined && v !== '' ? v : DEFAULT_TARGET_VERSION;
}

/** The note a run of an OS upgrade carries when the target version is the made-up default. */
export function targetVersionNote(input: SimInput): string | undefined {
  if (input.trigger === 'model' || (input.targetVersion?.trim() ?? '') !== '') return undefined;
  return `The target image version ${DEFAULT_TARGET_VERSION} is made up (no template says which version comes next); set it with the target version what-if (CLI --target-version).`;
}
