// A large template edited in every scale set in turn: each version's model is made from the one before
// (arm/reuseAnalysis.ts), so what it keeps of older versions must not keep their whole texts alive. A name
// sliced out of an old text did (V8 sliced strings; text/ownCopy.ts): each scale set kept the text of the
// version it was last read from, 30 copies of a 4 MB text here. (The first version is read without copies:
// it alone may stay alive, through the values still carried from it.) Under a heap limit a few times the
// document's size the server must get through the edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fleet } from '../helpers/fleetTemplate';
import { LspClient } from '../helpers/lspClient';

async function editEveryScaleSet(text: string, rounds: number): Promise<void> {
  const uri = 'file:///tmp/vmss-lsp-memory/fleet.json';
  // 96 MB of heap: the document (4 MB) and its analysis fit several times over; 30 old texts (120 MB) do not.
  const client = new LspClient({ pull: true, nodeOptions: ['--max-old-space-size=96'] });
  try {
    await client.initialize();
    await client.open(uri, text);
    await client.pullDiagnostics(uri);
    // The last digit of each scale set's maxUnhealthyInstancePercent (40 ↔ 41): same length, so offsets hold.
    const needle = '"maxUnhealthyInstancePercent": 4';
    const digits: number[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) digits.push(at + needle.length);
    assert.ok(digits.length >= 30, 'a digit in every copied scale set');
    let version = 1;
    for (let round = 0; round < rounds; round++) {
      for (const at of digits) {
        const digit = text[at] === '0' ? '1' : '0';
        const before = text.slice(0, at);
        const start = { line: before.split('\n').length - 1, character: at - before.lastIndexOf('\n') - 1 };
        text = text.slice(0, at) + digit + text.slice(at + 1);
        await client.change(uri, ++version, { start, end: { line: start.line, character: start.character + 1 } }, digit);
        await client.pullDiagnostics(uri);
      }
    }
    const last = await client.pullDiagnostics(uri);
    assert.ok(Array.isArray(last.items), 'the server still answers');
    assert.equal(await client.shutdown(), 0, client.stderr.slice(-2000));
  } finally {
    client.kill();
  }
}

test('editing every scale set of a large template in turn does not keep old versions of the text alive', async () => {
  await editEveryScaleSet(fleet(4_000_000), 2);
});

test('nor does it in a template only the tolerant parser reads (a trailing comma), whose strings are slices of its text', async () => {
  // jsonc-parser's strings point into the version they were read from: a model carried over from its tree
  // would keep each version alive, so none is (arm/analyzeTemplate.ts), and every edit is analysed in full.
  const text = fleet(4_000_000);
  const last = text.lastIndexOf('}');
  await editEveryScaleSet(`${text.slice(0, last).trimEnd()},\n}\n`, 1);
});
