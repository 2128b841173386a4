import type { Node } from 'jsonc-parser';
import { isExpressionString } from '../expressions/evaluate';
import { equalsIgnoreCase, findPropertyNode, propertyKeySpan, propertyName, propertyValueNode, spanOf } from '../json/nodes';
import type { Span } from '../text/span';
import { unknownValue, type Resolver } from './resolver';
import { Unknown } from '../expressions/values';
import type { RProperty, RValue } from '../model/templateModel';

/**
 * A position in a resource that is either still raw JSON (resolved only when asked) or an already
 * resolved value (when an expression produced a whole object). Lets the model read deep paths such as
 * properties.virtualMachineProfile.osProfile without resolving everything on the way, and still follow
 * paths through `"properties": "[variables('props')]"`.
 */
export type Cursor = { readonly node: Node } | { readonly value: RValue };

export interface CursorProperty {
  readonly name: string;
  readonly keySpan: Span;
  readonly cursor: Cursor;
}

export function cursorSpan(cursor: Cursor): Span {
  return 'node' in cursor ? spanOf(cursor.node) : cursor.value.span;
}

export function child(cursor: Cursor | undefined, name: string, resolver: Resolver): CursorProperty | undefined {
  if (!cursor) return undefined;
  if ('node' in cursor) {
    const node = cursor.node;
    if (node.type === 'object') {
      const prop = findPropertyNode(node, name);
      if (!prop) return undefined;
      const valueNode = propertyValueNode(prop);
      const value: Cursor = valueNode
        ? { node: valueNode }
        : { value: unknownValue(spanOf(prop), new Unknown('', 'the property has no value yet')) };
      return { name: propertyName(prop)!, keySpan: propertyKeySpan(prop), cursor: value };
    }
    if (node.type === 'string' && isExpressionString(node.value as string)) return child({ value: resolver.resolve(node) }, name, resolver);
    return undefined;
  }
  const value = cursor.value;
  if (value.kind !== 'object') return undefined;
  // `name` is one of the engine's ASCII property names, for which this equals comparing lower-cased text.
  let found: RProperty | undefined;
  for (const prop of value.properties) if (equalsIgnoreCase(prop.name, name)) found = prop;
  return found ? { name: found.name, keySpan: found.keySpan, cursor: { value: found.value } } : undefined;
}

export function path(cursor: Cursor | undefined, names: readonly string[], resolver: Resolver): CursorProperty | undefined {
  let current: CursorProperty | undefined;
  let at = cursor;
  for (const name of names) {
    current = child(at, name, resolver);
    if (!current) return undefined;
    at = current.cursor;
  }
  return current;
}

export function resolveCursor(cursor: Cursor, resolver: Resolver): RValue {
  return 'node' in cursor ? resolver.resolve(cursor.node) : cursor.value;
}

/** Resolves a found property into the model's RProperty (key as written, value resolved deeply). */
export function toProperty(found: CursorProperty | undefined, resolver: Resolver): RProperty | undefined {
  return found ? { name: found.name, keySpan: found.keySpan, value: resolveCursor(found.cursor, resolver) } : undefined;
}

/** The items of an array at a cursor, as cursors (resolving the array only if an expression built it). */
export function items(cursor: Cursor | undefined, resolver: Resolver): Cursor[] {
  if (!cursor) return [];
  if ('node' in cursor) {
    if (cursor.node.type === 'array') return (cursor.node.children ?? []).map((node) => ({ node }));
    if (cursor.node.type === 'string') return items({ value: resolver.resolve(cursor.node) }, resolver);
    return [];
  }
  return cursor.value.kind === 'array' ? cursor.value.items.map((value) => ({ value })) : [];
}

/**
 * Like `path`, but when an object on the way is an expression the engine cannot evaluate, the answer is
 * that unknown (named after the last step) rather than "absent": `"networkProfile": "[variables('net')]"`
 * with an unknown variable may well hold a health probe, and rules must stay silent, not report its absence.
 */
export function pathOrUnknown(cursor: Cursor | undefined, names: readonly string[], resolver: Resolver): CursorProperty | undefined {
  let at = cursor && settle(cursor, resolver);
  let last: CursorProperty | undefined;
  for (const name of names) {
    if (!at) return undefined;
    if ('value' in at && at.value.kind === 'unknown')
      return { name: names[names.length - 1]!, keySpan: last?.keySpan ?? at.value.span, cursor: at };
    last = child(at, name, resolver);
    if (!last) return undefined;
    at = settle(last.cursor, resolver);
  }
  // The property itself may be an expression: hand it over resolved, once.
  return last && at ? { name: last.name, keySpan: last.keySpan, cursor: at } : last;
}

/**
 * A cursor on an expression string becomes a cursor on its resolved value, so that walking on from it
 * (and reading several properties under it) evaluates the expression once, not once per step.
 */
export function settle(cursor: Cursor, resolver: Resolver): Cursor {
  if ('value' in cursor || cursor.node.type !== 'string' || !isExpressionString(cursor.node.value as string)) return cursor;
  return { value: resolver.resolve(cursor.node) };
}
