// The writer's syntax reader: jsonc-parser's parser run as a loop. It must count exactly the errors
// parseTree reports (the writer compares counts before and after a fix), find the keys and values
// parseTree finds, and read any nesting without recursion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { countErrors, MAX_NESTING, readDocument, readObject } from '../../../../server/src/core/json/jsoncSyntax';

const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');
const TEMPLATES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(join(DIR, f), 'utf8'));

function jsoncErrors(text: string, allowTrailingComma: boolean): number {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma, disallowComments: false });
  return errors.length;
}

/** Random damage of the kinds typing and merging leave: deleted, doubled and swapped characters, stray punctuation. */
const damaged = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 6 }),
        fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '/*', '//', '\n', 'x', '\u2028', '1.', '-', ', }', '\\'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, cuts]) =>
    cuts.reduce((t, [at, length, insert]) => {
      const offset = at % (t.length + 1);
      return t.slice(0, offset) + insert + t.slice(offset + length);
    }, text),
  );

test("error counts equal jsonc-parser's on real templates and on damaged ones", () => {
  for (const text of TEMPLATES) assert.equal(countErrors(text, { allowTrailingComma: false }), jsoncErrors(text, false));
  fc.assert(
    fc.property(damaged, fc.boolean(), (text, allowTrailingComma) => {
      assert.equal(countErrors(text, { allowTrailingComma }), jsoncErrors(text, allowTrailingComma));
    }),
    { numRuns: 400 },
  );
});

function walk(node: Node | undefined, visit: (node: Node) => void): void {
  const stack = node ? [node] : [];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n);
    stack.push(...(n.children ?? []));
  }
}

test('keys and values are found where parseTree puts them, with their parent objects', () => {
  fc.assert(
    fc.property(damaged, fc.nat(), (text, pick) => {
      const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
      const keys: Node[] = [];
      const values: Node[] = [];
      walk(root, (n) => {
        if (n.type === 'property' && n.children?.[0]) keys.push(n.children[0]);
        else if (n.type !== 'property' && !(n.parent?.type === 'property' && n.parent.children?.[0] === n)) values.push(n);
      });
      const someKeys = keys.filter((_, i) => (i + pick) % 7 === 0);
      const someValues = values.filter((_, i) => (i + pick) % 5 === 0);
      const syntax = readDocument(text, new Set(someKeys.map((k) => k.offset)), new Set(someValues.map((v) => v.offset)), {
        allowTrailingComma: true,
      })!;
      for (const key of someKeys) {
        const found = syntax.keys.get(key.offset);
        assert.equal(found?.length, key.length);
        const parent = key.parent!.parent!;
        // parseTree gives an unclosed object the length up to where it gave up; the reader gives none.
        if (found?.parent) assert.deepEqual(found.parent, { offset: parent.offset, length: parent.length });
      }
      for (const value of someValues) {
        const found = syntax.values.get(value.offset);
        assert.ok(found, `a value at ${value.offset}`);
        if (found.end !== undefined) assert.equal(found.end, value.offset + value.length);
      }
    }),
    { numRuns: 200 },
  );
});

test("an object's members, read on their own, are the ones parseTree finds", () => {
  let read = 0;
  for (const text of TEMPLATES) {
    walk(parseTree(text, [], { allowTrailingComma: true, disallowComments: false }), (n) => {
      if (n.type !== 'object') return;
      const object = readObject(text, { offset: n.offset, length: n.length });
      assert.ok(object, `the object at ${n.offset}`);
      assert.deepEqual(
        object.members.map((m) => [m.name, m.key.offset, m.value.offset, m.value.offset + m.value.length]),
        n.children!.map((p) => [
          p.children![0]!.value,
          p.children![0]!.offset,
          p.children![1]!.offset,
          p.children![1]!.offset + p.children![1]!.length,
        ]),
      );
      read++;
    });
  }
  assert.ok(read > 500, `objects read: ${read}`);
});

test('readObject insists on the exact span and on a sound structure; stray symbols are tolerated', () => {
  const text = '{ "a": { "b": [1, 2], "c": "x" }, "d": 3 }';
  const inner = text.indexOf('{ "b"');
  const object = readObject(text, { offset: inner, length: text.indexOf('}') + 1 - inner })!;
  assert.deepEqual(
    object.members.map((m) => [m.name, m.comma]),
    [
      ['b', text.indexOf(', "c"')],
      ['c', undefined],
    ],
  );
  assert.equal(readObject(text, { offset: inner, length: 5 }), undefined, 'not where the object ends');
  assert.equal(readObject(text, { offset: inner + 2, length: 3 }), undefined, 'not an object');
  for (const broken of ['{ "a": 1 "b": 2 }', '{ "a" 1 }', '{ "a": [1, }', '{ "a": "x\n" }', '{ "a": 1 /* }']) {
    assert.equal(readObject(broken, { offset: 0, length: broken.length }), undefined, broken);
  }
  for (const tolerated of ['{ "a": 1,\u2028 "b": 2 }', '{ "a": "tab\there" }', '{ "a": 1, }']) {
    assert.ok(readObject(tolerated, { offset: 0, length: tolerated.length }), JSON.stringify(tolerated));
  }
});

test('nesting is followed without recursion up to the limit, and given up on beyond it', () => {
  const deep = (n: number) => `{ "x": ${'['.repeat(n)}${']'.repeat(n)} }`;
  assert.equal(countErrors(deep(MAX_NESTING - 2), { allowTrailingComma: false }), 0);
  assert.ok(readObject(deep(MAX_NESTING - 2), { offset: 0, length: deep(MAX_NESTING - 2).length }));
  assert.equal(countErrors(deep(MAX_NESTING + 1), { allowTrailingComma: false }), undefined);
  assert.equal(countErrors('['.repeat(1_000_000), { allowTrailingComma: false }), undefined, 'a million open brackets');
  assert.equal(readObject(deep(MAX_NESTING + 1), { offset: 0, length: deep(MAX_NESTING + 1).length }), undefined);
});
