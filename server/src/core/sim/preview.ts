/** One call from a scale-set model to a summarised run: what a CodeLens, hover or webview first needs. */
import { simInputFromScaleSet } from './fromScaleSet';
import type { MappedInput, WhatIf } from './fromScaleSet';
import { simulate } from './simulate';
import { summarizeRun } from './summary';
import type { ScaleSetModel } from '../model/types';
import type { SimRun } from './types';

export interface Preview {
  readonly mapped: MappedInput;
  readonly run: SimRun;
  /** e.g. "Completed: 5 batches of 2, 25 min, ≥ 8/10 serving" */
  readonly summary: string;
}

export function previewScaleSet(model: ScaleSetModel, whatIf: WhatIf = {}): Preview {
  const mapped = simInputFromScaleSet(model, whatIf);
  const run = simulate(mapped.input);
  return { mapped, run, summary: summarizeRun(run) };
}
