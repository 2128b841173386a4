// Every fix the rules offer on the real templates (JSON and Bicep), as written for the editor, with the
// file as it is and with its line endings and indentation changed: it is written (not refused), adds no
// parse error, keeps every comment, clears its finding, and writes the file's own line ending and
// indentation unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBicep } from '../../../../server/src/core/bicep/parser';
import { applyTextEdits } from '../../../../server/src/core/edits';
import { countErrors } from '../../../../server/src/core/json/jsoncSyntax';
import { decodeText } from '../../../../server/src/host/decodeText';
import { ls } from '../../../helpers/languageService';
const DIRS = ['../../../fixtures/real-templates', '../../../fixtures/bicep'].map((d) => join(import.meta.dirname, d));
const FILES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => (f.endsWith('.json') && !f.includes('.parameters.')) || f.endsWith('.bicep'))
    .map((f) => join(dir, f)),
);

const VARIANTS: Record<string, (text: string) => string> = {
  'as is': (t) => t,
  CRLF: (t) => t.replace(/\r\n|\r|\n/g, '\r\n'),
  CR: (t) => t.replace(/\r\n|\r|\n/g, '\r'),
  tabs: (t) => t.replace(/^(?: {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
};

function errors(text: string, bicep: boolean): number {
  return bicep ? parseBicep(text).problems.length : countErrors(text, { allowTrailingComma: true })!;
}

test('every fix on the real templates, with LF, CRLF, CR or tabs, is written cleanly and clears its finding', () => {
  let applied = 0;
  for (const path of FILES) {
    const bicep = path.endsWith('.bicep');
    for (const [variant, change] of Object.entries(VARIANTS)) {
      const text = change(decodeText(readFileSync(path)));
      const where = `${path.split('/').pop()} (${variant})`;
      const uri = `file:///t/${path.split('/').pop()}`;
      const doc = ls.createDocument(uri, bicep ? 'bicep' : 'json', text);
      const comments = text.match(/\/\/[^\r\n]*|\/\*[\s\S]*?\*\//g) ?? [];
      const before = errors(text, bicep);
      for (const finding of ls.findProblems(doc, { rules: {} })) {
        for (const fix of finding.fixes) {
          const edits = ls.writeEdits(doc, fix.edits);
          assert.ok(edits, `${where}: "${fix.title}" refused`);
          const fixed = applyTextEdits(text, edits);
          assert.ok(errors(fixed, bicep) <= before, `${where}: "${fix.title}" adds parse errors`);
          for (const comment of comments) assert.ok(fixed.includes(comment), `${where}: "${fix.title}" loses ${comment}`);
          const still = ls
            .findProblems(ls.createDocument(uri, bicep ? 'bicep' : 'json', fixed), { rules: {} })
            .filter((f) => f.ruleId === finding.ruleId && f.message === finding.message);
          assert.deepEqual(still, [], `${where}: ${finding.ruleId} remains after "${fix.title}"`);
          const written = edits.map((e) => e.newText).join('');
          if (variant === 'CRLF')
            assert.ok(!/[^\r]\n|\r(?!\n)|^\n/.test(written), `${where}: "${fix.title}" writes a line ending other than CRLF`);
          if (variant === 'CR') assert.ok(!written.includes('\n'), `${where}: "${fix.title}" writes an LF`);
          if (variant === 'tabs') assert.ok(!/(\r\n|\r|\n) /.test(written), `${where}: "${fix.title}" indents with spaces`);
          applied++;
        }
      }
    }
  }
  assert.ok(applied > 100, `fixes applied: ${applied}`);
});
