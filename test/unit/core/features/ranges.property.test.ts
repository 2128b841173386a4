// Property test: whatever the line endings (LF, CRLF, CR or a mix) of a real template, JSON or Bicep,
// every range and position of every answer (diagnostics and their related locations, code actions
// and their edits, resolved or not, hover, completion edits, CodeLens, inlay hints, symbols, the preview's
// scale-set list) lies within a line: never past its end, never between the CR and the LF of a break.
// And an edit means on LSP positions exactly what the writer meant on offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { type TemplateDocument } from '../../../../server/src/core/languageService';
import { LineIndex } from '../../../../server/src/core/text/lineIndex';
import { decodeText } from '../../../../server/src/host/decodeText';
import { ls } from '../../../helpers/languageService';
const DIR = join(import.meta.dirname, '../../../fixtures/real-templates');
const FILES = readdirSync(DIR).filter((f) => (f.endsWith('.json') && !f.includes('.parameters.')) || f.endsWith('.bicep'));
const SOURCES = new Map(FILES.map((f) => [f, decodeText(readFileSync(join(DIR, f)))]));
const BREAKS = ['\n', '\r\n', '\r'] as const;

/** A real template with its line breaks rewritten (all one kind, or each chosen at random), and maybe a quote or backslash left at some line ends (`"a\` before a CRLF is R6: a string escaping its CR). */
const documentShapes = fc.record({
  file: fc.constantFrom(...FILES),
  style: fc.constantFrom('lf', 'crlf', 'cr', 'mixed'),
  choices: fc.array(fc.nat(2), { minLength: 97, maxLength: 97 }),
  damage: fc.array(fc.tuple(fc.nat(), fc.constantFrom('"a\\', '"a\\', '\\', '"', "'", '/*', '')), { maxLength: 2 }),
});

/** The document a shape describes (kept apart so a failure prints the shape, not a whole template). */
function documentOf({ file, style, choices, damage }: { file: string; style: string; choices: number[]; damage: [number, string][] }): {
  file: string;
  text: string;
} {
  let index = 0;
  const pick = () =>
    style === 'mixed' ? BREAKS[choices[index++ % choices.length]!]! : style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : '\r';
  let text = SOURCES.get(file)!.replace(/\r\n|\r|\n/g, () => pick());
  for (const [at, insert] of damage) {
    // Before a line break, where R6 put its backslash.
    const breaks = [...text.matchAll(/\r\n|\r|\n/g)];
    const offset = breaks.length ? breaks[at % breaks.length]!.index : text.length;
    text = text.slice(0, offset) + insert + text.slice(offset);
  }
  return { file, text };
}

