/**
 * Change impact: what deploying `after` over `before` does to each scale set's running instances, from the
 * templates alone. Scale sets match by name (a renamed one is a new resource); every changed setting gets
 * its class from the table (table.ts), the effect on the existing instances under the new upgrade mode, and
 * when the model changes, the rollout: the simulator's plan and run of that model update (core/sim).
 */
import type { RValue, ScaleSetModel, TemplateModel } from '../model/templateModel';
import { asString } from '../model/values';
import { buildReport, simInputFromScaleSet, simulate, type SimReport } from '../sim';
import type { Source } from '../catalog/sources';
import { diffResources, type SettingChange } from './diff';
import { IMPACT_SOURCES } from './sources';
import { rowFor, type ChangeDirection, type ImpactClass, type ImpactFact, type ImpactRow } from './table';
import { count } from '../text/plural';

export type ScaleSetStatus = 'changed' | 'added' | 'removed' | 'unchanged';
export type UpgradeModeName = 'Automatic' | 'Rolling' | 'Manual';

/** A JSON value as the report prints it (an unknown value prints as its expression). */
export type ShownValue = null | boolean | number | string | readonly ShownValue[] | { readonly [key: string]: ShownValue };

export interface ImpactChange {
  readonly path: string;
  readonly before: ShownValue;
  readonly after: ShownValue;
  readonly class: ImpactClass;
  /** What the change does to the existing instances under the new upgrade mode, in one paragraph. */
  readonly effect: string;
  /** The fact sheet marks the fact UNVERIFIED, or a value is computed by an expression that cannot be evaluated here. */
  readonly unverified: boolean;
  readonly source: Source;
  /** Azure's error text, where documented (refused changes). */
  readonly azureError?: string;
  /** A value on one side cannot be evaluated here: the setting may change, or may not. */
  readonly mayChange?: boolean;
}

export interface ImpactRollout {
  /** The new upgrade mode (Manual when the template does not set one: Azure's default). */
  readonly mode: UpgradeModeName | 'unknown';
  /** As in `simulate --format json`: the batches when every instance stays healthy, and the simulated run. */
  readonly plan: SimReport['plan'];
  readonly run: SimReport['run'];
  /** One line: what the existing instances go through. */
  readonly summary: string;
}

export interface ScaleSetImpact {
  readonly name: string;
  readonly status: ScaleSetStatus;
  readonly changes: readonly ImpactChange[];
  readonly rollout: ImpactRollout | null;
}

export interface ImpactReport {
  readonly version: 1;
  readonly scaleSets: readonly ScaleSetImpact[];
}

const DEFAULT_SOURCE = IMPACT_SOURCES.modify;
const UNLISTED: ImpactFact = {
  class: 'none',
  effect: 'Not in our table: its effect on instances is not known.',
  unverified: true,
  source: 'modify',
};
const HIDDEN = /password|protectedsettings|secret/i;

/** Compares the scale sets of two template models (each read with its own parameters). */
export function compareScaleSets(before: TemplateModel, after: TemplateModel): ImpactReport {
  const pairs = matchScaleSets(before.scaleSets, after.scaleSets);
  const removed = pairs.filter((p) => p.after === undefined).map((p) => p.before!);
  const scaleSets = pairs.map(({ before: b, after: a }): ScaleSetImpact => {
    if (a === undefined) return { name: b!.displayName, status: 'removed', changes: [], rollout: null };
    if (b === undefined)
      return { name: a.displayName, status: 'added', changes: removed.length > 0 ? [renamed(removed)] : [], rollout: null };
    const changes = compareOne(b, a);
    return { name: a.displayName, status: changes.length > 0 ? 'changed' : 'unchanged', changes, rollout: rolloutOf(a, changes) };
  });
  return { version: 1, scaleSets };
}

interface Pair {
  readonly before?: ScaleSetModel;
  readonly after?: ScaleSetModel;
}

