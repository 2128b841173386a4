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
  if (!node || node.type !== 'object' || !node.children) return undefined;
  const lower = name.toLowerCase();
  let found: NodeProperty | undefined;
  for (const prop of node.children) {
    const key = prop.children?.[0];
    if (key && typeof key.value === 'string' && key.value.length === name.length && key.value.toLowerCase() === lower) {
      found = { name: key.value, keySpan: spanOf(key), value: prop.children?.[1], node: prop };
    }
  }
  return found;
}

export function propertyValue(node: Node | undefined, name: string): Node | undefined {
  return findProperty(node, name)?.value;
}

export function stringValue(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}
