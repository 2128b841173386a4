// The adapter's edit log, in process (no server spawned): spans of an older analysis carried through the
// edits since, which completion on large templates relies on between analyses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog } from '../../server/src/lsp/editLog';

function edited(log: EditLog, doc: TextDocument, from: number, to: number, text: string): TextDocument {
  const change = { range: { start: doc.positionAt(from), end: doc.positionAt(to) }, text };
  log.record(doc, [change], doc.version + 1);
  return TextDocument.update(doc, [change], doc.version + 1);
}

const TEXT = 'aaaa{ "x": 1 }bbbb';
const SPAN = { offset: 4, length: 10 }; // { "x": 1 }

test('edits before, inside and after a span move or stretch it', () => {
  const log = new EditLog();
  let doc = TextDocument.create('u', 'json', 1, TEXT);
  doc = edited(log, doc, 0, 0, 'ZZ'); // before
  assert.deepEqual(log.mapSpan('u', 1, SPAN), { offset: 6, length: 10 });
  doc = edited(log, doc, 14, 14, ', "y": 2'); // inside, after the 1
  assert.deepEqual(log.mapSpan('u', 1, SPAN), { offset: 6, length: 18 });
  doc = edited(log, doc, 24, 24, '!'); // right after the closing brace
  assert.deepEqual(log.mapSpan('u', 1, SPAN), { offset: 6, length: 18 });
  const mapped = log.mapSpan('u', 1, SPAN)!;
  assert.equal(doc.getText().slice(mapped.offset, mapped.offset + mapped.length), '{ "x": 1, "y": 2 }');
  assert.deepEqual(log.mapSpan('u', 3, { offset: 6, length: 18 }), { offset: 6, length: 18 }, 'only edits after the given version count');
});

test('an edit across an end, a whole-text replacement or several changes at once cannot be carried', () => {
  const log = new EditLog();
  let doc = TextDocument.create('u', 'json', 1, TEXT);
  doc = edited(log, doc, 2, 6, '');
  assert.equal(log.mapSpan('u', 1, SPAN), undefined);
  const replaced = new EditLog();
  replaced.record(doc, [{ text: 'new' }], 3);
  assert.equal(replaced.mapSpan('u', 2, SPAN), undefined);
  const multi = new EditLog();
  multi.record(
    doc,
    [
      { range: { start: doc.positionAt(0), end: doc.positionAt(0) }, text: 'a' },
      { range: { start: doc.positionAt(1), end: doc.positionAt(1) }, text: 'b' },
    ],
    3,
  );
  assert.equal(multi.mapSpan('u', 2, SPAN), undefined);
  assert.deepEqual(multi.mapSpan('u', 3, SPAN), SPAN, 'spans taken after it are fine');
});

test('allInside: every edit since a version strictly inside the span, followed as it grows', () => {
  const log = new EditLog();
  let doc = TextDocument.create('u', 'json', 1, TEXT);
  assert.equal(log.allInside('u', 1, SPAN), false, 'no edit yet');
  doc = edited(log, doc, 12, 12, ', "y": 2'); // after the 1, before the closing brace
  assert.equal(log.allInside('u', 1, SPAN), true);
  doc = edited(log, doc, 20, 20, ' '); // inside the span as it now is (it grew by 8)
  assert.equal(log.allInside('u', 1, SPAN), true);
  doc = edited(log, doc, 4, 5, '['); // the opening brace itself
  assert.equal(log.allInside('u', 1, SPAN), false);
  assert.ok(doc.getText().startsWith('aaaa['));
  assert.equal(log.allInside('u', 3, { offset: 4, length: 19 }), false, 'from version 3 on, only the brace edit counts');
  const after = new EditLog();
  let other = TextDocument.create('u', 'json', 1, TEXT);
  other = edited(after, other, 16, 16, 'c'); // after the span
  assert.equal(after.allInside('u', 1, SPAN), false);
  assert.ok(other.getText().endsWith('bbcbb'));
});