/** Each line's length without its break, counted independently of the code under test. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function checker(text: string, file: string) {
  const lengths = lineLengths(text);
  const position = (p: Position, what: string) => {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lengths.length,
      `${file}: ${what} on line ${p.line} of ${lengths.length}`,
    );
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lengths[p.line]!,
      `${file}: ${what} at ${p.line}:${p.character}, past the ${lengths[p.line]} characters of its line`,
    );
  };
  const range = (r: Range, what: string) => {
    position(r.start, `${what} start`);
    position(r.end, `${what} end`);
    assert.ok(
      r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
      `${file}: ${what} ends before it starts`,
    );
  };
  return { position, range };
}

function edits(action: CodeAction): TextEdit[] {
  return Object.values(action.edit?.changes ?? {}).flat();
}

function checkActions(
  doc: TemplateDocument,
  uri: string,
  actions: readonly CodeAction[],
  check: ReturnType<typeof checker>,
  resolved: (action: CodeAction) => CodeAction,
): void {
  for (const action of actions) {
    const full = action.edit ? action : resolved(action);
    for (const d of full.diagnostics ?? []) check.range(d.range, `${action.title}: its diagnostic`);
    const list = edits(full);
    for (const edit of list) check.range(edit.range, `edit of "${action.title}"`);
    if (list.length === 0) continue;
    // Applied by a client on positions, the edits do what applying them on offsets does.
    const lsp = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, doc.text), list);
    const lines = new LineIndex(doc.text);
    const byOffset = [...list]
      .map((e) => ({ offset: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
      .sort((a, b) => b.offset - a.offset)
      .reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.end), doc.text);
    assert.equal(lsp, byOffset, `"${action.title}" means the same on positions and offsets`);
  }
}

test('every range of every answer lies within a line, whatever the line endings', () => {
  let checkedEdits = 0;
  fc.assert(
    fc.property(documentShapes, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (shape, picks) => {
      const { file, text } = documentOf(shape);
      const uri = `file:///t/${file}`;
      const doc = ls.createDocument(uri, file.endsWith('.bicep') ? 'bicep' : 'json', text);
      const check = checker(text, file);
      const findings = ls.findProblems(doc, { rules: {} });
      const diagnostics = ls.toDiagnostics(doc, findings, { uri, docsBase: 'd/' });
      for (const d of diagnostics) {
        check.range(d.range, `diagnostic ${d.code}`);
        for (const r of d.relatedInformation ?? []) check.range(r.location.range, `related location of ${d.code}`);
      }
      // Code actions at the diagnostics (a few, chosen at random) and at one random place; edits inline, or left for resolve.
      const some = diagnostics.filter((_, i) => (i + picks[0]!) % Math.max(1, Math.ceil(diagnostics.length / 4)) === 0);
      const resolve = (a: CodeAction) => ls.resolveCodeAction(doc, findings, a);
      for (const d of some) {
        const lazy = (picks[1]! + d.range.start.line) % 2 === 0;
        const actions = ls.getCodeActions(doc, findings, { uri, range: d.range, diagnostics: [d], lazyEdits: lazy });
        checkActions(doc, uri, actions, check, resolve);
        checkedEdits += actions.length;
      }
      const at = doc.lines.positionAt(picks[2]! % (text.length + 1));
      check.position(at, 'the random position itself');
      checkActions(doc, uri, ls.getCodeActions(doc, findings, { uri, range: { start: at, end: at }, diagnostics: [] }), check, resolve);
      const hover = ls.doHover(doc, at);
      if (hover?.range) check.range(hover.range, 'hover');
      for (const item of ls.doComplete(doc, at).items) {
        const edit = item.textEdit;
        if (edit && 'range' in edit) check.range(edit.range, `completion ${item.label}`);
        if (edit && 'insert' in edit) {
          check.range(edit.insert, `completion ${item.label} (insert)`);
          check.range(edit.replace, `completion ${item.label} (replace)`);
        }
        for (const extra of item.additionalTextEdits ?? []) check.range(extra.range, `completion ${item.label} (additional edit)`);
      }
      for (const lens of ls.getCodeLenses(doc, { uri, failureRate: 0.02 })) check.range(lens.range, 'CodeLens');
      for (const hint of ls.getInlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } })) {
        check.position(hint.position, `inlay hint ${JSON.stringify(hint.label)}`);
        for (const edit of hint.textEdits ?? []) check.range(edit.range, 'inlay hint edit');
      }
      const symbols = [...ls.findDocumentSymbols(doc)];
      while (symbols.length) {
        const s = symbols.pop()!;
        check.range(s.range, `symbol ${s.name}`);
        check.range(s.selectionRange, `symbol ${s.name} (selection)`);
        symbols.push(...(s.children ?? []));
      }
      for (const scaleSet of ls.describeScaleSets(doc)) {
        check.range(scaleSet.range, 'scale set');
        if (scaleSet.upgradePolicyRange) check.range(scaleSet.upgradePolicyRange, 'upgradePolicy');
      }
    }),
    { numRuns: 60 },
  );
  assert.ok(checkedEdits > 100, `code actions checked: ${checkedEdits}`);
});

test('the line index never names a place between CR and LF or past a line end, and edits keep their meaning', () => {
  const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r\n', '\r', '\\'), { maxLength: 30 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), fc.constantFrom('', 'x', '\n', '\r'), (t, a, b, newText) => {
      const lines = new LineIndex(t);
      const check = checker(t, JSON.stringify(t));
      const start = a % (t.length + 1);
      const end = start + (b % (t.length - start + 1));
      check.range(lines.rangeOf({ offset: start, length: end - start }), 'rangeOf');
      const edit = lines.textEditOf({ offset: start, length: end - start, newText });
      check.range(edit.range, 'textEditOf');
      const expected = t.slice(0, start) + newText + t.slice(end);
      assert.equal(
        TextDocument.applyEdits(TextDocument.create('u', 'json', 1, t), [edit]),
        expected,
        'the edit keeps its meaning on positions',
      );
      const position = { line: a % (lineLengths(t).length + 1), character: b % 40 };
      const offset = lines.offsetAt(position);
      assert.equal(
        offset,
        TextDocument.create('u', 'json', 1, t).offsetAt(position),
        'offsetAt clamps as vscode-languageserver-textdocument does',
      );
    }),
    { numRuns: 3000 },
  );
});
