import { Unknown } from '../expressions/values';
import type { SuppliedParameter } from '../arm/templateScope';
import type { ScaleSetModel } from '../model/templateModel';
import type { Span } from '../text/span';
import { BicepScope, findProperty, resourceBody } from './bicepScope';
import { parseBicep } from './parser';
import type { ModuleDecl, Statement } from './syntax';
import { buildModel } from './toModel';

/** Reads a file by its path relative to the template being analysed; undefined when it cannot. */
export type ReadFile = (relativePath: string) => string | undefined;

/** Modules nest; beyond this depth (or on a cycle) they are not followed. */
const MAX_MODULE_DEPTH = 8;

/**
 * Scale sets declared in local modules (`module m './vmss.bicep' = { params: { … } }`), read with the
 * params the caller passes. Their spans are in another file, so every span is moved onto the module's
 * symbolic name here: diagnostics show on the module line, and no quick fix can edit the wrong text.
 */
export function moduleScaleSets(
  statements: readonly Statement[],
  scope: BicepScope,
  dir: string,
  readFile: ReadFile,
  visiting: readonly string[],
): ScaleSetModel[] {
  if (visiting.length > MAX_MODULE_DEPTH) return [];
  const found: ScaleSetModel[] = [];
  for (const decl of statements) {
    if (decl.kind !== 'module' || !isLocalBicep(decl.path)) continue;
    const path = joinPath(dir, decl.path);
    if (visiting.includes(path)) continue;
    let text: string | undefined;
    try {
      text = readFile(path);
    } catch {
      text = undefined;
    }
    if (text === undefined) continue;
    const file = parseBicep(text);
    const inner = new BicepScope(file, text, suppliedParams(decl, scope));
    const innerDir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const scaleSets = [...buildModel(inner).scaleSets, ...moduleScaleSets(file.statements, inner, innerDir, readFile, [...visiting, path])];
    for (const s of scaleSets) found.push(relocate(s, decl));
  }
  return found;
}

function suppliedParams(decl: ModuleDecl, scope: BicepScope): Map<string, SuppliedParameter> {
  const supplied = new Map<string, SuppliedParameter>();
  const body = resourceBody(decl.body);
  const params = findProperty(body.object, 'params');
  if (params?.kind !== 'object') return supplied;
  const locals = new Map<string, Unknown>();
  if (body.loop?.itemName) locals.set(body.loop.itemName, new Unknown(body.loop.itemName, 'the loop item differs per module copy'));
  if (body.loop?.indexName) locals.set(body.loop.indexName, new Unknown(body.loop.indexName, 'the loop index differs per module copy'));
  for (const prop of params.properties) {
    if (prop.spread || prop.computedKey) continue;
    const result = scope.evaluate(prop.value, locals);
    // A value the caller passes reaches the module as a deployment parameter does.
    supplied.set(prop.key.toLowerCase(), { value: result.value, source: result.source === 'unknown' ? 'unknown' : 'parametersFile' });
  }
  return supplied;
}

function relocate(scaleSet: ScaleSetModel, decl: ModuleDecl): ScaleSetModel {
  const moved = moveSpans(scaleSet, decl.nameSpan, 0) as ScaleSetModel;
  return { ...moved, path: ['modules', decl.name, ...scaleSet.path], displayName: `${decl.name}/${scaleSet.displayName}` };
}

function moveSpans(value: unknown, span: Span, depth: number): unknown {
  if (depth > 200 || value === null || typeof value !== 'object' || value instanceof Unknown) return value;
  if (Array.isArray(value)) return value.map((item) => moveSpans(item, span, depth + 1));
  const record = value as Record<string, unknown>;
  if (typeof record.offset === 'number' && typeof record.length === 'number' && Object.keys(record).length === 2) return span;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = moveSpans(record[key], span, depth + 1);
  return out;
}

function isLocalBicep(path: string): boolean {
  return path.toLowerCase().endsWith('.bicep') && !/^[a-z]+:/i.test(path);
}

/** `dir` + `relative`, with `.` and `..` segments resolved (pure: no Node path module). */
export function joinPath(dir: string, relative: string): string {
  const parts: string[] = [];
  for (const segment of [...dir.split('/'), ...relative.replace(/\\/g, '/').split('/')]) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}
