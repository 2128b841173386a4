import type { Severity } from '../core/rules';
import type { LintReport } from './lintReport';
import { omittedText } from './parseErrorCap';

/**
 * `lint`'s text output, in the manner of ESLint's stylish formatter: findings grouped under their file,
 * one per line (`line:col  severity  message  rule-id`, columns aligned), then a summary line. On a
 * terminal the message is cut to the terminal's width; `verbose` adds each finding's full explanation
 * under it. Colour only when asked (the command decides: a TTY, NO_COLOR, --color/--no-color).
 */

export interface StylishOptions {
  readonly color: boolean;
  /** The terminal's width when stdout is one: messages are cut to fit. Undefined: nothing is cut. */
  readonly columns?: number;
  readonly verbose: boolean;
}

interface Row {
  readonly where: string;
  readonly severity: Severity;
  readonly message: string;
  readonly ruleId: string;
  readonly explanation?: string;
}

const SGR = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  gray: '\u001b[90m',
} as const;

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { error: SGR.red, warning: SGR.yellow, info: SGR.blue, hint: SGR.gray };
const INDENT = '  ';
const MESSAGE_COLUMN_MAX = 160;
const GAP = '  ';

export function formatStylish(report: LintReport, options: StylishOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${SGR.reset}` : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  const groups: { path: string; rows: Row[] }[] = [];
  const configs = new Map<string, Row[]>();
  for (const file of report.files) {
    if (file.config && file.configProblems.length > 0 && !configs.has(file.config)) {
      configs.set(
        file.config,
        file.configProblems.map((p) => ({ where: '', severity: 'warning', message: p.message, ruleId: 'config' })),
      );
    }
    const rows: Row[] = [
      ...file.parseErrors.map((e): Row => ({ where: position(e.range), severity: 'error', message: e.message, ruleId: 'parse-error' })),
      ...(file.parseErrorsOmitted > 0
        ? [{ where: '', severity: 'error' as const, message: omittedText(file.parseErrorsOmitted), ruleId: 'parse-error' }]
        : []),
      ...file.diagnostics.map((d): Row => ({
        where: position(d.range),
        severity: d.severity,
        message: d.message,
        ruleId: d.ruleId,
        explanation: d.explanation,
      })),
    ];
    for (const row of rows) counts[row.severity]++;
    counts.error += Math.max(0, file.parseErrorsOmitted - 1);
    if (rows.length > 0) groups.push({ path: file.path, rows });
  }
  for (const [path, rows] of configs) groups.push({ path, rows });

  const all = groups.flatMap((g) => g.rows);
  const whereWidth = Math.max(0, ...all.map((r) => r.where.length));
  const severityWidth = Math.max(0, ...all.map((r) => r.severity.length));
  // Messages are at most 160 characters; a longer one pushes its rule id out of line rather than every other row.
  const messageWidth = Math.min(MESSAGE_COLUMN_MAX, Math.max(0, ...all.map((r) => r.message.length)));
  const ruleWidth = Math.max(0, ...all.map((r) => r.ruleId.length));
  // On a terminal the message column gets what the others leave of its width (at least 20 characters).
  const fixed = INDENT.length + whereWidth + severityWidth + ruleWidth + 3 * GAP.length;
  const messageRoom = options.columns === undefined ? messageWidth : Math.max(20, Math.min(messageWidth, options.columns - fixed));

  const lines: string[] = [];
  for (const group of groups) {
    lines.push('', paint(SGR.underline, group.path));
    for (const row of group.rows) {
      const message = options.columns === undefined ? row.message : cut(row.message, messageRoom);
      lines.push(
        [
          INDENT + paint(SGR.dim, row.where.padStart(whereWidth)),
          paint(SEVERITY_COLOR[row.severity], row.severity.padEnd(severityWidth)),
          message.padEnd(messageRoom),
          paint(SGR.dim, row.ruleId),
        ]
          .join(GAP)
          .trimEnd(),
      );
      if (options.verbose && row.explanation) {
        const width = options.columns === undefined ? undefined : Math.max(40, options.columns - 6);
        for (const paragraph of row.explanation.split('\n\n')) for (const line of wrap(paragraph, width)) lines.push(`      ${line}`);
        lines.push('');
      }
    }
  }
  lines.push('', summary(counts, report.files.length, paint));
  return lines.join('\n') + '\n';
}

function position(range: { start: { line: number; character: number } }): string {
  return `${range.start.line + 1}:${range.start.character + 1}`;
}

/** The text cut to `width` characters with "…" (never inside a surrogate pair). */
function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  let end = Math.max(0, width - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** Words wrapped to `width` (no wrapping without one). */
function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

function summary(counts: Record<Severity, number>, files: number, paint: (code: string, text: string) => string): string {
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const checked = `${files} file${files === 1 ? '' : 's'} checked`;
  if (total === 0) return `${checked}: no problems`;
  const parts = (['error', 'warning', 'info', 'hint'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 || s === 'info' ? '' : 's'}`);
  const color = counts.error > 0 ? SGR.red : counts.warning > 0 ? SGR.yellow : SGR.blue;
  return paint(SGR.bold + color, `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')})`) + ` in ${checked}`;
}
