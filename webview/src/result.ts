/** One simulated picture: the scale set, the what-if applied to it, the input and the recorded run. */
import { simulate } from '../../server/src/core/sim/index';
import type { SimInput, SimRun } from '../../server/src/core/sim/index';
import type { PreviewScaleSet } from './protocol';
import { applyWhatIf, baseInput, describeWhatIf } from './state';
import type { WhatIf } from './state';

export interface PreviewResult {
  readonly scaleSet: PreviewScaleSet;
  readonly whatIf: WhatIf;
  readonly input: SimInput;
  readonly run: SimRun;
  /** What differs from the template, for compare mode and exports. */
  readonly label: string;
}

export function computeResult(scaleSet: PreviewScaleSet, whatIf: WhatIf): PreviewResult {
  const input = applyWhatIf(baseInput(scaleSet), whatIf);
  return { scaleSet, whatIf, input, run: simulate(input), label: describeWhatIf(whatIf) };
}
