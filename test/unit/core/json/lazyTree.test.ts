import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findNodeAtOffset, getNodePath, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseStrictLazily } from '../../../../server/src/core/json/lazyTree';
import { parseJson } from '../../../../server/src/core/json/parseJson';

const REAL = join(import.meta.dirname, '../../../fixtures/real-templates');

/** The whole tree as plain data, children read (which builds every lazy node), parent links checked. */
function plain(node: Node, parent: Node | undefined): unknown {
  assert.equal(node.parent, parent, `parent link of the ${node.type} at ${node.offset}`);
  return {
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.value,
    colonOffset: node.colonOffset,
    children: node.children?.map((child) => plain(child, node)),
  };
}

function assertSameTree(text: string): void {
  const errors: ParseError[] = [];
  const expected = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const actual = parseStrictLazily(text);
  assert.ok(expected && actual, 'both parse');
  assert.deepEqual(errors, [], 'jsonc-parser reports nothing either');
  assert.deepEqual(plain(actual, undefined), plain(expected, undefined));
}

/** JSON text of a value with random (valid) whitespace between tokens. */
function formatted(value: unknown, space: string, gaps: readonly string[]): string {
  let k = 0;
  const gap = () => gaps[k++ % gaps.length]!;
  const write = (v: unknown): string => {
    if (Array.isArray(v)) return `[${gap()}${v.map((x) => write(x)).join(`${gap()},${gap()}`)}${gap()}]`;
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).map(([key, x]) => `${JSON.stringify(key)}${gap()}:${gap()}${write(x)}`);
      return `{${gap()}${entries.join(`,${gap()}`)}${gap()}}`;
    }
    return JSON.stringify(v);
  };
  return space ? JSON.stringify(value, null, space) : write(value);
}

describe('lazy strict-JSON tree', () => {
  it('is node for node the tree jsonc-parser builds, for any JSON and any whitespace and comments', () => {
    const whitespace = fc.array(
      fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n    ', '/* c */', ' // } c\n', '//c\r\n', '/**/', '\n/* "x": [ */ '),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom('', '  ', '\t'), whitespace, (value, space, gaps) => {
        assertSameTree(formatted(value, space, gaps));
      }),
      { numRuns: 300 },
    );
  });

  it('reads escapes in keys and strings, numbers in every form, and literals at the root', () => {
    for (const text of [
      '{"a\\"b": "x\\\\", "c\\\\": "\\"", "\\u00e9t\\u00e9": "line\\nbreak\\t\\/"}',
      '[-0, 1e3, -2.5E-7, 12345678901234567890, 0.1]',
      "\"[concat('a', '\\\"}]')]\"",
      '  42  ',
      'null',
      '{"nested": {"deeper": [{"x": [[], {}]}], "after": true}, "last": false}',
      '{"dup": 1, "DUP": 2, "dup": 3}',
    ])
      assertSameTree(text);
  });

  it('is the tree of every real JSON template that is strict JSON (comments allowed)', () => {
    let strict = 0;
    for (const file of readdirSync(REAL).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(REAL, file), 'utf8').replace(/^\uFEFF/, ' ');
      if (!parseStrictLazily(text)) continue;
      strict++;
      assertSameTree(text);
    }
    assert.ok(strict >= 10, `real templates read on the fast path: ${strict}`);
    // The one with comments (sf-win-managed-identity.json) is among them.
    assert.ok(parseStrictLazily(readFileSync(join(REAL, 'sf-win-managed-identity.json'), 'utf8')));
  });

  it('reads comments wherever whitespace may be, right after a number or a word too', () => {
    for (const text of [
      '{"a": 1 // note\n}',
      '/* c */ {}',
      '{"a"/*k*/:/*v*/1/*n*/,"b":true//t\r,"c":null}',
      '[1/**/,2// }\n, "x" /* ] */]',
      '// only a comment before\n[]',
      '{} // and after, to the end',
    ])
      assertSameTree(text);
  });

  it('declines what is not strict JSON, so the tolerant parser reports it', () => {
    for (const text of [
      '',
      '   ',
      '{"a": 1,}',
      '{"a": 1 /* open }',
      '[1, 2 /',
      '{"a": ',
      '{"a": 1}}',
      '[1 2]',
      "{'a': 1}",
      '[1,/**/]',
      'tr/**/ue',
    ]) {
      assert.equal(parseStrictLazily(text), undefined, text);
    }
    const broken = parseJson('{"a": 1,,}');
    assert.ok(broken.errors.length > 0);
  });

  it('declines very deep nesting, which keeps its clear error on the slow path', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.equal(parseStrictLazily(deep), undefined);
    const parsed = parseJson(deep);
    assert.match(parsed.errors[0]?.message ?? '', /^Nested more than 256 levels deep/);
    const fine = '['.repeat(200) + ']'.repeat(200);
    assertSameTree(fine);
  });

  it('works with jsonc-parser navigation: node at offset and path of a lazily built node', () => {
    const text = '{\n  "resources": [\n    { "type": "x", "properties": { "upgradePolicy": { "mode": "Rolling" } } }\n  ]\n}';
    const root = parseStrictLazily(text)!;
    const offset = text.indexOf('Rolling');
    const node = findNodeAtOffset(root, offset)!;
    assert.equal(node.value, 'Rolling');
    assert.deepEqual(getNodePath(node), ['resources', 0, 'properties', 'upgradePolicy', 'mode']);
  });

  it('keeps a byte-order mark from moving offsets (parseJson turns it into a space)', () => {
    const parsed = parseJson('\uFEFF{"a": 1}');
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.root?.offset, 1);
    assert.equal(parsed.root?.children?.[0]?.offset, 2);
  });
});
