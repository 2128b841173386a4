import { createScanner, getLocation } from 'jsonc-parser';
import { boundJsonDepth } from '../../json/depthGuard';
import type { CursorContext, CursorDocument, PathSegment } from '../../languageTypes';
import { scaleSetAt } from '../../model/scaleSetAt';
import type { Span } from '../../text/span';

/**
 * The JSON front end's cursor context (languageTypes.ts: CursorContext), read with jsonc-parser's
 * getLocation on the scale set's own text, so a half-typed document works.
 */
export function jsonCursorContext(doc: CursorDocument, offset: number): CursorContext | undefined {
  const scaleSet = scaleSetAt(doc.model.scaleSets, offset);
  if (!scaleSet) return undefined;
  // Scan only the scale set's own text: a few kilobytes, however large the template.
  const start = scaleSet.span.offset;
  // Depth-bounded (same length): getLocation recurses once per nesting level.
  const local = boundJsonDepth(doc.text.slice(start, start + scaleSet.span.length + 1)).text;
  const location = getLocation(local, offset - start);
  const prev = location.previousNode;
  const inPrev = prev !== undefined && offset - start >= prev.offset && offset - start <= prev.offset + prev.length;
  let isKey = location.isAtPropertyKey;
  let path: PathSegment[] = [...location.path];
  let replace: Span | undefined;
  let needsCommaBefore = false;
  if (prev && inPrev && (prev.type === 'string' || prev.type === 'property')) {
    replace = { offset: start + prev.offset, length: prev.length };
    if (prev.type === 'property') isKey = true;
  } else if (
    !inPrev &&
    !isKey &&
    typeof path[path.length - 1] === 'string' &&
    !/[:[,]/.test(previousSignificantChar(doc.text, offset) ?? ':')
  ) {
    // `"x": 1 |` — after a complete value with no comma: a new key goes here.
    isKey = true;
    needsCommaBefore = true;
    path = [...path.slice(0, -1), ''];
  }
  if (isKey && replace) needsCommaBefore = !/[{,]/.test(previousSignificantChar(doc.text, replace.offset) ?? '{');
  if (scaleSet.shape === 'vmssShow') path = ['properties', ...path];
  const after = replace ? replace.offset + replace.length : offset;
  const token = prev && inPrev ? { offset: start + prev.offset, length: prev.length } : undefined;
  return {
    scaleSet,
    path,
    isKey,
    replace,
    token,
    needsCommaBefore,
    needsCommaAfter: nextTokenStartsProperty(doc.text, after),
    syntax: local,
  };
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
