/**
 * The "Change impact" section: what deploying the open template over its baseline (HEAD, another
 * revision or file, the live scale set) does to the selected scale set's running instances — each
 * changed setting with its class, badges for what is refused, needs a reimage or is unverified, Azure's
 * error text, the source, and the rollout the simulator plans for the model update. The words and
 * numbers come from the engine's report (the editor's lens says the same line); nothing is computed here.
 */
import { el } from '../dom';
import type { PreviewChangeImpact, PreviewScaleSetImpact } from '../protocol';
import { formatDuration } from './format';

/** Classes that stop or replace something: shown as warnings. */
const DANGER = new Set(['refused', 'newResource']);
const CAUTION = new Set(['reimage', 'deallocate']);
/** Batches drawn in the rollout strip; a longer plan says how many more. */
const MAX_BATCHES_DRAWN = 40;

export function renderChangeImpact(impact: PreviewChangeImpact, scaleSet: { readonly name: string }): HTMLElement {
  const section = el('section', { class: 'change-impact', 'aria-label': 'Change impact', 'data-testid': 'change-impact', tabindex: -1 });
  section.append(el('h3', {}, `Change impact (vs ${impact.label})`));
  const mine = impact.scaleSets.find((s) => s.name === scaleSet.name);
  if (!mine) {
    section.append(el('p', { class: 'empty' }, `${impact.label} has no scale set of this name: deploying creates it.`));
    return section;
  }
  section.append(el('p', { class: 'headline', 'data-testid': 'change-impact-headline' }, headlineOf(mine, impact.label)));
  if (mine.changes.length > 0) section.append(changesTable(mine));
  if (mine.rollout) section.append(rollout(mine.rollout));
  return section;
}

function headlineOf(s: PreviewScaleSetImpact, label: string): string {
  if (s.status === 'unchanged') return `No change to this scale set against ${label}.`;
  return `Deploying this: ${s.headline}.`;
}

function changesTable(s: PreviewScaleSetImpact): HTMLTableElement {
  const rows = s.changes.map((c) =>
    el(
      'tr',
      { 'data-class': c.class },
      el(
        'td',
        {},
        el('span', { class: `badge impact-${DANGER.has(c.class) ? 'danger' : CAUTION.has(c.class) ? 'caution' : 'plain'}` }, c.class),
        c.unverified ? el('span', { class: 'badge impact-unverified', title: 'The fact sheet marks this UNVERIFIED' }, 'unverified') : null,
        c.mayChange ? el('span', { class: 'badge impact-unverified' }, 'may change') : null,
      ),
      el('td', {}, el('code', {}, c.path)),
      el('td', {}, el('code', {}, c.before), ' → ', el('code', {}, c.after)),
      el(
        'td',
        {},
        c.effect,
        // A refused change gets Azure's answer; for others it is what Azure answers where the change is not allowed.
        c.azureError
          ? el(
              'div',
              { class: 'azure-error' },
              c.class === 'refused' ? 'Azure answers: ' : 'Azure answers where not allowed: ',
              el('q', {}, c.azureError),
            )
          : null,
        el('div', { class: 'source' }, el('a', { href: c.source.url }, c.source.title)),
      ),
    ),
  );
  return el(
    'table',
    { class: 'data impact', 'data-testid': 'change-impact-table' },
    el('caption', {}, 'Changed settings'),
    el('thead', {}, el('tr', {}, ...['Class', 'Setting', 'Before → after', 'What it does'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows),
  );
}

function rollout(r: NonNullable<PreviewScaleSetImpact['rollout']>): HTMLElement {
  const largest = Math.max(1, ...r.batchSizes);
  const drawn = r.batchSizes.slice(0, MAX_BATCHES_DRAWN);
  return el(
    'div',
    { class: 'rollout', 'data-testid': 'change-impact-rollout' },
    el('h4', {}, `Rollout (${r.mode}) · ≈${formatDuration(r.durationSeconds)}`),
    el('p', {}, r.summary),
    r.mode === 'Rolling' && drawn.length > 0
      ? el(
          'ol',
          { class: 'batches', 'aria-label': 'Planned batches' },
          ...drawn.map((size, i) =>
            el(
              'li',
              { class: `batch-size-${Math.max(1, Math.round((4 * size) / largest))}`, title: `Batch ${i + 1}: ${size}` },
              String(size),
            ),
          ),
          r.batchSizes.length > drawn.length ? el('li', { class: 'more' }, `… ${r.batchSizes.length - drawn.length} more`) : null,
        )
      : null,
  );
}
