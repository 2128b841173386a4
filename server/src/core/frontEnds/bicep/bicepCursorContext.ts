import type { CursorContext, CursorDocument, PathSegment as Segment } from '../../languageTypes';
import { scaleSetAt } from '../../model/scaleSetAt';
import type { Span } from '../../text/span';
import { parseBicep } from '../../bicep/parser';
import type { BicepFile, Expr, ObjectExpr } from '../../bicep/syntax';
import { SyntaxIndex } from '../../bicep/syntaxIndex';

/**
 * Where the cursor is inside a scale set in Bicep, from the tolerant syntax tree: the path of keys from
 * the resource body (through `properties`), whether a key or a value is being typed, and its token.
 * Bicep separates items with newlines, so no commas are ever needed.
 */
export function bicepCursorContext(doc: CursorDocument, offset: number): CursorContext | undefined {
  const scaleSet = scaleSetAt(doc.model.scaleSets, offset);
  if (!scaleSet) return undefined;
  const body = new SyntaxIndex((doc.syntax as BicepFile | undefined) ?? parseBicep(doc.text)).exprAt(scaleSet.span);
  if (body?.kind !== 'object') return undefined;
  const found = locate(body, offset, [], doc.text);
  if (!found) return undefined;
  return {
    scaleSet,
    path: found.path,
    isKey: found.isKey,
    replace: found.replace,
    token: found.replace,
    needsCommaBefore: false,
    needsCommaAfter: false,
  };
}

interface Located {
  readonly path: Segment[];
  readonly isKey: boolean;
  readonly replace: Span | undefined;
}

const inside = (span: Span, offset: number) => offset >= span.offset && offset <= span.offset + span.length;
const strictlyInside = (span: Span, offset: number) => offset > span.offset && offset < span.offset + span.length;

function locate(object: ObjectExpr, offset: number, path: Segment[], text: string): Located | undefined {
  for (let depth = 0; depth < 64; depth++) {
    const property = object.properties.find((p) => inside(p.keySpan, offset) || inValue(p.value, p.keySpan, offset, text));
    if (!property) return { path: [...path, ''], isKey: true, replace: undefined };
    if (inside(property.keySpan, offset)) return { path: [...path, property.key], isKey: true, replace: property.keySpan };
    const value = property.value;
    const here = [...path, property.key];
    if (value.kind === 'object' && strictlyInside(value.span, offset)) {
      object = value;
      path = here;
      continue;
    }
    if (value.kind === 'array' && strictlyInside(value.span, offset)) return inArray(value.items, offset, here, text);
    return { path: here, isKey: false, replace: isToken(value) ? value.span : undefined };
  }
  return undefined;
}

function inArray(items: readonly Expr[], offset: number, path: Segment[], text: string): Located | undefined {
  const index = items.findIndex((item) => inside(item.span, offset));
  const item = index === -1 ? undefined : items[index]!;
  if (item?.kind === 'object' && strictlyInside(item.span, offset)) return locate(item, offset, [...path, index], text);
  return { path: [...path, index === -1 ? items.length : index], isKey: false, replace: item && isToken(item) ? item.span : undefined };
}

/** The offset lies in the value: within its text, or after the colon of a value not yet written on that line. */
function inValue(value: Expr, keySpan: Span, offset: number, text: string): boolean {
  if (inside(value.span, offset) && offset > keySpan.offset + keySpan.length) return true;
  if (value.kind !== 'missing' || offset < keySpan.offset + keySpan.length) return false;
  const between = text.slice(keySpan.offset + keySpan.length, offset);
  return between.includes(':') && !/[\r\n]/.test(between);
}

function isToken(expr: Expr): boolean {
  return expr.kind === 'string' || expr.kind === 'number' || expr.kind === 'boolean' || expr.kind === 'null' || expr.kind === 'identifier';
}
