/**
 * The change-impact report as text (a terminal) and as markdown (a pull-request comment): the same
 * report, the same numbers (the rollout's are the simulator's).
 */
import { formatDuration } from '../sim';
import type { ImpactChange, ImpactReport, ScaleSetImpact, ShownValue } from './compare';

const MAX_VALUE = 60;

/** A value as the reports print it (quoted where it would read as another type, cut to 60 characters). */
export function valueText(v: ShownValue): string {
  // A string that reads like another type ("true", "5") keeps its quotes, so "true" → true shows as a change.
  const text =
    v === null ? '(not set)' : typeof v === 'string' && !/^(true|false|null|-?\d+(\.\d+)?(e[+-]?\d+)?)$/i.test(v) ? v : JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function counts(s: ScaleSetImpact): string {
  const refused = s.changes.filter((c) => c.class === 'refused').length;
  const fresh = s.changes.filter((c) => c.class === 'newResource').length;
  const parts = [`${s.changes.length} change${s.changes.length === 1 ? '' : 's'}`];
  if (refused > 0) parts.push(`${refused} refused`);
  if (fresh > 0) parts.push(`${fresh} new resource`);
  return parts.join(', ');
}

function heading(s: ScaleSetImpact): string {
  if (s.status === 'unchanged') return `${s.name}: unchanged`;
  if (s.status === 'removed') return `${s.name}: removed from the template (Incremental mode leaves it running; Complete mode deletes it)`;
  if (s.status === 'added') return `${s.name}: added (a new scale set)${s.changes.length ? `, ${counts(s)}` : ''}`;
  return `${s.name}: ${counts(s)}`;
}

/** Azure's error: what it answers for this change, or for the cases it refuses. */
function errorLabel(c: ImpactChange): string {
  return c.class === 'refused' ? 'Azure answers' : 'Azure answers where not allowed';
}

function flags(c: ImpactChange): string {
  return [c.mayChange ? 'may change' : '', c.unverified ? 'unverified' : ''].filter((f) => f !== '').join(', ');
}

export function renderImpactText(report: ImpactReport): string {
  const lines: string[] = [];
  if (report.scaleSets.length === 0) lines.push('no scale sets on either side');
  for (const s of report.scaleSets) {
    lines.push(heading(s));
    for (const c of s.changes) {
      const f = flags(c);
      lines.push(`  ${c.class.padEnd(11)} ${c.path}: ${valueText(c.before)} → ${valueText(c.after)}${f ? ` (${f})` : ''}`);
      lines.push(`              ${c.effect}`);
      if (c.azureError) lines.push(`              ${errorLabel(c)}: ${c.azureError}`);
      lines.push(`              source: ${c.source.title} <${c.source.url}>`);
    }
    if (s.rollout) lines.push(`  rollout (${s.rollout.mode}): ${s.rollout.summary}`);
  }
  return lines.join('\n') + '\n';
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (v: ShownValue) => (v === null ? '_not set_' : `\`${cell(valueText(v)).replace(/`/g, "'")}\``);

export function renderImpactMarkdown(report: ImpactReport): string {
  const out: string[] = ['### Scale set change impact', ''];
  if (report.scaleSets.length === 0) out.push('No scale sets on either side.', '');
  for (const s of report.scaleSets) {
    out.push(`#### ${cell(heading(s))}`, '');
    if (s.changes.length > 0) {
      out.push('| class | setting | before | after | effect |', '|---|---|---|---|---|');
      for (const c of s.changes) {
        const badge = c.class === 'refused' || c.class === 'newResource' ? `**${c.class}**` : c.class;
        const f = flags(c);
        const effect = `${c.effect}${c.azureError ? ` ${errorLabel(c)}: “${c.azureError}”` : ''} ([${c.source.title}](${c.source.url}))`;
        out.push(`| ${badge}${f ? ` _(${f})_` : ''} | \`${cell(c.path)}\` | ${code(c.before)} | ${code(c.after)} | ${cell(effect)} |`);
      }
      out.push('');
    }
    if (s.rollout) out.push(`**Rollout (${s.rollout.mode})**: ${cell(s.rollout.summary)}`, '');
  }
  return out.join('\n');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What deploying the edit does to one scale set, in one line for the editor ("rolling model update, 5
 * batches, ≈25 min · 1 change refused"): the rollout's numbers are the simulator's plan, as everywhere.
 */
export function impactHeadline(s: ScaleSetImpact): string {
  if (s.status === 'added') return 'a new scale set';
  if (s.status === 'removed') return 'removed from the template';
  if (s.status === 'unchanged') return 'no change';
  const count = (cls: ImpactChange['class']) => s.changes.filter((c) => c.class === cls).length;
  const parts: string[] = [];
  const r = s.rollout;
  if (r) {
    const n = r.plan.capacity;
    const batches = r.plan.batches.length;
    if (r.mode === 'Rolling')
      parts.push(`rolling model update, ${plural(batches, 'batch', 'batches')}, ≈${formatDuration(r.plan.durationSeconds)}`);
    else if (r.mode === 'Automatic') parts.push(`model update of all ${n} instances at once`);
    else if (r.mode === 'Manual') parts.push(`model update: 0 of ${n} instances change until a manual upgrade`);
    else parts.push('model update (upgrade mode unknown)');
  }
  const reimage = count('reimage');
  if (reimage > 0) parts.push(`${plural(reimage, 'change')} need${reimage === 1 ? 's' : ''} a reimage`);
  const deallocate = count('deallocate');
  if (deallocate > 0) parts.push(`${plural(deallocate, 'change')} need${deallocate === 1 ? 's' : ''} deallocation`);
  const refused = count('refused');
  if (refused > 0) parts.push(`${plural(refused, 'change')} refused`);
  const fresh = count('newResource');
  if (fresh > 0) parts.push(`${plural(fresh, 'change')} force${fresh === 1 ? 's' : ''} a new resource`);
  if (parts.length === 0) parts.push(`${plural(s.changes.length, 'change')}, no effect on running instances`);
  const unverified = s.changes.filter((c) => c.unverified).length;
  if (unverified > 0) parts.push(`${unverified} unverified`);
  return parts.join(' · ');
}
