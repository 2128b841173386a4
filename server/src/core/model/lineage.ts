import type { TextChange } from '../text/textChange';
import type { TemplateModel } from './templateModel';

/** How a model was made from the one before it; the rules use it to carry findings over too (rules/runner.ts). */
export interface Lineage {
  /** The model of the version this one was analysed from. */
  readonly from: TemplateModel;
  readonly change: TextChange;
  /** For each scale set of the new model, the index of the one it was carried over from, or -1 when it was read again. */
  readonly origins: readonly number[];
  /** No load balancer or Service Fabric cluster is in the changed resource, before or after: the rules' other inputs are unchanged. */
  readonly neighboursUnchanged: boolean;
}
