/**
 * The settings that differ between two resolved scale-set resources, leaf by leaf. Names match
 * case-insensitively (as ARM reads them); arrays of named items (extensions, NICs, IP configurations) or of
 * data disks (by lun) are matched by item, other arrays compare whole. A value an expression computes that
 * the engine cannot evaluate is unknown: two identical expressions are the same setting, anything else
 * "may change", never a guess.
 */
import type { RValue } from '../model/templateModel';

export interface SettingChange {
  /** Display path: `properties.virtualMachineProfile.extensionProfile.extensions[health].properties.settings`. */
  readonly path: string;
  /** Lower-cased segments with `[]` for items, for the table. */
  readonly pattern: readonly string[];
  readonly before: RValue | undefined;
  readonly after: RValue | undefined;
  /** One side or both are computed by expressions the engine cannot evaluate. */
  readonly uncertain: boolean;
}

/** Keys that say nothing about the deployed scale set (ARM template syntax, read-only output of `az vmss show`). */
const IGNORED_TOP = new Set([
  'type',
  'dependson',
  'condition',
  'copy',
  'comments',
  'metadata',
  'scope',
  'id',
  'resourcegroup',
  'etag',
  'managedby',
  'name',
]);
const IGNORED_PROPERTIES = new Set(['provisioningstate', 'uniqueid', 'timecreated', 'etag']);

/** The resource-level keys of a scale set; in `az vmss show` output everything else is one of its properties. */
const RESOURCE_KEYS = new Set(['apiversion', 'location', 'sku', 'zones', 'identity', 'tags', 'plan', 'extendedlocation', 'properties']);

type Entry = { readonly name: string; readonly value: RValue };

/** The differences between two resources (each the whole resource object; `vmssShow` when it has no `properties` level). */
export function diffResources(
  before: RValue | undefined,
  after: RValue | undefined,
  shapes: { readonly beforeFlat: boolean; readonly afterFlat: boolean },
): SettingChange[] {
  const out: SettingChange[] = [];
  const b = topEntries(before, shapes.beforeFlat);
  const a = topEntries(after, shapes.afterFlat);
  walkEntries(b, a, [], [], out, IGNORED_TOP);
  // `az vmss show` prints every setting Azure holds, defaults included, and no apiVersion: against it, a
  // setting the template does not write is not a change, and the API version is not compared.
  if (!shapes.beforeFlat) return out;
  return out.filter((c) => c.after !== undefined && c.pattern[0] !== 'apiversion');
}

/** The resource's entries with `properties` always one level down (az vmss show prints them at the top). */
function topEntries(resource: RValue | undefined, flat: boolean): Entry[] {
  if (resource?.kind !== 'object') return [];
  if (!flat) return resource.properties.map((p) => ({ name: p.name, value: p.value }));
  const top: Entry[] = [];
  const props: Entry[] = [];
  for (const p of resource.properties) {
    const key = p.name.toLowerCase();
    (RESOURCE_KEYS.has(key) || IGNORED_TOP.has(key) ? top : props).push({ name: p.name, value: p.value });
  }
  if (props.length > 0) {
    const span = resource.span;
    top.push({
      name: 'properties',
      value: { kind: 'object', span, source: resource.source, properties: props.map((p) => ({ ...p, keySpan: span })) },
    });
  }
  return top;
}

function walkEntries(
  before: readonly Entry[],
  after: readonly Entry[],
  path: readonly string[],
  pattern: readonly string[],
  out: SettingChange[],
  ignored: ReadonlySet<string> | undefined,
): void {
  const names: string[] = [];
  const seen = new Map<string, { b?: RValue; a?: RValue; name: string }>();
  const add = (e: Entry, side: 'b' | 'a') => {
    const key = e.name.toLowerCase();
    if (ignored?.has(key)) return;
    let slot = seen.get(key);
    if (!slot) {
      seen.set(key, (slot = { name: e.name }));
      names.push(key);
    }
    slot[side] = e.value;
    if (side === 'a') slot.name = e.name;
  };
  for (const e of before) add(e, 'b');
  for (const e of after) add(e, 'a');
  for (const key of names) {
    const slot = seen.get(key)!;
    const nextIgnored = path.length === 0 && key === 'properties' ? IGNORED_PROPERTIES : undefined;
    walk(slot.b, slot.a, [...path, slot.name], [...pattern, key], out, nextIgnored);
  }
}

