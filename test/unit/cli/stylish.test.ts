// lint's text output in the manner of ESLint's stylish formatter: what a terminal gets (colour, messages
// cut to its width) and what a pipe gets (whole messages, no colour), and the options that decide.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStylish } from '../../../server/src/cli/stylish';
import { textOptions } from '../../../server/src/cli/commands/lint';
import { parseArgs } from '../../../server/src/cli/args';
import type { LintReport } from '../../../server/src/cli/lintReport';
import type { CliIo } from '../../../server/src/cli/io';

const range = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 2 } });
const report: LintReport = {
  version: 1,
  files: [
    {
      path: 'infra/web.json',
      kind: 'template',
      config: null,
      configProblems: [],
      parseErrors: [],
      parseErrorsOmitted: 0,
      diagnostics: [
        {
          ruleId: 'value-out-of-range',
          severity: 'error',
          message: 'maxBatchInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails.',
          explanation:
            'Use a value from 5 to 100 %; without a value it is 20 %.\n\nRule documentation: https://example.test/value-out-of-range.md',
          details: {
            explanation: 'Use a value from 5 to 100 %; without a value it is 20 %.',
            azureError: null,
            assumption: null,
            sources: [],
          },
          scaleSet: 'web',
          range: range(11, 39),
          related: [],
          fixes: ['Change to 100'],
        },
        {
          ruleId: 'value-as-string',
          severity: 'info',
          message: 'enableAutomaticOSUpgrade is the string "true"; the Compute API defines a boolean.',
          explanation: 'Rule documentation: https://example.test/value-as-string.md',
          details: null,
          scaleSet: 'web',
          range: range(8, 4),
          related: [],
          fixes: [],
        },
      ],
    },
  ],
};

test('piped: grouped under the file, aligned columns, whole messages, no colour, a summary', () => {
  const out = formatStylish(report, { color: false, verbose: false });
  const lines = out.split('\n');
  assert.equal(lines[1], 'infra/web.json');
  assert.match(
    lines[2]!,
    /^ {2}12:40 {2}error {2}maxBatchInstancePercent is 150; the Compute API accepts 5 to 100, so the deployment fails\. {2}value-out-of-range$/,
  );
  assert.match(
    lines[3]!,
    /^ {4}9:5 {2}info {3}enableAutomaticOSUpgrade is the string "true"; the Compute API defines a boolean\. +value-as-string$/,
  );
  assert.equal(lines[2]!.indexOf('value-out-of-range'), lines[3]!.indexOf('value-as-string'), 'rule ids aligned');
  assert.ok(!out.includes('\u001b['));
  assert.match(out, /\n✖ 2 problems \(1 error, 1 info\) in 1 file checked\n$/);
});

test('on a terminal: messages cut to its width, colour', () => {
  const out = formatStylish(report, { color: true, verbose: false, columns: 80 });
  const row = out.split('\n').find((l) => l.includes('maxBatch'))!;
  const visible = row.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
  assert.ok(visible.length <= 80, `${visible.length}: ${visible}`);
  assert.match(visible, /maxBatchInstancePercent is 150; the .*… {2}value-out-of-range$/);
  assert.ok(out.includes('\u001b[31merror'), 'errors in red');
});

test('--verbose: the full explanation under each finding', () => {
  const out = formatStylish(report, { color: false, verbose: true });
  assert.match(
    out,
    /value-out-of-range\n {6}Use a value from 5 to 100 %; without a value it is 20 %\.\n {6}Rule documentation: https:\/\/example\.test\/value-out-of-range\.md\n/,
  );
});

test('colour: on a terminal unless NO_COLOR; --color and --no-color decide regardless', () => {
  const io = (tty: boolean, env: Record<string, string> = {}): CliIo => ({
    stdout: () => {},
    stderr: () => {},
    stderrIsTTY: tty,
    stdoutIsTTY: tty,
    columns: 100,
    env,
    cwd: '/',
  });
  const opts = (argv: string[], cli: CliIo) => textOptions(parseArgs(argv, { color: {}, 'no-color': {}, verbose: {} }), cli);
  assert.deepEqual(opts([], io(true)), { color: true, verbose: false, columns: 100 });
  assert.equal(opts([], io(true, { NO_COLOR: '1' })).color, false);
  assert.equal(opts([], io(true, { NO_COLOR: '' })).color, true, 'an empty NO_COLOR does not count');
  assert.deepEqual(opts([], io(false)), { color: false, verbose: false });
  assert.equal(opts(['--color'], io(false)).color, true);
  assert.equal(opts(['--no-color'], io(true)).color, false);
  assert.equal(opts(['--verbose'], io(false)).verbose, true);
});
