import { optionValue, oneOf, parseArgs } from '../args';
import type { CliCommand } from '../commands';
import { CliError } from '../io';
import { loadTemplate } from '../loadTemplate';
import { omittedText } from '../parseErrorCap';
import { buildScanReport, type ScanReport, type ScanTree, type ScanValue } from '../scanReport';

const USAGE = `Usage: vmss-upgrade scan FILE [--parameters FILE] [--format text|json]

Lists every virtual machine scale set in FILE (an ARM template, a Bicep file, a REST request body or
\`az vmss show\` output) with its upgrade-relevant settings resolved to values.
  --parameters FILE   parameter values, JSON or .bicepparam (default: <name>.bicepparam for Bicep, else
                      <name>.parameters.json or azuredeploy.parameters.json beside FILE)
  --format text|json  output format (default text; json is documented in docs/cli.md)`;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'list the scale sets in a template with their resolved upgrade settings',
  usage: USAGE,
  run(argv, io) {
    const args = parseArgs(argv, { parameters: { value: true }, format: { value: true } });
    if (args.positionals.length !== 1) throw new CliError(`expected one FILE, got ${args.positionals.length}\n${USAGE}`);
    const format = oneOf(args, 'format', ['text', 'json'] as const, 'text');
    const loaded = loadTemplate(args.positionals[0]!, optionValue(args, 'parameters'));
    const report = buildScanReport(loaded.path, loaded.doc.text, loaded.doc.model, loaded.parametersPath);
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : formatText(report));
    return 0;
  },
};

function formatText(report: ScanReport): string {
  const lines: string[] = [];
  const count = report.scaleSets.length;
  lines.push(
    `${report.file}: ${report.kind}, ${count} scale set${count === 1 ? '' : 's'}${report.parametersFile ? `, parameters from ${report.parametersFile}` : ''}`,
  );
  for (const error of report.parseErrors)
    lines.push(`  ${report.file}:${error.range.start.line + 1}:${error.range.start.character + 1} parse error: ${error.message}`);
  if (report.parseErrorsOmitted > 0) lines.push(`  ${report.file}: ${omittedText(report.parseErrorsOmitted)}`);
  for (const s of report.scaleSets) {
    lines.push('', `  ${s.name}  (${s.path}, line ${s.range.start.line + 1})`);
    const row = (label: string, text: string) => lines.push(`    ${label.padEnd(17)}${text}`);
    row('apiVersion', show(s.apiVersion));
    row('capacity', show(s.capacity) + (s.copyCount ? `  × copy count ${show(s.copyCount)}` : ''));
    row('orchestration', s.orchestrationMode.source === 'absent' ? 'Uniform (not set)' : show(s.orchestrationMode));
    row('mode', s.mode.source === 'absent' ? 'Manual (not set)' : show(s.mode));
    if (s.upgradePolicy && !isLeaf(s.upgradePolicy)) {
      for (const [name, value] of Object.entries(s.upgradePolicy)) {
        if (name.toLowerCase() === 'mode') continue;
        row(POLICY_LABELS[name.toLowerCase()] ?? name, isLeaf(value) ? show(value) : flat(value));
      }
    } else if (s.upgradePolicy) {
      row('upgradePolicy', show(s.upgradePolicy as ScanValue));
    }
    row('zones', show(s.zones));
    if (s.overprovision.source !== 'absent') row('overprovision', show(s.overprovision));
    if (s.singlePlacementGroup.source !== 'absent') row('singlePlacement', show(s.singlePlacementGroup));
    if (s.imageReference) row('image', isLeaf(s.imageReference) ? show(s.imageReference) : flat(s.imageReference));
    row('os', s.osKind);
    row('health probe', show(s.healthProbeId));
    for (const e of s.extensions)
      row(
        'extension',
        `${show(e.type)} ${show(e.typeHandlerVersion)} (${show(e.publisher)}, ${e.origin === 'childResource' ? 'child resource' : 'extensionProfile'})`,
      );
    if (s.deployment) row('deployment', `${show(s.deployment.name)} (scope ${s.deployment.scope})`);
  }
  return lines.join('\n') + '\n';
}

function isLeaf(tree: ScanTree): tree is ScanValue {
  return typeof (tree as ScanValue).source === 'string' && 'value' in tree;
}

const POLICY_LABELS: Record<string, string> = {
  rollingupgradepolicy: 'rolling policy',
  automaticosupgradepolicy: 'automatic OS',
  automaticosupgrade: 'automaticOSUpgrade (legacy)',
  autoosupgradepolicy: 'autoOSUpgradePolicy (legacy)',
};

const SOURCE_LABEL: Record<string, string> = {
  default: 'parameter default',
  parametersFile: 'parameters file',
  variable: 'variable',
  expression: 'expression',
};

function show(v: ScanValue): string {
  if (v.source === 'absent') return '-';
  if (v.source === 'unknown') return `unknown ${v.expression ?? ''} (${v.unknownReason ?? 'cannot be evaluated'})`.replace('  ', ' ');
  // An empty list or string is shown as written ("zones  []"), not as nothing after the label.
  const text =
    typeof v.value === 'string'
      ? v.value || '""'
      : Array.isArray(v.value)
        ? v.value.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ') || '[]'
        : JSON.stringify(v.value);
  const label = SOURCE_LABEL[v.source];
  return label ? `${text}  (${label}${v.expression ? ` ${v.expression}` : ''})` : text;
}

function flat(tree: ScanTree): string {
  return Object.entries(tree)
    .map(
      ([name, value]) =>
        `${name}=${isLeaf(value) ? (value.source === 'unknown' ? '?' : typeof value.value === 'string' ? value.value : JSON.stringify(value.value)) : `{${flat(value)}}`}`,
    )
    .join(', ');
}
