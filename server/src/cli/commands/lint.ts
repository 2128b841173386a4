import { optionValue, oneOf, parseArgs } from '../args';
import type { CliCommand } from '../commands';
import { CliError } from '../io';
import { findLintTargets } from '../findTemplates';
import { buildLintReport, SEVERITY_RANK, type LintReport } from '../lintReport';
import { lintTargets } from '../lintRun';
import { omittedText } from '../parseErrorCap';
import { buildSarif } from '../sarif';

declare const VERSION: string | undefined;

const USAGE = `Usage: vmss-upgrade lint PATH... [--parameters FILE] [--format text|json|sarif] [--fail-on error|warning|info]

Checks templates for upgrade-policy mistakes. PATH may be a file, a folder (searched for *.bicep, and
*.json and *.jsonc that are templates, REST bodies or \`az vmss show\` output) or a glob ("infra/**/*.json").
Rule severities come from the nearest .vmss-upgrade.json above each file.
  --parameters FILE   parameter values for every template, JSON or .bicepparam (default: <name>.bicepparam
                      for Bicep, else <name>.parameters.json beside each)
  --format            text (default, like a compiler), json (docs/cli.md) or sarif (SARIF 2.1.0)
  --fail-on LEVEL     exit 1 when a finding is at or above LEVEL (default error)

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.`;

export const lintCommand: CliCommand = {
  name: 'lint',
  summary: 'check templates for upgrade-policy mistakes (text, JSON or SARIF)',
  usage: USAGE,
  run(argv, io) {
    const args = parseArgs(argv, { parameters: { value: true }, format: { value: true }, 'fail-on': { value: true } });
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
    else io.stdout(formatText(report));
    const threshold = SEVERITY_RANK[failOn];
    const failing = report.files.some((f) => f.parseErrors.length > 0 || f.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= threshold));
    return failing ? 1 : 0;
  },
};

function formatText(report: LintReport): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of report.files) {
    for (const problem of file.configProblems) lines.push(`${file.config}: warning config ${problem.message}`);
    for (const e of file.parseErrors) {
      counts.error++;
      lines.push(`${file.path}:${e.range.start.line + 1}:${e.range.start.character + 1} error parse-error ${e.message}`);
    }
    if (file.parseErrorsOmitted > 0) {
      counts.error += file.parseErrorsOmitted;
      lines.push(`${file.path}: error parse-error ${omittedText(file.parseErrorsOmitted)}`);
    }
    for (const d of file.diagnostics) {
      counts[d.severity]++;
      lines.push(`${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.ruleId} ${d.message}`);
    }
  }
  const n = report.files.length;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : s === 'info' ? '' : 's'}`);
  lines.push(`${n} file${n === 1 ? '' : 's'} checked: ${parts.length ? parts.join(', ') : 'no problems'}`);
  return lines.join('\n') + '\n';
}
