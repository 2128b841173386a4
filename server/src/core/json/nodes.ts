import type { Node } from 'jsonc-parser';
import type { Span } from '../text/span';

/** Small helpers over jsonc-parser's tree: case-insensitive property lookup, as ARM matches names. */

export function spanOf(node: Node): Span {
  return { offset: node.offset, length: node.length };
}

export interface NodeProperty {
  readonly name: string;
  readonly keySpan: Span;
  /** The value node; undefined for a half-typed property (`"mode":` with nothing after it). */
  readonly value: Node | undefined;
  readonly node: Node;
}

/** Every property of an object node, in order, duplicates included. */
export function nodeProperties(node: Node | undefined): NodeProperty[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: NodeProperty[] = [];
  for (const prop of node.children) {
    const key = prop.children?.[0];
    if (!key || typeof key.value !== 'string') continue;
    out.push({ name: key.value, keySpan: spanOf(key), value: prop.children?.[1], node: prop });
  }
  return out;
}

/** The last property with this name (case-insensitive), as ARM keeps the last of duplicates. */
export function findProperty(node: Node | undefined, name: string): NodeProperty | undefined {
  const prop = findPropertyNode(node, name);
  if (!prop) return undefined;
  const key = prop.children![0]!;
  return { name: key.value as string, keySpan: spanOf(key), value: prop.children![1], node: prop };
}

/**
 * The same lookup, giving the `property` node itself (its children are the key and, if typed, the
 * value). Allocates nothing: the model reads many paths per scale set and needs only a part of the answer.
 */
export function findPropertyNode(node: Node | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  const children = node.children;
  if (!children) return undefined;
  let found: Node | undefined;
  for (let i = 0; i < children.length; i++) {
    const prop = children[i]!;
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && equalsIgnoreCase(key.value, name)) found = prop;
  }
  return found;
}

export function propertyValue(node: Node | undefined, name: string): Node | undefined {
  return findPropertyNode(node, name)?.children![1];
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/** ASCII case-insensitive equality without allocating (property names are ASCII in practice). */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x !== y || x > 127) return a.toLowerCase() === b.toLowerCase();
  }
  return true;
}
