import type { Node } from 'jsonc-parser';
import { equalsIgnoreCase } from '../text/caseless';
import type { Span } from '../text/span';

export { equalsIgnoreCase } from '../text/caseless';

/** Small helpers over jsonc-parser's tree: case-insensitive property lookup, as ARM matches names. */

/** A property node of the lazy tree (json/lazyTree.ts), which gives its name and value without building its children. */
interface LazyPropertyShape {
  readonly keyName: string;
  readonly keyLength: number;
  readonly valueNode: Node;
}

function isLazyProperty(prop: Node): prop is Node & LazyPropertyShape {
  return (prop as Partial<LazyPropertyShape>).keyName !== undefined;
}

/** A property node's name as written (unescaped); undefined when the key is not a string. */
export function propertyName(prop: Node): string | undefined {
  if (isLazyProperty(prop)) return prop.keyName;
  const key = prop.children?.[0];
  return typeof key?.value === 'string' ? key.value : undefined;
}

/** A property node's value; undefined for a half-typed property (`"mode":` with nothing after it). */
export function propertyValueNode(prop: Node): Node | undefined {
  return isLazyProperty(prop) ? prop.valueNode : prop.children?.[1];
}

/** Where a property node's key is, quotes included. */
export function propertyKeySpan(prop: Node): Span {
  return isLazyProperty(prop) ? { offset: prop.offset, length: prop.keyLength } : spanOf(prop.children![0]!);
}

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
    const name = propertyName(prop);
    if (name === undefined) continue;
    out.push({ name, keySpan: propertyKeySpan(prop), value: propertyValueNode(prop), node: prop });
  }
  return out;
}

/** The last property with this name (case-insensitive), as ARM keeps the last of duplicates. */
export function findProperty(node: Node | undefined, name: string): NodeProperty | undefined {
  const prop = findPropertyNode(node, name);
  if (!prop) return undefined;
  return { name: propertyName(prop)!, keySpan: propertyKeySpan(prop), value: propertyValueNode(prop), node: prop };
}

/**
 * The same lookup, giving the `property` node itself (read it with propertyName, propertyValueNode and
 * propertyKeySpan). Allocates nothing: the model reads many paths per scale set and needs only a part of
 * the answer.
 */
export function findPropertyNode(node: Node | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  const children = node.children;
  if (!children) return undefined;
  let found: Node | undefined;
  for (let i = 0; i < children.length; i++) {
    const prop = children[i]!;
    const key = propertyName(prop);
    if (key !== undefined && equalsIgnoreCase(key, name)) found = prop;
  }
  return found;
}

export function propertyValue(node: Node | undefined, name: string): Node | undefined {
  const prop = findPropertyNode(node, name);
  return prop && propertyValueNode(prop);
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

/**
 * The path from the root to `node` (property names and item indexes), as jsonc-parser's `getNodePath`
 * gives it, with an item's index found by binary search on offsets (children are in text order), not by
 * `indexOf`: the paths of a template's N resources cost getNodePath N²/2 comparisons (10 ms on 6 MB).
 */
export function nodePath(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') {
      const name = propertyName(parent);
      if (name !== undefined) path.push(name);
    } else if (parent.type === 'array') {
      const index = itemIndex(parent.children ?? [], child);
      if (index >= 0) path.push(index);
    }
  }
  return path.reverse();
}

function itemIndex(items: readonly Node[], item: Node): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = items[mid]!;
    if (at === item) return mid;
    if (at.offset < item.offset) low = mid + 1;
    else high = mid - 1;
  }
  return items.indexOf(item);
}
