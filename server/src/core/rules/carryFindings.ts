import type { NeutralEdit } from '../edits/neutralEdit';
import { shiftSpan } from '../model/shiftSpans';
import type { TextChange } from '../text/textChange';
import type { Finding } from './ruleTypes';

/**
 * A finding of a scale set carried over from the previous version of the text (its scale set, the load
 * balancers, clusters and parameters unchanged: model/lineage.ts), every span moved to where it now is.
 * Written field by field: a fix's values are JSON to write, not model data, so only the edits' spans move.
 */
export function shiftFinding(finding: Finding, change: TextChange): Finding {
  const moved: Finding = {
    ...finding,
    span: shiftSpan(finding.span, change),
    related: finding.related.map((r) => ({ ...r, span: shiftSpan(r.span, change) })),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => shiftEdit(e, change)) })),
  };
  return moved;
}

function shiftEdit(edit: NeutralEdit, change: TextChange): NeutralEdit {
  switch (edit.kind) {
    case 'renameProperty':
    case 'removeProperty':
      return { ...edit, keySpan: shiftSpan(edit.keySpan, change) };
    case 'replaceValue':
    case 'replaceText':
      return { ...edit, span: shiftSpan(edit.span, change) };
    case 'setProperty':
      return { ...edit, objectSpan: shiftSpan(edit.objectSpan, change) };
    case 'moveProperty':
      return { ...edit, keySpan: shiftSpan(edit.keySpan, change), targetObjectSpan: shiftSpan(edit.targetObjectSpan, change) };
    case 'insertItemAfter':
      return { ...edit, itemSpan: shiftSpan(edit.itemSpan, change) };
  }
}
