// nodePath against jsonc-parser's getNodePath, for every node of both trees of a text: the lazy tree and
// jsonc-parser's own (property names, item indexes, keys of properties, the root).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getNodePath, parseTree, type Node } from 'jsonc-parser';
import { parseStrictLazily } from '../../../../server/src/core/json/lazyTree';
import { nodePath } from '../../../../server/src/core/json/nodes';

function everyNode(node: Node, out: Node[] = []): Node[] {
  out.push(node);
  for (const child of node.children ?? []) everyNode(child, out);
  return out;
}

function check(text: string): number {
  let checked = 0;
  for (const root of [parseTree(text), parseStrictLazily(text)]) {
    assert.ok(root);
    for (const node of everyNode(root)) {
      assert.deepEqual(nodePath(node), getNodePath(node), `${node.type} at ${node.offset}`);
      checked++;
    }
  }
  return checked;
}

test('a long array of resources: each item by its index', () => {
  const text = JSON.stringify({ resources: Array.from({ length: 500 }, (_, i) => ({ name: `r${i}`, tags: [i, { k: [i] }] })) });
  assert.ok(check(text) > 5000);
  const root = parseStrictLazily(text)!;
  const item = root.children![0]!.children![1]!.children![321]!;
  assert.deepEqual(nodePath(item), ['resources', 321]);
});

test('any JSON value', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
      check(JSON.stringify(value, null, 1));
    }),
    { numRuns: 300 },
  );
});
