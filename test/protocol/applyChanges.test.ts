// The adapter's document sync, in process (no server spawned): a didChange's changes applied in one pass
// when VS Code's order allows (from the end of the document backwards), giving exactly what
// TextDocument.update gives by applying them one by one, and falling back to it for any other order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyContentChanges, inOnePass } from '../../server/src/lsp/applyChanges';

const text = fc
  .array(fc.constantFrom('a', 'b', ' ', '{', '"', '\n', '\r\n', '\r', '\u{1F600}', 'é'), { maxLength: 60 })
  .map((parts) => parts.join(''));

/** Changes as VS Code sends one edit's: sorted from the end of the document, each before the one ahead of it. */
function descending(doc: TextDocument, cuts: number[], texts: string[]) {
  const offsets = [...cuts].map((c) => Math.min(c, doc.getText().length)).sort((a, b) => b - a);
  const changes = [];
  for (let i = 0; i + 1 < offsets.length; i += 2)
    changes.push({
      range: { start: doc.positionAt(offsets[i + 1]!), end: doc.positionAt(offsets[i]!) },
      text: texts[i % texts.length] ?? '',
    });
  return changes;
}

test('changes from the end backwards: the same text and lines as applying them one by one', () => {
  fc.assert(
    fc.property(
      text,
      fc.array(fc.nat(80), { minLength: 8, maxLength: 30 }),
      fc.array(fc.constantFrom('', 'x', '\n', '\r\n', 'yy\rz', '"a": 1,'), { minLength: 1 }),
      (t, cuts, texts) => {
        const doc = TextDocument.create('file:///a.json', 'json', 1, t);
        const changes = descending(doc, cuts, texts);
        const expected = TextDocument.update(TextDocument.create('file:///a.json', 'json', 1, t), changes, 2);
        const actual = applyContentChanges(doc, changes, 2);
        assert.equal(actual.getText(), expected.getText());
        assert.equal(actual.lineCount, expected.lineCount);
        assert.equal(actual.version, 2);
        for (let o = 0; o <= actual.getText().length; o++) assert.deepEqual(actual.positionAt(o), expected.positionAt(o));
        // Without a CR before a change there is nothing that makes the one pass fall back.
        if (!t.includes('\r')) assert.equal(inOnePass(doc, changes), expected.getText());
      },
    ),
  );
});

test('any other order, overlapping changes and whole-text changes: as TextDocument.update', () => {
  const change = fc.record({ start: fc.nat(70), length: fc.nat(10), text: fc.constantFrom('', 'q', '\n', '\r') });
  fc.assert(
    fc.property(text, fc.array(change, { minLength: 1, maxLength: 12 }), fc.boolean(), (t, raw, whole) => {
      let doc = TextDocument.create('file:///a.json', 'json', 1, t);
      const changes = raw.map((c) => ({
        range: { start: doc.positionAt(c.start), end: doc.positionAt(c.start + c.length) },
        text: c.text,
      }));
      const all = whole ? [...changes.slice(0, 2), { text: 'whole\r\n' }, ...changes.slice(2)] : changes;
      const expected = TextDocument.update(TextDocument.create('file:///a.json', 'json', 1, t), all, 2).getText();
      doc = applyContentChanges(doc, all, 2);
      assert.equal(doc.getText(), expected);
    }),
  );
});

test('two insertions at one offset keep their order (the later one in front, as applied in turn)', () => {
  const doc = TextDocument.create('file:///a.json', 'json', 1, 'ab');
  const at = { line: 0, character: 1 };
  const changes = [
    { range: { start: at, end: at }, text: '1' },
    { range: { start: at, end: at }, text: '2' },
    { range: { start: { line: 0, character: 0 }, end: at }, text: 'A' },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '>' },
  ];
  assert.equal(applyContentChanges(doc, changes, 2).getText(), '>A21b');
  assert.equal(TextDocument.update(TextDocument.create('file:///a.json', 'json', 1, 'ab'), changes, 2).getText(), '>A21b');
});
