import type { PathSegment as Segment } from '../languageTypes';
import { isApiVersionAtLeast, POLICY_OBJECT_PATHS, POLICY_OBJECTS, type PolicyObjectId, type PolicyProperty } from '../catalog';
import type { ScaleSetModel } from '../model/templateModel';
import { authoredMarkdown, type Markdown } from '../text/markdown';

/**
 * Maps a path inside a scale set to the catalog: which policy object an object path denotes, and the
 * properties a scale set's API version allows. Shared by completion, hover and hints.
 */

/** The policy object at this path (names compared case-insensitively, as ARM does; `*` matches an array index). */
export function policyObjectAt(path: readonly Segment[]): PolicyObjectId | undefined {
  for (const [objectPath, id] of POLICY_OBJECT_PATHS) {
    if (
      objectPath.length === path.length &&
      objectPath.every((name, i) =>
        name === '*'
          ? typeof path[i] === 'number'
          : typeof path[i] === 'string' && (path[i] as string).toLowerCase() === name.toLowerCase(),
      )
    )
      return id;
  }
  return undefined;
}

/** The catalog entry of the property at `path` (its last segment in the object the rest denotes). */
export function policyPropertyAt(path: readonly Segment[]): { objectId: PolicyObjectId; property: PolicyProperty } | undefined {
  const name = path[path.length - 1];
  const objectId = policyObjectAt(path.slice(0, -1));
  if (typeof name !== 'string' || !objectId) return undefined;
  const lower = name.toLowerCase();
  const property = POLICY_OBJECTS[objectId].properties.find((p) => p.name.toLowerCase() === lower);
  return property ? { objectId, property } : undefined;
}

export function apiVersionOf(scaleSet: ScaleSetModel): string | undefined {
  return scaleSet.apiVersion?.kind === 'string' ? scaleSet.apiVersion.value : undefined;
}

/**
 * Whether the property exists in this API version. Unknown versions (an expression, a typo) allow every
 * current property but no legacy one, which is what a new template would want.
 */
export function allowedInApiVersion(property: Pick<PolicyProperty, 'since' | 'removedIn'>, apiVersion: string | undefined): boolean {
  if (apiVersion === undefined) return property.removedIn === undefined;
  const since = isApiVersionAtLeast(apiVersion, property.since);
  if (since === undefined) return property.removedIn === undefined;
  if (!since) return false;
  return property.removedIn === undefined || isApiVersionAtLeast(apiVersion, property.removedIn) === false;
}

/** "integer · 5–100 · default 20 · since 2017-03-30": the one-line detail of completions and hovers. */
export function propertyDetail(property: PolicyProperty): string {
  const parts: string[] = [property.type === 'enum' ? (property.enumValues ?? []).join(' | ') : property.type];
  if (property.minimum !== undefined || property.maximum !== undefined) parts.push(`${property.minimum ?? '…'}–${property.maximum ?? '…'}`);
  if (property.minimumDuration !== undefined || property.maximumDuration !== undefined)
    parts.push(
      property.minimumDuration === property.maximumDuration
        ? `must be ${property.minimumDuration}`
        : `${property.minimumDuration ?? '…'}–${property.maximumDuration ?? '…'}`,
    );
  if (property.default !== undefined) parts.push(`default ${String(property.default)}`);
  parts.push(property.removedIn ? `API ${property.since} to before ${property.removedIn}` : `since API ${property.since}`);
  return parts.join(' · ');
}

/** The catalog's description, its unsettled facts, and the Azure docs link, as Markdown (all the catalog's own). */
export function propertyDocumentation(property: PolicyProperty): Markdown {
  const lines = [property.description];
  for (const note of property.unverified ?? []) lines.push('', `*Not settled by Azure's documentation:* ${note}`);
  lines.push('', `[Azure documentation](${property.docs})`);
  return authoredMarkdown(lines.join('\n'));
}