/** Pairs by resolved name (case-insensitive), then by the same name expression; a lone pair whose name is unknown on a side is one scale set. */
function matchScaleSets(before: readonly ScaleSetModel[], after: readonly ScaleSetModel[]): Pair[] {
  const keyOf = (s: ScaleSetModel) => {
    const name = asString(s.name);
    return name !== undefined ? `name:${name.toLowerCase()}` : `expr:${s.name?.expression ?? s.displayName}`;
  };
  const left = [...before];
  const pairs: Pair[] = [];
  const unmatched: ScaleSetModel[] = [];
  for (const a of after) {
    const i = left.findIndex((b) => keyOf(b) === keyOf(a));
    if (i >= 0) pairs.push({ before: left.splice(i, 1)[0]!, after: a });
    else unmatched.push(a);
  }
  const unknownName = (s: ScaleSetModel) => s.name === undefined || s.name.kind === 'unknown';
  if (unmatched.length === 1 && left.length === 1 && (unknownName(unmatched[0]!) || unknownName(left[0]!))) {
    pairs.push({ before: left.pop()!, after: unmatched.pop()! });
  }
  for (const a of unmatched) pairs.push({ after: a });
  for (const b of left) pairs.push({ before: b });
  return pairs;
}

function renamed(removed: readonly ScaleSetModel[]): ImpactChange {
  const row = rowFor(['name'])!;
  return {
    path: 'name',
    before: removed.length === 1 ? removed[0]!.displayName : removed.map((r) => r.displayName).join(', '),
    after: null,
    class: row.class,
    effect: `${row.effect} A scale set of another name is not the same resource.`,
    unverified: row.unverified,
    source: IMPACT_SOURCES[row.source],
  };
}

/** The changes of one matched pair. */
export function compareOne(before: ScaleSetModel, after: ScaleSetModel): ImpactChange[] {
  const settingChanges = diffResources(resourceOf(before), resourceOf(after), {
    beforeFlat: before.shape === 'vmssShow',
    afterFlat: after.shape === 'vmssShow',
  });
  const mode = modeOf(after);
  const flexible = /^flex/i.test(asString(after.orchestrationMode?.value) ?? asString(before.orchestrationMode?.value) ?? '');
  const api = asString(after.apiVersion);
  const oldApi = api !== undefined && /^\d{4}-\d{2}-\d{2}/.test(api) && api < '2023-03-01';
  return settingChanges.map((c) => classify(c, mode, flexible, oldApi));
}

/** The resolved resource; a model built without one is read from the settings it holds. */
function resourceOf(s: ScaleSetModel): RValue | undefined {
  return s.resolveResource?.();
}

export function modeOf(s: ScaleSetModel): UpgradeModeName | 'unknown' {
  const value = s.mode?.value;
  if (value === undefined) return 'Manual';
  const text = asString(value)?.toLowerCase();
  if (text === 'automatic') return 'Automatic';
  if (text === 'rolling') return 'Rolling';
  if (text === 'manual') return 'Manual';
  return 'unknown';
}

function classify(change: SettingChange, mode: UpgradeModeName | 'unknown', flexible: boolean, oldApi: boolean): ImpactChange {
  const row = rowFor(change.pattern);
  const fact = factFor(row, change, flexible, oldApi);
  const unknown = change.uncertain;
  const effect = [
    unknown ? 'May change: a value here is computed when deploying and cannot be evaluated from the template.' : '',
    fact.effect,
    modePart(fact.class, mode),
  ]
    .filter((s) => s !== '')
    .join(' ');
  return {
    path: change.path,
    before: shown(change.before, change.path),
    after: shown(change.after, change.path),
    class: fact.class,
    effect,
    unverified: fact.unverified || unknown,
    source: IMPACT_SOURCES[fact.source] ?? DEFAULT_SOURCE,
    ...(fact.azureError === undefined ? {} : { azureError: fact.azureError }),
    ...(unknown ? { mayChange: true } : {}),
  };
}

function factFor(row: ImpactRow | undefined, change: SettingChange, flexible: boolean, oldApi: boolean): ImpactFact {
  if (!row) return UNLISTED;
  const base: ImpactFact = flexible && row.flexible ? { ...row, ...row.flexible } : row;
  const direction = directionOf(change);
  // The API version the new template deploys with (for zones: added in place only from 2023-03-01).
  if (oldApi) direction.add('beforeApi2023');
  const variant = row.variants?.find((v) => direction.has(v.when));
  return variant ?? base;
}

