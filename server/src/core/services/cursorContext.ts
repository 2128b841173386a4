import { createScanner, getLocation, type Segment } from 'jsonc-parser';
import { boundJsonDepth } from '../json/depthGuard';
import type { ScaleSetModel } from '../model/templateModel';
import type { Span } from '../text/span';
import { bicepCursorContext } from '../bicep/features/bicepCursorContext';
import { isBicepDocument } from '../bicep/features/bicepDocument';
import { scaleSetAt, type CursorDocument } from './armDocument';

/**
 * Where the cursor is inside a scale set, read from the raw text (not the model) so that it works in
 * half-typed documents: after a quote, after a colon, with a missing comma or an unclosed brace.
 */
export interface CursorContext {
  readonly scaleSet: ScaleSetModel;
  /**
   * Path from the scale-set resource, always through `properties` (also for `az vmss show` output, which
   * has no `properties` level). For a key position, the last segment is the key being typed ("" if none).
   */
  readonly path: readonly Segment[];
  readonly isKey: boolean;
  /** The token the completion replaces: the half-typed key or value string (quotes included), if any. */
  readonly replace: Span | undefined;
  /** The literal or key under the cursor (any type), for hovers. */
  readonly token: Span | undefined;
  /** A comma is needed before an inserted property (typed after a value with no comma). */
  readonly needsCommaBefore: boolean;
  /** A comma is needed after an inserted property or value (another property follows). */
  readonly needsCommaAfter: boolean;
}

export function cursorContext(doc: CursorDocument, offset: number): CursorContext | undefined {
  if (isBicepDocument(doc)) return bicepCursorContext(doc, offset);
  const scaleSet = scaleSetAt(doc, offset);
  if (!scaleSet) return undefined;
  // Scan only the scale set's own text: a few kilobytes, however large the template.
  const start = scaleSet.span.offset;
  // Depth-bounded (same length): getLocation recurses once per nesting level.
  const local = boundJsonDepth(doc.text.slice(start, start + scaleSet.span.length + 1)).text;
  const location = getLocation(local, offset - start);
  const prev = location.previousNode;
  const inPrev = prev !== undefined && offset - start >= prev.offset && offset - start <= prev.offset + prev.length;
  let isKey = location.isAtPropertyKey;
  let path = [...location.path];
  let replace: Span | undefined;
  let needsCommaBefore = false;
  if (prev && inPrev && (prev.type === 'string' || prev.type === 'property')) {
    replace = { offset: start + prev.offset, length: prev.length };
    if (prev.type === 'property') isKey = true;
  } else if (!inPrev && !isKey && typeof path[path.length - 1] === 'string' && !/[:[,]/.test(previousSignificantChar(doc.text, offset) ?? ':')) {
    // `"x": 1 |` — after a complete value with no comma: a new key goes here.
    isKey = true;
    needsCommaBefore = true;
    path = [...path.slice(0, -1), ''];
  }
  if (isKey && replace) needsCommaBefore = !/[{,]/.test(previousSignificantChar(doc.text, replace.offset) ?? '{');
  if (scaleSet.shape === 'vmssShow') path = ['properties', ...path];
  const after = replace ? replace.offset + replace.length : offset;
  const token = prev && inPrev ? { offset: start + prev.offset, length: prev.length } : undefined;
  return { scaleSet, path, isKey, replace, token, needsCommaBefore, needsCommaAfter: nextTokenStartsProperty(doc.text, after) };
}

function previousSignificantChar(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i]!;
    if (!/\s/.test(c)) return c;
  }
  return undefined;
}

/** True when the next token after `offset` begins another property (a string followed by a colon). */
function nextTokenStartsProperty(text: string, offset: number): boolean {
  const scanner = createScanner(text.slice(offset, offset + 4096), true);
  // SyntaxKind is an ambient const enum (unusable with isolatedModules): 10 = StringLiteral, 6 = ColonToken.
  if (scanner.scan() !== 10) return false;
  return scanner.scan() === 6;
}
