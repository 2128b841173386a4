// No text reaches jsonc-parser's recursive helpers nested deeper than the bound, whatever it holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { getLocation, parseTree, type Node } from 'jsonc-parser';
import { boundJsonDepth, MAX_JSON_DEPTH } from '../../../../server/src/core/json/depthGuard';
import { parseJson } from '../../../../server/src/core/json/parseJson';

/** Containers on the deepest path of a jsonc-parser tree (walked iteratively: the tree may be deep). */
function treeDepth(root: Node | undefined): number {
  let max = 0;
  const stack: [Node, number][] = root ? [[root, root.type === 'object' || root.type === 'array' ? 1 : 0]] : [];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (const child of node.children ?? []) stack.push([child, depth + (child.type === 'object' || child.type === 'array' ? 1 : 0)]);
  }
  return max;
}

const lineBreaks = (text: string) => [...text].map((c, i) => (c === '\n' || c === '\r' ? i : -1)).filter((i) => i >= 0);

test('any text, broken or not: the bounded text keeps its length and line breaks, and parses no deeper than the bound', () => {
  const unit = fc.constantFrom('{', '}', '[', ']', '"', '\\', '/', '*', '\n', '\r', ' ', ':', ',', 'a', '1', '-', '{"a":', '["]",');
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 120 }), fc.integer({ min: 1, max: 6 }), (text, maxDepth) => {
      const bounded = boundJsonDepth(text, maxDepth);
      assert.equal(bounded.text.length, text.length);
      assert.deepEqual(lineBreaks(bounded.text), lineBreaks(text));
      assert.ok(treeDepth(parseTree(bounded.text, [], { allowTrailingComma: true })) <= maxDepth, JSON.stringify(bounded.text));
      if (bounded.tooDeep === undefined) assert.equal(bounded.text, text);
      else assert.ok('{['.includes(text[bounded.tooDeep.offset]!));
    }),
    { numRuns: 3000 },
  );
});

test('valid JSON no deeper than the bound is left alone, brackets inside strings and comments included', () => {
  const value = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', '\\', '/', '*', 'x') }),
      fc.integer(),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', '[', '}'), tie('v'), { maxKeys: 3 }),
    ),
  })).v;
  fc.assert(
    fc.property(value, (v) => {
      const text = `/* [[[ */ ${JSON.stringify(v, null, 1)} // ]]]`;
      const depth = treeDepth(parseTree(text));
      const bounded = boundJsonDepth(text, Math.max(1, depth));
      assert.equal(bounded.text, text);
      assert.equal(bounded.tooDeep, undefined);
    }),
    { numRuns: 500 },
  );
});

test('50,000 and 200,000 levels: parseJson reports the depth once and keeps the rest of the template', () => {
  for (const depth of [50_000, 200_000]) {
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
      ['[', ''],
    ]) {
      const text = `{ "resources": [ { "type": "Microsoft.Compute/virtualMachineScaleSets", "name": "v", "deep": ${open.repeat(depth)}${close.repeat(depth) || ''}, "sku": { "capacity": 3 } } ] }`;
      const parsed = parseJson(text);
      const tooDeep = parsed.errors.filter((e) => /^Nested more than 256 levels deep/.test(e.message));
      assert.equal(tooDeep.length, 1, `${depth} ${open}`);
      assert.equal(text[tooDeep[0]!.span.offset], open[0]);
      assert.ok(treeDepth(parsed.root) <= MAX_JSON_DEPTH);
      const bounded = boundJsonDepth(text).text;
      assert.doesNotThrow(() => getLocation(bounded, text.indexOf('"deep"') + depth));
      if (close) assert.ok(parsed.root?.children?.length, 'the template around the deep value still parses');
    }
  }
});

test('a real template is returned as it is, without a copy', () => {
  const text = '{ "a": [ { "b": "[[[[[[" } ] }';
  assert.equal(boundJsonDepth(text).text, text);
  assert.equal(boundJsonDepth('['.repeat(300) + ']'.repeat(300)).tooDeep?.offset, 256);
});
