/**
 * The policy advisor's section: the goals, the policies the advisor evaluated as a scatter (duration against
 * P(halt); point size the instances serving, colour how far a bad image gets), the current and recommended
 * policies marked, the one clicked described with an Apply button, and a table view of the Pareto front.
 * Every number and sentence is the engine's (core/advisor render helpers); nothing here computes a measure.
 */
import { adviceVerdict, ADVICE_TABLE_HEADER, formatPHalt, measureCells, policyCells, samePolicy } from '../../../server/src/core/advisor';
import type { Advice, AdvisorPolicy, Candidate } from '../../../server/src/core/advisor';
import { el, svg, table } from '../dom';
import { button, progressRing } from '../toolkit';
import { clock, formatDuration } from './format';

export type AdvisorState =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'advice'; readonly advice: Advice }
  | { readonly kind: 'refusal'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export interface AdvisorViewOptions {
  readonly state: AdvisorState;
  /** The policy the user clicked; the recommendation when none. */
  readonly selected: AdvisorPolicy | null;
  readonly showTables: boolean;
  /** What the last Apply said (written, refused and why). */
  readonly status: { readonly ok: boolean; readonly message: string } | null;
  /** A request is in flight: the last advice stays drawn, marked as being refreshed. */
  readonly refreshing: boolean;
  readonly onSelect: (policy: AdvisorPolicy) => void;
  readonly onApply: (policy: AdvisorPolicy) => void;
}

/** The section's body under its goal fields (which the panel keeps, so typing in them is never interrupted). */
export function renderAdvisor(o: AdvisorViewOptions): HTMLElement {
  const body = el('div', { class: 'advisor-body' });
  if (o.refreshing || o.state.kind === 'waiting')
    body.append(el('p', { class: 'progress', role: 'status' }, progressRing('Advisor running'), ' Scoring policies with the simulator…'));
  if (o.state.kind === 'refusal' || o.state.kind === 'error') {
    const text = o.state.kind === 'error' ? `The advisor could not answer: ${o.state.message}` : o.state.message;
    body.append(el('p', { class: 'message', 'data-testid': 'advisor-refusal' }, capitalise(text.endsWith('.') ? text : `${text}.`)));
    return body;
  }
  if (o.state.kind !== 'advice') return body;
  const a = o.state.advice;
  const selected = (o.selected && a.evaluated.find((c) => samePolicy(c.policy, o.selected!))) || a.recommended;
  body.append(
    el('p', { class: 'headline', 'data-testid': 'advisor-verdict' }, headline(a)),
    el('div', { class: 'scroll' }, scatter(a, selected, o.onSelect)),
    legend(),
    details(a, selected, o.onApply),
  );
  if (o.status)
    body.append(el('p', { class: o.status.ok ? 'applied' : 'message', role: 'status', 'data-testid': 'advisor-status' }, o.status.message));
  if (o.showTables) body.append(frontTable(a));
  if (a.notes.length > 0)
    body.append(
      el(
        'details',
        { class: 'advisor-notes' },
        el('summary', {}, 'How the advice was searched'),
        el('ul', { class: 'notes' }, ...a.notes.map((n) => el('li', {}, n))),
      ),
    );
  return body;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function headline(a: Advice): string {
  const n = a.evaluated.length;
  const searched = `${n} polic${n === 1 ? 'y' : 'ies'} scored over ${a.trials} trials each at a failure rate of ${formatPHalt(a.goals.failureRate)}.`;
  if (a.keepCurrent) return `${adviceVerdict(a)} ${searched}`;
  return `Recommended: ${policyText(a.recommended.policy)}. ${adviceVerdict(a)} ${searched}`;
}

function policyText(p: AdvisorPolicy): string {
  const [batch, unhealthy, upgraded, pause, surge] = policyCells(p);
  return `batch ${batch} %, unhealthy ${unhealthy} %, upgraded ${upgraded} %, pause ${pause}${surge === '–' ? '' : `, maxSurge ${surge}`}`;
}

// ── the scatter ──────────────────────────────────────────────────────────────────────────────────────

const W = 560;
const H = 260;
const LEFT = 52;
const RIGHT = 30;
const TOP = 24;
const BOTTOM = 36;

/** Colour classes by how many instances a bad image reaches, relative to the fewest and most evaluated. */
function reachClass(c: Candidate, lo: number, hi: number): string {
  if (hi === lo) return 'reach-low';
  const t = (c.badImageTouched - lo) / (hi - lo);
  return t < 1 / 3 ? 'reach-low' : t < 2 / 3 ? 'reach-mid' : 'reach-high';
}

function scatter(a: Advice, selected: Candidate, onSelect: (p: AdvisorPolicy) => void): SVGSVGElement {
  const points = a.evaluated;
  const durations = points.map((c) => c.durationP90Seconds);
  const goalT = a.goals.maxDurationSeconds;
  const x = durationScale(Math.min(...durations, goalT ?? Infinity), Math.max(...durations, goalT ?? 0));
  const h = haltScale(Math.max(a.goals.maxHalt * 1.2, ...points.map((c) => c.pHalt)));
  const px = (t: number) => LEFT + ((t - x.lo) / (x.hi - x.lo)) * (W - LEFT - RIGHT);
  const y = (p: number) => TOP + (1 - p / h.max) * (H - TOP - BOTTOM);
  const serving = points.map((c) => c.minServing);
  const reach = points.map((c) => c.badImageTouched);
  const [sLo, sHi, rLo, rHi] = [Math.min(...serving), Math.max(...serving), Math.min(...reach), Math.max(...reach)];
  const radius = (c: Candidate) => (sHi === sLo ? 6 : 4 + (5 * (c.minServing - sLo)) / (sHi - sLo));
  const chart = svg('svg', {
    class: 'advisor-scatter',
    viewBox: `0 0 ${W} ${H}`,
    role: 'group',
    'aria-label': 'Evaluated policies: duration (90th percentile) against P(halt)',
    'data-testid': 'advisor-scatter',
  });
  const axis = svg('g', { class: 'axis', 'aria-hidden': 'true' });
  for (let t = x.lo; t <= x.hi + 1e-9; t += x.step)
    axis.append(
      svg('line', { class: 'grid', x1: px(t), x2: px(t), y1: TOP, y2: H - BOTTOM }),
      svg('text', { class: 'tick', x: px(t), y: H - BOTTOM + 14, 'text-anchor': 'middle' }, clock(t)),
    );
  for (let k = 0; k <= h.ticks; k++) {
    const p = h.step * k;
    axis.append(
      svg('line', { class: 'grid', x1: LEFT, x2: W - RIGHT, y1: y(p), y2: y(p) }),
      svg('text', { class: 'tick', x: LEFT - 6, y: y(p) + 3, 'text-anchor': 'end' }, formatPHalt(p)),
    );
  }
  axis.append(
    svg('text', { class: 'tick', x: LEFT + (W - LEFT - RIGHT) / 2, y: H - 4, 'text-anchor': 'middle' }, 'Duration (90th percentile)'),
    svg('text', { class: 'tick', x: 4, y: TOP - 13 }, 'P(halt)'),
  );
  chart.append(axis);
  // The goals as lines: below the P(halt) line and left of the duration line is what the user asked for.
  chart.append(svg('line', { class: 'goal-line', x1: LEFT, x2: W - RIGHT, y1: y(a.goals.maxHalt), y2: y(a.goals.maxHalt) }));
  if (a.goals.maxDurationSeconds !== null) {
    const gx = px(a.goals.maxDurationSeconds);
    chart.append(svg('line', { class: 'goal-line', x1: gx, x2: gx, y1: TOP, y2: H - BOTTOM }));
  }
  const onFront = (c: Candidate) => a.front.some((f) => samePolicy(f.policy, c.policy));
  // Dominated points first, so the front, the current and the recommended policy are drawn on top.
  const order = [...points].sort((p, q) => Number(onFront(p)) - Number(onFront(q)));
  for (const c of order) {
    const isCurrent = samePolicy(c.policy, a.current.policy);
    const isRecommended = samePolicy(c.policy, a.recommended.policy);
    const isSelected = samePolicy(c.policy, selected.policy);
    const role = isRecommended ? 'recommended' : isCurrent ? 'current' : onFront(c) ? 'front' : 'dominated';
    const label = `${isCurrent ? 'Current policy' : isRecommended ? 'Recommended policy' : 'Policy'}: ${policyText(c.policy)}; P(halt) ${formatPHalt(c.pHalt)}, p90 ${formatDuration(c.durationP90Seconds)}, ${c.minServing} serving, a bad image reaches ${c.badImageTouched}`;
    const cx = px(c.durationP90Seconds);
    const cy = y(c.pHalt);
    const g = svg(
      'g',
      {
        class: `point ${role} ${reachClass(c, rLo, rHi)}${isSelected ? ' selected' : ''}`,
        tabindex: 0,
        role: 'button',
        'aria-label': label,
        'aria-pressed': String(isSelected),
        'data-testid': `advisor-point-${role}`,
      },
      svg('title', {}, label),
      svg('circle', { cx, cy, r: radius(c) }),
    );
    if (isCurrent || isRecommended) {
      // Labels go left of a point near the right edge; the current one above its point, the recommended one beside it.
      const right = cx > W - RIGHT - 90;
      const dy = isCurrent ? -radius(c) - 2 : 4;
      g.append(
        svg(
          'text',
          { class: 'point-label', x: right ? cx - radius(c) - 3 : cx + radius(c) + 3, y: cy + dy, 'text-anchor': right ? 'end' : 'start' },
          isCurrent ? 'current' : 'recommended',
        ),
      );
    }
    const pick = () => onSelect(c.policy);
    g.addEventListener('click', pick);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick();
      }
    });
    chart.append(g);
  }
  return chart;
}

