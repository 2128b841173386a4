import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyNeutralEdits, writeJsonEdits, applyTextEdits } from '../../../../server/src/core/rules';
import { inferFormatting } from '../../../../server/src/core/edits';
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
  const out = applyNeutralEdits(DOC, [{ kind: 'setProperty', objectSpan: { offset: objectSpan.offset, length: DOC.lastIndexOf('}', DOC.length - 2) - objectSpan.offset + 1 }, path: ['automaticOSUpgradePolicy', 'enableAutomaticOSUpgrade'], value: true }])!;
  assert.ok(out.includes('"automaticOSUpgradePolicy": {\n            "enableAutomaticOSUpgrade": true\n        }'), out);
  assert.ok(out.includes('// keep me') && out.includes('/* and me */'));
  assert.doesNotThrow(() => JSON.parse(out.replace(/\/\/.*|\/\*.*?\*\//g, '')));
});

test('setProperty replaces an existing value, matching names case-insensitively', () => {
  const rolling = DOC.indexOf('{', DOC.indexOf('"rollingUpgradePolicy"'));
  const end = DOC.indexOf('}', rolling) + 1;
  const out = applyNeutralEdits(DOC, [{ kind: 'setProperty', objectSpan: { offset: rolling, length: end - rolling }, path: ['maxSurge'], value: false }]);
  assert.equal(out, DOC.replace('"true"', 'false'));
});

test('removeProperty removes the property and its comma', () => {
  const out = applyNeutralEdits(DOC, [{ kind: 'removeProperty', keySpan: spanOf(DOC, '"rollingUpgradePolicy"') }])!;
  assert.equal(out, DOC.replace(/, (\/\* and me \*\/)\n {8}"rollingUpgradePolicy": \{\n {12}"MaxSurge": "true"\n {8}\}/, ' $1'), 'the comment stays');
  const first = applyNeutralEdits('{ "a": 1, "b": 2 }', [{ kind: 'removeProperty', keySpan: { offset: 2, length: 3 } }]);
  assert.equal(first, '{  "b": 2 }');
  const middle = '{\n  "a": 1,\n  // about b\n  "b": 2,\n  "c": 3\n}';
  assert.equal(applyNeutralEdits(middle, [{ kind: 'removeProperty', keySpan: spanOf(middle, '"b"') }]), '{\n  "a": 1,\n  // about b\n  "c": 3\n}');
  const last = '{\n  "a": 1, // one\n  "b": 2\n}';
  assert.equal(applyNeutralEdits(last, [{ kind: 'removeProperty', keySpan: spanOf(last, '"b"') }]), '{\n  "a": 1 // one\n}');
  assert.equal(applyNeutralEdits('{ "a": 1, "b": 2 }', [{ kind: 'removeProperty', keySpan: { offset: 10, length: 3 } }]), '{ "a": 1 }');
  const only = applyNeutralEdits('{ "a": 1 }', [{ kind: 'removeProperty', keySpan: { offset: 2, length: 3 } }]);
  assert.equal(only, '{}');
});

test('moveProperty keeps the moved value text, re-indented', () => {
  const text = '{\n  "outer": {\n    "x": [\n      1,\n      "[parameters(\'p\')]"\n    ]\n  },\n  "target": {}\n}';
  const target = spanOf(text, '{}');
  const out = applyNeutralEdits(text, [{ kind: 'moveProperty', keySpan: spanOf(text, '"x"'), targetObjectSpan: target, path: ['inner', 'y'] }])!;
  assert.equal(out, '{\n  "outer": {},\n  "target": {\n    "inner": {\n      "y": [\n        1,\n        "[parameters(\'p\')]"\n      ]\n    }\n  }\n}');
});

test('moving a property to an enclosing object composes both edits', () => {
  const text = '{\n  "up": {\n    "rolling": {\n      "a": 1,\n      "b": 2\n    }\n  }\n}';
  const up = text.indexOf('{', 3);
  const out = applyNeutralEdits(text, [{ kind: 'moveProperty', keySpan: spanOf(text, '"b"'), targetObjectSpan: { offset: up, length: text.lastIndexOf('}', text.length - 2) - up + 1 }, path: ['b'] }])!;
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
  assert.equal(applyNeutralEdits(DOC, [{ kind: 'setProperty', objectSpan: str, path: ['a'], value: 1 }]), undefined, 'a string is not an object');
  // The same key twice: removing it and then renaming the removed key cannot both happen.
  const key = spanOf(DOC, '"MaxSurge"');
  assert.equal(applyNeutralEdits(DOC, [{ kind: 'removeProperty', keySpan: key }, { kind: 'renameProperty', keySpan: key, newName: 'y' }]), undefined);
});

test('an insertion under a duplicated key path is refused rather than written to the wrong object', () => {
  const text = '{\n  "a": {\n    "x": 1\n  },\n  "a": {\n    "y": 2\n  }\n}';
  const objectAt = (needle: string) => {
    const start = text.lastIndexOf('{', text.indexOf(needle));
    return { offset: start, length: text.indexOf('}', start) - start + 1 };
  };
  assert.equal(applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: objectAt('"y"'), path: ['z'], value: 3 }]), undefined);
  assert.equal(applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: objectAt('"x"'), path: ['z'], value: 3 }]), '{\n  "a": {\n    "x": 1,\n    "z": 3\n  },\n  "a": {\n    "y": 2\n  }\n}');
});

test('a one-line object stays on one line', () => {
  const text = '{\n  "sku": { "name": "D2", "capacity": 2 },\n  "a": { "y": 2 }, "a": { "y": 3 }\n}';
  const sku = text.indexOf('{ "name"');
  const out = applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: { offset: sku, length: text.indexOf('}', sku) - sku + 1 }, path: ['tier', 'x'], value: [1, 'b'] }]);
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
  assert.equal(applyNeutralEdits(text, [{ kind: 'setProperty', objectSpan: { offset: 0, length: text.length }, path: ['maxSurge'], value: false }]), undefined);
  const single = '{ "MaxSurge": true }';
  assert.equal(applyNeutralEdits(single, [{ kind: 'setProperty', objectSpan: { offset: 0, length: single.length }, path: ['maxSurge'], value: false }]), '{ "MaxSurge": false }');
});
