import type { NeutralEdit } from '../edits/neutralEdit';
import { shiftSpan } from '../model/shiftSpans';
import type { Span } from '../text/span';
import type { TextChange } from '../text/textChange';
import type { Finding } from './ruleTypes';

/**
 * A finding of a scale set carried over from the previous version of the text (its scale set, the load
 * balancers, clusters and parameters unchanged: model/lineage.ts), every span moved to where it now is.
 * Written field by field: a fix's values are JSON to write, not model data, so only the edits' spans move.
 */
export function shiftFinding(finding: Finding, change: TextChange): Finding {
  if (change.inserted === change.removed || lastEnd(finding) <= change.offset) return finding;
  const moved: Finding = {
    ...finding,
    span: shiftSpan(finding.span, change),
    related: finding.related.map((r) => ({ ...r, span: shiftSpan(r.span, change) })),
    fixes: finding.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => shiftEdit(e, change)) })),
  };
  return moved;
}

/** Where the last of a finding's spans ends (its own, its related locations', its fixes' edits'). */
function lastEnd(finding: Finding): number {
  let end = finding.span.offset + finding.span.length;
  const reach = (span: { readonly offset: number; readonly length: number }) => (end = Math.max(end, span.offset + span.length));
  for (const r of finding.related) reach(r.span);
  for (const fix of finding.fixes) for (const e of fix.edits) for (const span of editSpans(e)) reach(span);
  return end;
}

/** The spans an edit names (an exhaustive switch: a new kind of edit must say its spans here and in shiftEdit). */
function editSpans(edit: NeutralEdit): readonly Span[] {
  switch (edit.kind) {
    case 'renameProperty':
    case 'removeProperty':
      return [edit.keySpan];
    case 'replaceValue':
    case 'replaceText':
      return [edit.span];
    case 'setProperty':
      return [edit.objectSpan];
    case 'moveProperty':
      return [edit.keySpan, edit.targetObjectSpan];
    case 'insertItemAfter':
      return [edit.itemSpan];
  }
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