const TIME_STEPS = [30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];

/** The duration axis around the points (not from zero: policies often differ by minutes in hours). */
function durationScale(min: number, max: number): { lo: number; hi: number; step: number } {
  const pad = Math.max(30, (max - min) * 0.08);
  const span = max - min + 2 * pad;
  const step = TIME_STEPS.find((s) => span / s <= 6) ?? Math.ceil(span / 6 / 86_400) * 86_400;
  const lo = Math.max(0, Math.floor((min - pad) / step) * step);
  return { lo, hi: Math.max(lo + step, Math.ceil((max + pad) / step) * step), step };
}

const HALT_STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];

/** The P(halt) axis from 0 in round steps, at most five of them. */
function haltScale(max: number): { max: number; step: number; ticks: number } {
  const top = Math.min(1, Math.max(0.01, max * 1.05));
  const step = HALT_STEPS.find((s) => top / s <= 5) ?? 0.25;
  const ticks = Math.max(1, Math.ceil(top / step - 1e-9));
  return { max: step * ticks, step, ticks };
}

function legend(): HTMLElement {
  return el(
    'p',
    { class: 'advisor-legend' },
    'Larger points keep more instances serving; colour shows how far a bad image gets (',
    el('span', { class: 'swatch reach-low' }),
    ' fewest, ',
    el('span', { class: 'swatch reach-high' }),
    ' most). Outlined points are the Pareto front; dashed lines are your goals. Click a point to see it.',
  );
}

