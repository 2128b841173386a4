import { optionValue, oneOf, parseArgs } from '../args';
import type { CliCommand } from '../commands';
import { CliError, type CliIo } from '../io';
import { findLintTargets } from '../findTemplates';
import { buildLintReport, SEVERITY_RANK } from '../lintReport';
import { lintTargets } from '../lintRun';
import { buildSarif } from '../sarif';
import { formatStylish, type StylishOptions } from '../stylish';

declare const VERSION: string | undefined;

const USAGE = `Usage: vmss-upgrade lint PATH... [--parameters FILE] [--format text|json|sarif] [--fail-on error|warning|info]
                          [--verbose] [--color | --no-color]

Checks templates for upgrade-policy mistakes. PATH may be a file, a folder (searched for *.bicep, and
*.json and *.jsonc that are templates, REST bodies or \`az vmss show\` output) or a glob ("infra/**/*.json").
Rule severities come from the nearest .vmss-upgrade.json above each file.
  --parameters FILE   parameter values for every template, JSON or .bicepparam (default: <name>.bicepparam
                      for Bicep, else <name>.parameters.json beside each)
  --format            text (default: findings grouped by file, one per line), json (docs/cli.md) or
                      sarif (SARIF 2.1.0); json and sarif carry each finding's full explanation
  --fail-on LEVEL     exit 1 when a finding is at or above LEVEL (default error)
  --verbose           text: each finding's full explanation (why, Azure's error text, the assumption,
                      sources) under it
  --color, --no-color text: colour on or off (default: on when stdout is a terminal and NO_COLOR is unset)

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.`;

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'check templates for upgrade-policy mistakes (text, JSON or SARIF)',
  usage: USAGE,
  run(argv, io) {
    const args = parseArgs(argv, {
      parameters: { value: true },
      format: { value: true },
      'fail-on': { value: true },
      verbose: {},
      color: {},
      'no-color': {},
    });
    if (args.options.has('color') && args.options.has('no-color')) throw new CliError('--color and --no-color exclude each other');
    if (args.positionals.length === 0) throw new CliError(`expected at least one PATH\n${USAGE}`);
    const format = oneOf(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
    const failOn = oneOf(args, 'fail-on', ['error', 'warning', 'info'] as const, 'error');
    const targets = findLintTargets(args.positionals, io.cwd);
    // The CLI is an adapter, so it may read the clock: rules such as expired-sas-token judge against it.
    const files = lintTargets(targets, { parametersPath: optionValue(args, 'parameters'), now: Date.now() });
    const report = buildLintReport(files);
    if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
    else if (format === 'sarif')
      io.stdout(
        JSON.stringify(buildSarif(files, { version: typeof VERSION === 'string' ? VERSION : '0.0.0', cwd: io.cwd }), null, 2) + '\n',
      );
    else io.stdout(formatStylish(report, textOptions(args, io)));
    const threshold = SEVERITY_RANK[failOn];
    const failing = report.files.some((f) => f.parseErrors.length > 0 || f.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= threshold));
    return failing ? 1 : 0;
  },
};

/** Colour on a terminal unless NO_COLOR is set (any value), overridden by --color / --no-color; messages cut to the terminal's width. */
export function textOptions(args: ReturnType<typeof parseArgs>, io: CliIo): StylishOptions {
  const tty = io.stdoutIsTTY === true;
  const noColorEnv = (io.env?.NO_COLOR ?? '') !== '';
  const color = args.options.has('color') ? true : args.options.has('no-color') ? false : tty && !noColorEnv;
  return { color, verbose: args.options.has('verbose'), ...(tty && io.columns ? { columns: io.columns } : {}) };
}