function walk(
  before: RValue | undefined,
  after: RValue | undefined,
  path: readonly string[],
  pattern: readonly string[],
  out: SettingChange[],
  ignored?: ReadonlySet<string>,
): void {
  if (before === undefined && after === undefined) return;
  const emit = (uncertain: boolean) => out.push({ path: displayPath(path), pattern, before, after, uncertain });
  if (before?.kind === 'unknown' || after?.kind === 'unknown') {
    if (before?.kind === 'unknown' && after?.kind === 'unknown' && sameExpression(before, after)) return;
    emit(true);
    return;
  }
  if (before?.kind === 'object' && after?.kind === 'object') {
    walkEntries(before.properties, after.properties, path, pattern, out, ignored);
    return;
  }
  if (before?.kind === 'array' && after?.kind === 'array') {
    const keyOf = itemKey(before.items, after.items);
    if (keyOf) {
      walkItems(before.items, after.items, keyOf, path, pattern, out);
      return;
    }
  }
  if (before !== undefined && after !== undefined && sameValue(before, after)) return;
  emit(hasUnknown(before) || hasUnknown(after));
}

function walkItems(
  before: readonly RValue[],
  after: readonly RValue[],
  keyOf: (item: RValue) => string,
  path: readonly string[],
  pattern: readonly string[],
  out: SettingChange[],
): void {
  const order: string[] = [];
  const slots = new Map<string, { b?: RValue; a?: RValue }>();
  const add = (item: RValue, side: 'b' | 'a') => {
    const key = keyOf(item);
    let slot = slots.get(key.toLowerCase());
    if (!slot) {
      slots.set(key.toLowerCase(), (slot = {}));
      order.push(key);
    }
    slot[side] = item;
  };
  for (const item of before) add(item, 'b');
  for (const item of after) add(item, 'a');
  const last = path.length - 1;
  for (const key of order) {
    const slot = slots.get(key.toLowerCase())!;
    walk(slot.b, slot.a, [...path.slice(0, last), `${path[last]}[${key}]`], [...pattern, '[]'], out);
  }
}

/** How the items of two arrays are matched: by a `name` both sides give every item, else a `lun`; else undefined. */
function itemKey(before: readonly RValue[], after: readonly RValue[]): ((item: RValue) => string) | undefined {
  const items = [...before, ...after];
  if (items.length === 0) return undefined;
  for (const field of ['name', 'lun']) {
    const keys = items.map((item) => keyField(item, field));
    if (keys.every((k) => k !== undefined) && new Set(keys.slice(0, before.length)).size === before.length) {
      return (item) => keyField(item, field)!;
    }
  }
  return undefined;
}

function keyField(item: RValue, field: string): string | undefined {
  if (item.kind !== 'object') return undefined;
  const found = item.properties.find((p) => p.name.toLowerCase() === field)?.value;
  if (found?.kind === 'string') return found.value;
  if (found?.kind === 'number') return String(found.value);
  // A name an expression computes: the same expression on both sides is the same item.
  if (found?.kind === 'unknown' && found.expression !== undefined) return found.expression;
  return undefined;
}

function sameExpression(a: RValue, b: RValue): boolean {
  return a.expression !== undefined && a.expression === b.expression;
}

/** Structural equality of two resolved values (object keys case-insensitive and in any order). */
export function sameValue(a: RValue, b: RValue): boolean {
  if (a.kind === 'unknown' || b.kind === 'unknown') return a.kind === b.kind && sameExpression(a, b);
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'object': {
      const bp = (b as typeof a).properties;
      if (a.properties.length !== bp.length) return false;
      return a.properties.every((p) => {
        const other = bp.find((q) => q.name.toLowerCase() === p.name.toLowerCase());
        return other !== undefined && sameValue(p.value, other.value);
      });
    }
    case 'array': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((item, i) => sameValue(item, bi[i]!));
    }
    default:
      return a.value === (b as typeof a).value;
  }
}

function hasUnknown(v: RValue | undefined): boolean {
  if (v === undefined) return false;
  if (v.kind === 'unknown') return true;
  if (v.kind === 'object') return v.properties.some((p) => hasUnknown(p.value));
  if (v.kind === 'array') return v.items.some(hasUnknown);
  return false;
}

function displayPath(path: readonly string[]): string {
  return path.join('.');
}
