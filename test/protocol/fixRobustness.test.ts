// The quick-fix and range reproducers of issue 17 (test/fixtures/robustness/, copied byte for byte),
// through the built server over stdio: every request answers within a second and the server's peak
// RSS stays under 300 MB; the fixes change only what they must and remove their finding; no range ends
// past its line or between CR and LF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { LspClient, ROOT } from '../helpers/lspClient';

const DIR = join(ROOT, 'test/fixtures/robustness');
const ANSWER_WITHIN_MS = 1000;
const RSS_LIMIT_MB = 300;

function fixture(name: string): string {
  return readFileSync(join(DIR, name), 'utf8');
}

/** The request's answer, or a failure naming it when none comes within the budget. */
async function within<T>(what: string, request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ANSWER_WITHIN_MS} ms`)), ANSWER_WITHIN_MS);
  });
  try {
    return await Promise.race([request, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The server process's peak resident memory so far (VmHWM), in MB. */
function peakRssMb(client: LspClient): number {
  const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status);
  assert.ok(kb, 'VmHWM in /proc/<pid>/status');
  return Number(kb[1]) / 1024;
}

/** Opens `text` in a fresh server, runs `body`, then checks the memory and that the server shuts down cleanly. */
async function withServer(name: string, text: string, body: (client: LspClient, uri: string) => Promise<void>): Promise<void> {
  const client = new LspClient({ pull: true });
  const uri = `file:///tmp/vmss-robustness/${name}`;
  try {
    await client.initialize();
    await client.open(uri, text);
    await body(client, uri);
    const rss = peakRssMb(client);
    assert.ok(rss < RSS_LIMIT_MB, `${name}: the server peaked at ${rss.toFixed(0)} MB`);
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.kill();
  }
}

async function diagnostics(client: LspClient, uri: string): Promise<Diagnostic[]> {
  return (await within('textDocument/diagnostic', client.pullDiagnostics(uri))).items as Diagnostic[];
}

function codeActions(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return within(
    'textDocument/codeAction',
    client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    }),
  );
}

function edits(action: CodeAction | undefined): TextEdit[] {
  return Object.values(action?.edit?.changes ?? {}).flat();
}

/** Each range within a line: line lengths counted here, without the server's line index. */
function assertWithinLines(text: string, ranges: readonly Range[], what: string): void {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  for (const range of ranges) {
    for (const p of [range.start, range.end]) {
      assert.ok(
        p.line < lengths.length && p.character <= lengths[p.line]!,
        `${what}: ${p.line}:${p.character} is past the ${lengths[p.line]} characters of its line`,
      );
    }
  }
}

function byCode(list: readonly Diagnostic[], code: string): Diagnostic {
  const found = list.find((d) => d.code === code);
  assert.ok(found, `a ${code} diagnostic among ${list.map((d) => d.code).join(', ')}`);
  return found;
}

/** Applies the fix as a client does and checks that its finding is gone from the fixed text (`remaining` others of its rule stay). */
async function applyAndRecheck(
  client: LspClient,
  name: string,
  text: string,
  action: CodeAction,
  code: string,
  remaining = 0,
): Promise<string> {
  const fixed = TextDocument.applyEdits(TextDocument.create('u', 'json', 1, text), edits(action));
  const uri = `file:///tmp/vmss-robustness/fixed-${name}`;
  await client.open(uri, fixed);
  const after = await diagnostics(client, uri);
  assert.equal(after.filter((d) => d.code === code).length, remaining, `${name}: ${code} after "${action.title}"`);
  return fixed;
}

const HEALTH_FIX = 'Add an ApplicationHealthLinux extension';

test('R1: the health fix on a template with a 3,000-deep array answers at once and touches only what it adds', async () => {
  const text = fixture('R1-codeaction-deep-array-3000.json');
  await withServer('R1.json', text, async (client, uri) => {
    const diagnostic = byCode(await diagnostics(client, uri), 'repairs-require-health');
    assert.deepEqual(diagnostic.range, { start: { line: 8, character: 47 }, end: { line: 8, character: 51 } });
    const action = (await codeActions(client, uri, diagnostic)).find((a) => a.title.startsWith(HEALTH_FIX));
    assert.ok(action && edits(action).length > 0, 'the fix is offered, with its edit');
    const fixed = await applyAndRecheck(client, 'R1.json', text, action, 'repairs-require-health');
    const nested = text.slice(text.indexOf('"x": '), text.indexOf('\n', text.indexOf('"x": ')));
    assert.ok(
      fixed.includes(`${nested},\n            "extensions": [\n`),
      'a comma after the nested array, the new property on the next line',
    );
    assert.equal(fixed.replace(/,\n {12}"extensions": \[[\s\S]*?\n {12}\]/, ''), text, 'nothing else changed');
  });
});

test('R1b: the same code action on broken JSON with runs of [ answers at once', async () => {
  const text = fixture('R1b-codeaction-fuzzer-11KB.json');
  await withServer('R1b.json', text, async (client, uri) => {
    const list = await diagnostics(client, uri);
    for (const diagnostic of list) {
      for (const action of await codeActions(client, uri, diagnostic))
        assertWithinLines(
          text,
          edits(action).map((e) => e.range),
          action.title,
        );
    }
  });
});

