import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../server/src/core/edits';
import { inferFormatting } from '../../../../server/src/core/edits/formatting';
import { applyNeutralEdits, writeJsonEdits } from '../../../../server/src/core/frontEnds/json/jsonWriter';
import type { Span } from '../../../../server/src/core/text/span';

/** The span of the n-th occurrence of `needle` in `text`. */
function spanOf(text: string, needle: string, nth = 0): Span {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} not found`);
  return { offset: at, length: needle.length };
}

const DOC = `{
    // keep me
    "upgradePolicy": {
        "mode": "Rolling", /* and me */
        "rollingUpgradePolicy": {
            "MaxSurge": "true"
        }
    }
}`;

test('formatting is inferred from the document', () => {
  assert.deepEqual(inferFormatting(DOC), { insertSpaces: true, tabSize: 4, eol: '\n', insertFinalNewline: false, keepLines: false });
  assert.equal(inferFormatting('{\r\n\t"a": 1\r\n}').insertSpaces, false);
  assert.equal(inferFormatting('{\r\n\t"a": 1\r\n}').eol, '\r\n');
  assert.equal(inferFormatting('{"a":1}').tabSize, 2);
});

test('rename touches only the key token', () => {
  const out = applyNeutralEdits(DOC, [{ kind: 'renameProperty', keySpan: spanOf(DOC, '"MaxSurge"'), newName: 'maxSurge' }]);
  assert.equal(out, DOC.replace('"MaxSurge"', '"maxSurge"'));
});

test('replaceValue writes JSON and keeps comments', () => {
  const out = applyNeutralEdits(DOC, [{ kind: 'replaceValue', span: spanOf(DOC, '"true"'), newValue: true }]);
  assert.equal(out, DOC.replace('"true"', 'true'));
  const obj = applyNeutralEdits(DOC, [{ kind: 'replaceValue', span: spanOf(DOC, '"Rolling"'), newValue: { a: 1 } }])!;
  assert.match(obj, /"mode": \{\n {12}"a": 1\n {8}\}, \/\* and me \*\//);
});

test('setProperty inserts with the document indentation, creating missing objects', () => {
  const objectSpan = spanOf(DOC, '{\n        "mode"');
  const out = applyNeutralEdits(DOC, [
    {
      kind: 'setProperty',
      objectSpan: { offset: objectSpan.offset, length: DOC.lastIndexOf('}', DOC.length - 2) - objectSpan.offset + 1 },
      path: ['automaticOSUpgradePolicy', 'enableAutomaticOSUpgrade'],
      value: true,
    },
  ])!;
  assert.ok(out.includes('"automaticOSUpgradePolicy": {\n            "enableAutomaticOSUpgrade": true\n        }'), out);
  assert.ok(out.includes('// keep me') && out.includes('/* and me */'));
  assert.doesNotThrow(() => JSON.parse(out.replace(/\/\/.*|\/\*.*?\*\//g, '')));
});

test('setProperty replaces an existing value, matching names case-insensitively', () => {
  const rolling = DOC.indexOf('{', DOC.indexOf('"rollingUpgradePolicy"'));
  const end = DOC.indexOf('}', rolling) + 1;
  const out = applyNeutralEdits(DOC, [
    { kind: 'setProperty', objectSpan: { offset: rolling, length: end - rolling }, path: ['maxSurge'], value: false },
  ]);
  assert.equal(out, DOC.replace('"true"', 'false'));
});

test('removeProperty removes the property and its comma', () => {
  const out = applyNeutralEdits(DOC, [{ kind: 'removeProperty', keySpan: spanOf(DOC, '"rollingUpgradePolicy"') }])!;
  assert.equal(
    out,
    DOC.replace(/, (\/\* and me \*\/)\n {8}"rollingUpgradePolicy": \{\n {12}"MaxSurge": "true"\n {8}\}/, ' $1'),
    'the comment stays',
  );
  const first = applyNeutralEdits('{ "a": 1, "b": 2 }', [{ kind: 'removeProperty', keySpan: { offset: 2, length: 3 } }]);
  assert.equal(first, '{ "b": 2 }', 'the comma and the blank after it go with the property');
  const middle = '{\n  "a": 1,\n  // about b\n  "b": 2,\n  "c": 3\n}';
  assert.equal(
    applyNeutralEdits(middle, [{ kind: 'removeProperty', keySpan: spanOf(middle, '"b"') }]),
    '{\n  "a": 1,\n  // about b\n  "c": 3\n}',
  );
  const last = '{\n  "a": 1, // one\n  "b": 2\n}';
  assert.equal(applyNeutralEdits(last, [{ kind: 'removeProperty', keySpan: spanOf(last, '"b"') }]), '{\n  "a": 1 // one\n}');
  assert.equal(applyNeutralEdits('{ "a": 1, "b": 2 }', [{ kind: 'removeProperty', keySpan: { offset: 10, length: 3 } }]), '{ "a": 1 }');
  const only = applyNeutralEdits('{ "a": 1 }', [{ kind: 'removeProperty', keySpan: { offset: 2, length: 3 } }]);
  assert.equal(only, '{}');
});

test('moveProperty keeps the moved value text, re-indented', () => {
  const text = '{\n  "outer": {\n    "x": [\n      1,\n      "[parameters(\'p\')]"\n    ]\n  },\n  "target": {}\n}';
  const target = spanOf(text, '{}');
  const out = applyNeutralEdits(text, [
    { kind: 'moveProperty', keySpan: spanOf(text, '"x"'), targetObjectSpan: target, path: ['inner', 'y'] },
  ])!;
  assert.equal(
    out,
    '{\n  "outer": {},\n  "target": {\n    "inner": {\n      "y": [\n        1,\n        "[parameters(\'p\')]"\n      ]\n    }\n  }\n}',
  );
});

test('moving a property to an enclosing object composes both edits', () => {
  const text = '{\n  "up": {\n    "rolling": {\n      "a": 1,\n      "b": 2\n    }\n  }\n}';
  const up = text.indexOf('{', 3);
  const out = applyNeutralEdits(text, [
    {
      kind: 'moveProperty',
      keySpan: spanOf(text, '"b"'),
      targetObjectSpan: { offset: up, length: text.lastIndexOf('}', text.length - 2) - up + 1 },
      path: ['b'],
    },
  ])!;
  assert.equal(out, '{\n  "up": {\n    "rolling": {\n      "a": 1\n    },\n    "b": 2\n  }\n}');
});

test('writeJsonEdits returns one minimal text edit', () => {
  const edits = writeJsonEdits(DOC, [{ kind: 'renameProperty', keySpan: spanOf(DOC, '"MaxSurge"'), newName: 'maxSurge' }])!;
  assert.equal(edits.length, 1);
  assert.equal(applyTextEdits(DOC, edits), DOC.replace('"MaxSurge"', '"maxSurge"'));
  assert.ok(edits[0]!.length <= 2, 'only the changed characters are replaced');
  assert.deepEqual(writeJsonEdits(DOC, []), []);
});

test('edits whose anchors do not match the text are refused, not guessed', () => {
  assert.equal(applyNeutralEdits(DOC, [{ kind: 'renameProperty', keySpan: { offset: 3, length: 4 }, newName: 'x' }]), undefined);
  assert.equal(applyNeutralEdits(DOC, [{ kind: 'removeProperty', keySpan: spanOf(DOC, '"Rolling"') }]), undefined, 'a value is not a key');
  const str = spanOf(DOC, '"true"');
  assert.equal(
    applyNeutralEdits(DOC, [{ kind: 'setProperty', objectSpan: str, path: ['a'], value: 1 }]),
    undefined,
    'a string is not an object',
  );
  // The same key twice: removing it and then renaming the removed key cannot both happen.
  const key = spanOf(DOC, '"MaxSurge"');
  assert.equal(
    applyNeutralEdits(DOC, [
      { kind: 'removeProperty', keySpan: key },
      { kind: 'renameProperty', keySpan: key, newName: 'y' },
    ]),
    undefined,
  );
});

test('an insertion goes into the object its span names, even when a key on its path is duplicated', () => {
  const text = '{\n  "a": {\n    "x": 1\n  },\n  "a": {\n    "y": 2\n  }\n}';
  const objectAt = (needle: string) => {
    const start = text.lastIndexOf('{', text.indexOf(needle));
    return { offset: start, length: text.indexOf('}', start) - start + 1 };
  };
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: objectAt('"y"'), path: ['z'], value: 3 }]),
    '{\n  "a": {\n    "x": 1\n  },\n  "a": {\n    "y": 2,\n    "z": 3\n  }\n}',
  );
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: objectAt('"x"'), path: ['z'], value: 3 }]),
    '{\n  "a": {\n    "x": 1,\n    "z": 3\n  },\n  "a": {\n    "y": 2\n  }\n}',
  );
});

test('a one-line object stays on one line', () => {
  const text = '{\n  "sku": { "name": "D2", "capacity": 2 },\n  "a": { "y": 2 }, "a": { "y": 3 }\n}';
  const sku = text.indexOf('{ "name"');
  const out = applyNeutralEdits(text, [
    { kind: 'setProperty', objectSpan: { offset: sku, length: text.indexOf('}', sku) - sku + 1 }, path: ['tier', 'x'], value: [1, 'b'] },
  ]);
  assert.equal(out, '{\n  "sku": { "name": "D2", "capacity": 2, "tier": { "x": [1, "b"] } },\n  "a": { "y": 2 }, "a": { "y": 3 }\n}');
  const second = text.lastIndexOf('{ "y"');
  const dup = applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: { offset: second, length: 10 }, path: ['z'], value: 3 }]);
  assert.equal(dup, text.replace('{ "y": 3 }', '{ "y": 3, "z": 3 }'), 'inline insertion needs no path, so duplicates do not matter');
});

test('replaceText edits comments', () => {
  const out = applyNeutralEdits(DOC, [{ kind: 'replaceText', span: spanOf(DOC, 'keep me'), newText: 'kept' }]);
  assert.equal(out, DOC.replace('keep me', 'kept'));
});

test('setProperty refuses a duplicated key rather than edit the copy ARM ignores', () => {
  const text = '{ "maxSurge": false, "MaxSurge": true }';
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: { offset: 0, length: text.length }, path: ['maxSurge'], value: false }]),
    undefined,
  );
  const single = '{ "MaxSurge": true }';
  assert.equal(
    applyNeutralEdits(single, [
      { kind: 'setProperty', objectSpan: { offset: 0, length: single.length }, path: ['maxSurge'], value: false },
    ]),
    '{ "MaxSurge": false }',
  );
});

test('an insertion adds its lines and a comma; siblings sharing a line and comments stay as they were', () => {
  const text = '{\n  "p": {\n    "x": [[1, [2, [3]]]], "y": {"a": 1} /* keep */\n  }\n}';
  const object = spanOf(text, '{\n    "x"');
  const edits = writeJsonEdits(text, [
    {
      kind: 'setProperty',
      objectSpan: { offset: object.offset, length: text.lastIndexOf('}', text.length - 2) - object.offset + 1 },
      path: ['z'],
      value: { b: [1] },
    },
  ])!;
  assert.deepEqual(edits, [
    { offset: text.indexOf(' /* keep */'), length: 0, newText: ',' },
    { offset: text.indexOf('  }\n}'), length: 0, newText: '    "z": {\n      "b": [\n        1\n      ]\n    }\n' },
  ]);
});

test('removing the last property leaves a comment after it on its line; a move within one object rewrites it in place', () => {
  const text = '{\n  "u": {\n    "mode": "Manual", // by hand\n    "old": true /* legacy */\n  }\n}';
  const u = { offset: text.indexOf('{\n    "mode"'), length: text.lastIndexOf('}', text.length - 2) - text.indexOf('{\n    "mode"') + 1 };
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'removeProperty', keySpan: spanOf(text, '"old"') }]),
    '{\n  "u": {\n    "mode": "Manual" // by hand\n    /* legacy */\n  }\n}',
  );
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'moveProperty', keySpan: spanOf(text, '"old"'), targetObjectSpan: u, path: ['new', 'flag'] }]),
    '{\n  "u": {\n    "mode": "Manual", // by hand\n    "new": {\n      "flag": true\n    } /* legacy */\n  }\n}',
  );
});

test('new lines take the line ending of their neighbours and the indentation of the members (CRLF, tabs, mixed)', () => {
  const text = '{\r\n\t"a": {\r\n\t\t"b": 1\n\t}\r\n}';
  const a = { offset: text.indexOf('{\r\n\t\t'), length: text.indexOf('\t}') + 2 - text.indexOf('{\r\n\t\t') };
  // The closing line follows an LF (the rest of the file is CRLF): the new lines end as that one does.
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: a, path: ['c', 'd'], value: 2 }]),
    '{\r\n\t"a": {\r\n\t\t"b": 1,\n\t\t"c": {\n\t\t\t"d": 2\n\t\t}\n\t}\r\n}',
  );
  const crlf = text.replace('1\n', '1\r\n');
  const at = { offset: a.offset, length: a.length + 1 };
  assert.equal(
    applyNeutralEdits(crlf, [{ kind: 'setProperty', objectSpan: at, path: ['c'], value: [1] }]),
    '{\r\n\t"a": {\r\n\t\t"b": 1,\r\n\t\t"c": [\r\n\t\t\t1\r\n\t\t]\r\n\t}\r\n}',
  );
});

test('broken text: a fix is written where the structure around it is sound, and refused where it is not', () => {
  const text = '{\n  "a": 1\n  "b": {\n    "c": 1\n  }\n}';
  const b = { offset: text.indexOf('{\n    "c"'), length: text.indexOf('  }') + 3 - text.indexOf('{\n    "c"') };
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: b, path: ['d'], value: 2 }]),
    '{\n  "a": 1\n  "b": {\n    "c": 1,\n    "d": 2\n  }\n}',
    'a missing comma elsewhere',
  );
  const outer = { offset: 0, length: text.length };
  assert.equal(
    applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: outer, path: ['e'], value: 3 }]),
    undefined,
    'the object itself lacks a comma',
  );
  const deep = `{\n  "x": ${'['.repeat(20_000)}\n}`;
  assert.equal(
    applyNeutralEdits(deep, [{ kind: 'setProperty', objectSpan: { offset: 0, length: deep.length }, path: ['y'], value: 1 }]),
    undefined,
    'nesting too deep to follow',
  );
});

test('a fix in a deeply nested but valid document is written without reformatting the nesting', () => {
  const nested = `${'['.repeat(3000)}${']'.repeat(3000)}`;
  const text = `{\n  "p": {\n    "x": ${nested}\n  }\n}`;
  const p = { offset: text.indexOf('{\n    "x"'), length: text.lastIndexOf('}', text.length - 2) - text.indexOf('{\n    "x"') + 1 };
  const edits = writeJsonEdits(text, [{ kind: 'setProperty', objectSpan: p, path: ['y'], value: 1 }]);
  assert.deepEqual(edits, [
    { offset: text.indexOf('\n  }\n}'), length: 0, newText: ',' },
    { offset: text.indexOf('  }\n}'), length: 0, newText: '    "y": 1\n' },
  ]);
});

test('a value a stray symbol touches is not replaced: the new value would be scanned with it as one invalid token', () => {
  // Fuzz reproducer corrupting-fix-codeAction-s20261205-d6047: `"disableAutomaticRollback":u[…]e` became `ufalsee`.
  const glued = '{"policy": {"disableAutomaticRollback":u[1]e, "b": 2}}';
  const at = glued.indexOf('[1]');
  assert.equal(applyNeutralEdits(glued, [{ kind: 'replaceValue', span: { offset: at, length: 3 }, newValue: false }]), undefined);
  const objectSpan = { offset: glued.indexOf('{"disable'), length: glued.indexOf('}') + 1 - glued.indexOf('{"disable') };
  assert.equal(
    applyNeutralEdits(glued, [{ kind: 'setProperty', objectSpan, path: ['disableAutomaticRollback'], value: false }]),
    undefined,
    'nor through setProperty',
  );
  // Separated by blanks, punctuation or a comment, it is.
  const spaced = '{"policy": {"disableAutomaticRollback": [1]/* x */, "b": 2}}';
  const start = spaced.indexOf('[1]');
  assert.equal(
    applyNeutralEdits(spaced, [{ kind: 'replaceValue', span: { offset: start, length: 3 }, newValue: false }]),
    spaced.replace('[1]', 'false'),
  );
});

test("a minified document (one line of 45 KB, ten times the window a writer's step reads): every edit of a fix all is written, each touching only its token or property", () => {
  const item = (i: number) => `{"name":"vm${i}","MaxSurge":true,"extra":${i}}`;
  const count = 1_000;
  const doc = `{"items":[${Array.from({ length: count }, (_, i) => item(i)).join(',')}]}`;
  assert.ok(doc.length > 40_000 && !/[\r\n]/.test(doc));
  const renames = Array.from({ length: count }, (_, i) => ({
    kind: 'renameProperty' as const,
    keySpan: spanOf(doc, '"MaxSurge"', i),
    newName: 'maxSurge',
  }));
  assert.equal(applyNeutralEdits(doc, renames), doc.replaceAll('"MaxSurge"', '"maxSurge"'));
  const removals = Array.from({ length: count }, (_, i) => ({ kind: 'removeProperty' as const, keySpan: spanOf(doc, '"extra"', i) }));
  assert.equal(applyNeutralEdits(doc, removals), doc.replace(/,"extra":\d+/g, ''));
  const inserts = Array.from({ length: count }, (_, i) => ({
    kind: 'setProperty' as const,
    objectSpan: spanOf(doc, item(i)),
    path: ['zone'],
    value: '1',
  }));
  const written = applyNeutralEdits(doc, inserts)!;
  assert.ok(!/[\r\n]/.test(written), 'stays one line');
  assert.deepEqual(
    (JSON.parse(written) as { items: { zone: string }[] }).items.map((x) => x.zone),
    Array.from({ length: count }, () => '1'),
  );
});
