/**
 * Exports: the run as JSON (with Azure's rollingUpgrades/latest and osUpgradeHistory shapes), the timeline
 * as a standalone SVG (theme colours resolved into an embedded style, so it renders outside VS Code), and
 * a markdown summary for a pull request.
 */
import { osUpgradeHistory, rollingUpgradeStatus, summarizeMonteCarlo } from '../../server/src/core/sim/index';
import { code } from '../../server/src/core/text/markdown';
import type { PreviewResult } from './result';
import type { RiskResult } from './risk';
import { triggerText } from './state';
import { batchShape, formatDuration, percent, stops } from './view/format';

export function runJson(r: PreviewResult, risk: RiskResult | null): string {
  return JSON.stringify(
    {
      scaleSet: r.scaleSet.name,
      whatIf: r.whatIf,
      input: r.input,
      run: r.run,
      rollingUpgradesLatest: rollingUpgradeStatus(r.run, r.input),
      osUpgradeHistory: osUpgradeHistory(r.run, r.input),
      monteCarlo: risk ? { summary: risk.summary, sensitivity: risk.sensitivity, sensitivityTrials: risk.sensitivityTrials } : null,
    },
    null,
    2,
  );
}

/** File-name-safe stem from a scale-set name (which may hold anything). */
export function fileStem(name: string): string {
  const stem = name
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
  return stem || 'scale-set';
}

/** CSS custom properties the chart styles use, resolved to the current theme's colours. */
function resolvedVariables(source: Element): string {
  const style = getComputedStyle(source);
  const names = new Set<string>();
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules)) for (const m of rule.cssText.matchAll(/var\((--[\w-]+)/g)) names.add(m[1]!);
  }
  return [...names].map((n) => `${n}: ${style.getPropertyValue(n).trim() || 'currentColor'};`).join(' ');
}

/** The chart's own CSS rules (those mentioning svg classes), copied so the file is self-contained. */
function chartRules(): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of Array.from(rules))
      if (/\.(timeline|capacity|phase|gate|halt|series|floor|tick|grid|row)/.test(rule.cssText)) out.push(rule.cssText);
  }
  return out.join('\n');
}

export function svgExport(chart: SVGSVGElement): string {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  const bg = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || '#ffffff';
  const fg = getComputedStyle(document.body).getPropertyValue('--vscode-foreground').trim() || '#000000';
  style.textContent = `svg { ${resolvedVariables(document.body)} background: ${bg}; color: ${fg}; font-family: sans-serif; font-size: 12px; }\n${chartRules()}`;
  copy.insertBefore(style, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/**
 * Markdown for a pull request; `pinned` adds a comparison column. The scale-set name comes from the
 * template: it goes in as a code span that holds it whatever it contains, so the pull request shows it as
 * written. The rest is the simulator's and the what-if's own text, kept readable; table cells escape pipes.
 */
export function markdownSummary(
  r: PreviewResult,
  risk: RiskResult | null,
  pinned: { result: PreviewResult; risk: RiskResult | null } | null,
): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const column = (x: PreviewResult, rk: RiskResult | null) => {
    const total = x.run.attempted + x.run.skipped + x.run.pending;
    return [
      x.run.status + (x.run.errorCode ? ` (${x.run.errorCode})` : ''),
      triggerText(x.input.trigger),
      `${x.input.fleet.capacity}`,
      batchShape(x.run),
      `${formatDuration(x.run.durationSeconds)}${stops(x.run) ? ' to the stop' : ''}`,
      `${x.run.minServingInstances} of ${total}`,
      rk ? percent(rk.summary.pComplete) : 'not computed',
      rk
        ? `${formatDuration(rk.summary.durationSeconds.p50)} / ${formatDuration(rk.summary.durationSeconds.p90)} / ${formatDuration(rk.summary.durationSeconds.p99)}`
        : '—',
    ];
  };
  const labels = [
    'Outcome',
    'Trigger',
    'Capacity',
    'Batches',
    'Estimated duration',
    'Minimum serving',
    'P(completes)',
    'Duration p50 / p90 / p99',
  ];
  const cur = column(r, risk);
  const pin = pinned ? column(pinned.result, pinned.risk) : null;
  const head = pin ? `| | Pinned: ${cell(pinned!.result.label)} | Current: ${cell(r.label)} |\n|---|---|---|` : '| | |\n|---|---|';
  const rows = labels.map((l, i) => (pin ? `| ${l} | ${cell(pin[i]!)} | ${cell(cur[i]!)} |` : `| ${l} | ${cell(cur[i]!)} |`));
  const lines = [`### Upgrade preview: ${code(r.scaleSet.name)}`, '', head, ...rows, ''];
  if (r.run.errorCode) lines.push(`> ${cell(r.run.message)}`, '');
  if (risk) lines.push(`Monte Carlo: ${summarizeMonteCarlo(risk.summary)}.`, '');
  const changing = risk?.sensitivity.filter((s) => s.changedTrials > 0) ?? [];
  if (changing.length > 0)
    lines.push(
      `Assumptions that change the outcome: ${changing.map((s) => `${s.assumption}=${s.value} (${percent(s.changedTrials)} of trials)`).join(', ')}.`,
      '',
    );
  lines.push('_Simulated by VMSS Upgrade Policy; undocumented Azure behaviour is modelled by the stated assumptions._');
  return lines.join('\n');
}