test('R1c: resolving the health fix on a 2 MB template answers at once, and refuses the broken object', async () => {
  const text = fixture('R1c-resolve-oom-crash-2MB.json');
  await withServer('R1c.json', text, async (client, uri) => {
    const actions = await codeActions(client, uri, byCode(await diagnostics(client, uri), 'repairs-require-health'));
    const lazy = actions.find((a) => a.title.startsWith(HEALTH_FIX));
    assert.ok(lazy && !lazy.edit && lazy.data, 'a large document gets the edit on resolve');
    const resolved = await within('codeAction/resolve', client.request<CodeAction>('codeAction/resolve', lazy));
    // extensionProfile holds the damage (a million open brackets where "extensions" was): no safe place to write.
    assert.equal(resolved.edit, undefined);
    for (const action of actions.filter((a) => a.data))
      await within(`resolve "${action.title}"`, client.request('codeAction/resolve', action));
  });
});

test('R4: the health fix leaves the siblings on the line it extends as they were', async () => {
  const text = fixture('R4-fix-reflows-siblings.json');
  await withServer('R4.json', text, async (client, uri) => {
    const action = (await codeActions(client, uri, byCode(await diagnostics(client, uri), 'repairs-require-health'))).find((a) =>
      a.title.startsWith(HEALTH_FIX),
    )!;
    const fixed = await applyAndRecheck(client, 'R4.json', text, action, 'repairs-require-health');
    assert.equal(
      fixed,
      text.replace(
        '"y": {"a": 1} /* keep */\n          }',
        `"y": {"a": 1}, /* keep */
            "extensions": [
              {
                "name": "HealthExtension",
                "properties": {
                  "publisher": "Microsoft.ManagedServices",
                  "type": "ApplicationHealthLinux",
                  "typeHandlerVersion": "2.0",
                  "autoUpgradeMinorVersion": true,
                  "settings": {
                    "protocol": "http",
                    "port": 80,
                    "requestPath": "/health"
                  }
                }
              }
            ]
          }`,
      ),
    );
  });
});

test('R5: the legacy-property migration rewrites the property in place; both comments stay where they were', async () => {
  const text = fixture('R5-fix-moves-comment.json');
  await withServer('R5.json', text, async (client, uri) => {
    const actions = await codeActions(client, uri, byCode(await diagnostics(client, uri), 'legacy-upgrade-property'));
    const action = actions.find((a) => a.title === 'Migrate to automaticOSUpgradePolicy.enableAutomaticOSUpgrade')!;
    const fixed = await applyAndRecheck(client, 'R5.json', text, action, 'legacy-upgrade-property');
    assert.equal(
      fixed,
      text.replace(
        '"automaticOSUpgrade": true /* legacy */',
        `"automaticOSUpgradePolicy": {
            "enableAutomaticOSUpgrade": true
          } /* legacy */`,
      ),
    );
  });
});

test("R6: a string escaping the CR of a CRLF: the diagnostic ends at its line's end, not between CR and LF", async () => {
  const text = fixture('R6-diagnostic-range-past-eol.json');
  await withServer('R6.json', text, async (client, uri) => {
    const list = await diagnostics(client, uri);
    assert.ok(list.length > 0);
    assertWithinLines(
      text,
      list.map((d) => d.range),
      'diagnostic',
    );
    const lineLength = text.indexOf('\r');
    assert.ok(
      list.some((d) => d.range.end.line === 0 && d.range.end.character === lineLength),
      'the unclosed string ends at the end of line 0',
    );
  });
});

test('R6b: mixed line endings: moving a misplaced policy takes its whole line, CRLF included, and clears the finding', async () => {
  const text = fixture('R6b-edit-range-splits-crlf.json');
  await withServer('R6b.json', text, async (client, uri) => {
    const list = await diagnostics(client, uri);
    assertWithinLines(
      text,
      list.map((d) => d.range),
      'diagnostic',
    );
    const misplaced = list.filter((d) => d.code === 'misplaced-policy');
    assert.equal(misplaced.length, 2);
    for (const diagnostic of list) {
      for (const action of await codeActions(client, uri, diagnostic))
        assertWithinLines(
          text,
          edits(action).map((e) => e.range),
          action.title,
        );
    }
    const onLine17 = misplaced.find((d) => d.range.start.line === 17)!;
    const move = (await codeActions(client, uri, onLine17)).find(
      (a) => a.title === 'Move to properties.upgradePolicy.rollingUpgradePolicy',
    )!;
    assert.ok(
      edits(move).some(
        (e) => e.range.start.line === 17 && e.range.start.character === 0 && e.range.end.line === 18 && e.range.end.character === 0,
      ),
      'line 17 goes whole',
    );
    const fixed = await applyAndRecheck(client, 'R6b.json', text, move, 'misplaced-policy', 1);
    const policy = '"rollingUpgradePolicy": { "maxBatchInstancePercent": 150, "pauseTimeBetweenBatches": "5 minutes" }';
    assert.equal(
      fixed,
      text
        .replace(`        ${policy},\r\n`, '')
        .replace('"automaticOSUpgrade": true\n        },', `"automaticOSUpgrade": true,\n          ${policy}\n        },`),
    );
  });
});
