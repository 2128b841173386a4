import { CliError } from './io';
import { asString } from '../core/model/values';
import type { ScaleSetModel } from '../core/model/templateModel';

/** The scale set a command works on: the only one, or the one --scale-set names (display name or resolved name). */
export function pickScaleSet(sets: readonly ScaleSetModel[], wanted: string | undefined, file: string): ScaleSetModel {
  if (sets.length === 0) throw new CliError(`no virtual machine scale set found in ${file}`);
  const names = sets.map((s) => s.displayName);
  if (wanted === undefined) {
    if (sets.length === 1) return sets[0]!;
    throw new CliError(`${file} has ${sets.length} scale sets; choose one with --scale-set (${names.join(', ')})`);
  }
  const lower = wanted.toLowerCase();
  const found = sets.find((s) => s.displayName.toLowerCase() === lower || asString(s.name)?.toLowerCase() === lower);
  if (!found) throw new CliError(`no scale set named '${wanted}' in ${file} (found: ${names.join(', ')})`);
  return found;
}