/** Which directions a change goes in (zones dropped, a flag turned off, …). */
function directionOf(change: SettingChange): Set<ChangeDirection> {
  const out = new Set<ChangeDirection>();
  const b = change.before;
  const a = change.after;
  const bool = (v: RValue | undefined) => (v?.kind === 'boolean' ? v.value : undefined);
  if (bool(b) === true && bool(a) === false) out.add('trueToFalse').add('turnedOff');
  if (bool(b) === false && bool(a) === true) out.add('falseToTrue').add('turnedOn');
  if (bool(b) === true && a === undefined) out.add('turnedOff');
  // Manual (or absent: Azure's default) to Automatic or Rolling.
  const manual = (v: RValue | undefined) => v === undefined || asString(v)?.toLowerCase() === 'manual';
  if (change.pattern.join('.') === 'properties.upgradepolicy.mode' && manual(b) && /^(automatic|rolling)$/i.test(asString(a) ?? ''))
    out.add('fromManual');
  if (b?.kind === 'array') {
    const kept = new Set(a?.kind === 'array' ? a.items.map((i) => JSON.stringify(plain(i))) : []);
    if (b.items.some((i) => !kept.has(JSON.stringify(plain(i))))) out.add('listShrinks');
  }
  return out;
}

/** What a model or reimage change does to the existing instances under the new upgrade mode. */
function modePart(cls: ImpactClass, mode: UpgradeModeName | 'unknown'): string {
  if (cls !== 'model' && cls !== 'reimage') return '';
  const delivery: Record<UpgradeModeName | 'unknown', string> = {
    Rolling: 'Under Rolling, existing instances get it batch by batch (see the rollout).',
    Automatic: 'Under Automatic, Azure applies it to all existing instances at once, so they may all be down at the same time.',
    Manual: 'Under Manual, existing instances keep the old model until someone upgrades them; new instances get it.',
    unknown: 'The upgrade mode cannot be evaluated here, so how existing instances get it is not known.',
  };
  const reimage =
    cls === 'reimage'
      ? ' The upgrade alone does not apply it: each instance needs a reimage, which replaces its OS disk (anything stored there is lost, with an ephemeral OS disk all local data).'
      : '';
  return delivery[mode] + reimage;
}

/** The rollout of the model update when one changes: the simulator's plan and run under the new policy. */
function rolloutOf(after: ScaleSetModel, changes: readonly ImpactChange[]): ImpactRollout | null {
  if (!changes.some((c) => c.class === 'model' || c.class === 'reimage')) return null;
  let report: SimReport;
  try {
    const mapped = simInputFromScaleSet(after, { trigger: 'model' });
    report = buildReport(mapped, simulate(mapped.input));
  } catch {
    return null;
  }
  const mode = modeOf(after);
  return { mode, plan: report.plan, run: report.run, summary: rolloutSummary(mode, report) };
}

function rolloutSummary(mode: UpgradeModeName | 'unknown', report: SimReport): string {
  const n = report.plan.capacity;
  if (mode === 'Manual') return `0 of ${count(n, 'instance')} change until manual upgrade.`;
  if (mode === 'Automatic')
    return n === 1 ? `Its only instance, with no batches: ${report.run.summary}.` : `All ${n} instances at once: ${report.run.summary}.`;
  if (mode === 'Rolling') {
    const batches = report.plan.batches.length;
    return `Rolling model update of ${n} instances in ${batches} batch${batches === 1 ? '' : 'es'}: ${report.run.summary}.`;
  }
  return `The upgrade mode cannot be evaluated here; as simulated: ${report.run.summary}.`;
}

/** A value as the report prints it: plain JSON, an unknown as its expression, secrets hidden. */
function shown(value: RValue | undefined, path: string): ShownValue {
  if (value === undefined) return null;
  if (HIDDEN.test(path)) return '(hidden)';
  return plain(value);
}

function plain(value: RValue): ShownValue {
  switch (value.kind) {
    case 'object':
      return Object.fromEntries(value.properties.map((p) => [p.name, HIDDEN.test(p.name) ? '(hidden)' : plain(p.value)]));
    case 'array':
      return value.items.map(plain);
    case 'unknown':
      return value.expression ?? '(unknown)';
    default:
      return value.value;
  }
}