// ── the selected policy ──────────────────────────────────────────────────────────────────────────────

function details(a: Advice, c: Candidate, onApply: (p: AdvisorPolicy) => void): HTMLElement {
  const isCurrent = samePolicy(c.policy, a.current.policy);
  const isRecommended = samePolicy(c.policy, a.recommended.policy);
  const name = isCurrent ? 'The current policy' : isRecommended ? 'The recommended policy' : 'The selected policy';
  const box = el('div', { class: 'advisor-selected', 'data-testid': 'advisor-selected' });
  box.append(
    el('p', {}, `${name}: ${policyText(c.policy)}.`),
    el(
      'p',
      {},
      `P(halt) ${formatPHalt(c.pHalt)}${c.pHaltMethod === 'monteCarlo' ? '' : ' (exact)'}, p50 ${formatDuration(c.durationP50Seconds)}, p90 ${formatDuration(c.durationP90Seconds)}, ${c.minServing} serving at least, a bad image reaches ${c.badImageTouched}; ${c.batches}.`,
    ),
  );
  if (isRecommended && !a.front.some((f) => samePolicy(f.policy, c.policy)))
    box.append(
      el(
        'p',
        { class: 'note', 'data-testid': 'advisor-off-front' },
        'It is not on the Pareto front: a looser gate scores better here, but the recommendation changes the policy no more than the goals need (a looser gate lets a partly bad image further than these measures show).',
      ),
    );
  if (isCurrent) return box;
  if (a.candidatesUseRollingUpgradePolicy)
    box.append(
      el(
        'p',
        { class: 'note' },
        'Applying it also sets automaticOSUpgradePolicy.useRollingUpgradePolicy to true, so the OS upgrade uses it.',
      ),
    );
  box.append(
    button(isRecommended ? 'Apply recommended policy' : 'Apply this policy', () => onApply(c.policy), {
      appearance: isRecommended ? 'primary' : 'secondary',
      testId: 'advisor-apply',
      title: 'Write this policy into the template (one edit; Undo reverts it)',
    }),
  );
  return box;
}

function frontTable(a: Advice): HTMLTableElement {
  const label = (c: Candidate) =>
    samePolicy(c.policy, a.current.policy) ? 'current' : samePolicy(c.policy, a.recommended.policy) ? 'recommended' : '';
  return table(
    'Pareto front: no other evaluated policy is as good on every measure',
    ADVICE_TABLE_HEADER,
    a.front.map((c) => [label(c), ...policyCells(c.policy), ...measureCells(c)]),
    'advisor-front-table',
  );
}
