import { Unknown } from '../expressions/values';
import { readLoadBalancerAt, readServiceFabricClusterAt } from '../arm/readNeighbours';
import { readScaleSet } from '../arm/readScaleSet';
import { fromEvalValue, Resolver } from '../arm/resolver';
import { TemplateScope } from '../arm/templateScope';
import type {
  LoadBalancerModel,
  ParameterInfo,
  RObject,
  RProperty,
  RValue,
  ScaleSetModel,
  ServiceFabricClusterModel,
} from '../model/templateModel';
import { asString, getProp } from '../model/values';
import type { BicepScope, ResourceEntry } from './bicepScope';
import { toRValue } from './toRValue';

const SCALE_SET = 'microsoft.compute/virtualmachinescalesets';
const SCALE_SET_EXTENSION = 'microsoft.compute/virtualmachinescalesets/extensions';
const LOAD_BALANCER = 'microsoft.network/loadbalancers';
const SF_CLUSTER = 'microsoft.servicefabric/clusters';

/** What one Bicep file declares, in the format-neutral model. */
export interface BicepModelParts {
  readonly scaleSets: ScaleSetModel[];
  readonly loadBalancers: LoadBalancerModel[];
  readonly serviceFabricClusters: ServiceFabricClusterModel[];
  readonly parameters: ParameterInfo[];
}

/** Cursors over resolved values never consult the resolver; it exists only to satisfy the reader. */

/**
 * Reads the resources of one Bicep file into the model through the same readers as JSON: each resource
 * body becomes a resolved object (with `type`, `apiVersion`, `condition` and `copy` added from the
 * declaration, as ARM would have them), then readScaleSet reads it.
 */
export function buildModel(scope: BicepScope): BicepModelParts {
  // Bicep values arrive resolved ({ value } cursors), so the readers never ask this resolver anything.
  const noResolver = new Resolver(new TemplateScope(undefined, new Map()));
  const deployed = scope.allResources().filter((entry) => !entry.decl.existing && entry.body.object);
  const ofType = (type: string) => deployed.filter((entry) => entry.fullType.toLowerCase() === type);
  const roots = new Map<ResourceEntry, RObject>();
  const rootOf = (entry: ResourceEntry) => {
    let root = roots.get(entry);
    if (!root) roots.set(entry, (root = resourceRoot(entry, scope)));
    return root;
  };

  const scaleSetEntries = ofType(SCALE_SET);
  const extensions = ofType(SCALE_SET_EXTENSION);
  const scaleSets = scaleSetEntries.map((entry) =>
    readScaleSet({
      root: { value: rootOf(entry) },
      path: ['resources', entry.decl.name],
      shape: 'template',
      resolver: noResolver,
      typeSpelling: entry.decl.type,
      childExtensions: extensions
        .filter((ext) => ownerOf(ext, scaleSetEntries, rootOf) === entry)
        .map((ext) => ({ root: { value: rootOf(ext) }, resolver: noResolver })),
    }),
  );
  return {
    scaleSets,
    loadBalancers: ofType(LOAD_BALANCER).map((entry) => readLoadBalancerAt({ value: rootOf(entry) }, noResolver)),
    serviceFabricClusters: ofType(SF_CLUSTER).map((entry) => readServiceFabricClusterAt({ value: rootOf(entry) }, noResolver)),
    parameters: [...scope.params.values()].map((decl) => {
      const entry = scope.parameter(decl.name);
      return {
        name: decl.name,
        keySpan: decl.nameSpan,
        // `@secure() string` compiles to ARM's securestring (and object to secureObject).
        type: decl.decorators.some((d) => d.name === 'secure') ? secureType(decl.type) : decl.type,
        value: entry ? fromEvalValue(entry.value, decl.span, entry.source, undefined) : undefined,
      };
    }),
  };
}

/** An extension belongs to its parent scale set, or (declared at the top) to the one its name starts with. */
function ownerOf(
  ext: ResourceEntry,
  scaleSets: readonly ResourceEntry[],
  rootOf: (e: ResourceEntry) => RObject,
): ResourceEntry | undefined {
  if (ext.parent && scaleSets.includes(ext.parent)) return ext.parent;
  const name = asString(propertyOf(rootOf(ext), 'name'));
  if (!name?.includes('/')) return undefined;
  const prefix = name.split('/')[0]!.toLowerCase();
  return scaleSets.find((s) => asString(propertyOf(rootOf(s), 'name'))?.toLowerCase() === prefix);
}

/** As ARM reads it: case-insensitive, the last of duplicates. */
function propertyOf(value: RObject, name: string): RValue | undefined {
  return getProp(value, name)?.value;
}

/** The resource as ARM sees it: the body's properties plus type, apiVersion, condition and copy. */
function resourceRoot(entry: ResourceEntry, scope: BicepScope): RObject {
  const { decl, body } = entry;
  const object = body.object!;
  const loopLocals = new Map<string, Unknown>();
  if (body.loop?.itemName) loopLocals.set(body.loop.itemName, new Unknown(body.loop.itemName, 'the loop item differs per copy'));
  if (body.loop?.indexName) loopLocals.set(body.loop.indexName, new Unknown(body.loop.indexName, 'the loop index differs per copy'));
  const locals = loopLocals.size ? loopLocals : undefined;

  const value = toRValue(object, scope, locals);
  const properties: RProperty[] = value.kind === 'object' ? [...value.properties] : [];
  const literal = (text: string, span = decl.typeSpan): RValue => ({ kind: 'string', value: text, span, source: 'literal' });
  properties.unshift({ name: 'type', keySpan: decl.typeSpan, value: literal(entry.fullType) });
  if (decl.apiVersion !== undefined)
    properties.unshift({ name: 'apiVersion', keySpan: decl.typeSpan, value: literal(decl.apiVersion, decl.apiVersionSpan) });
  if (body.condition)
    properties.push({ name: 'condition', keySpan: body.condition.span, value: toRValue(body.condition, scope, undefined) });
  if (body.loop) {
    const iterable = scope.evaluate(body.loop.iterable);
    const count = Array.isArray(iterable.value)
      ? fromEvalValue(iterable.value.length, body.loop.iterable.span, iterable.source, undefined)
      : fromEvalValue(
          iterable.value instanceof Unknown ? iterable.value : new Unknown('', 'the loop does not iterate an array'),
          body.loop.iterable.span,
          'unknown',
          undefined,
        );
    const copy: RValue = {
      kind: 'object',
      properties: [
        { name: 'name', keySpan: decl.nameSpan, value: { kind: 'string', value: decl.name, span: decl.nameSpan, source: 'literal' } },
        { name: 'count', keySpan: body.loop.iterable.span, value: count },
      ],
      span: body.loop.span,
      source: 'literal',
    };
    properties.push({ name: 'copy', keySpan: body.loop.span, value: copy });
  }
  return { kind: 'object', properties, span: object.span, source: 'literal' };
}

/** ARM's name for a `@secure()` parameter's type. */
function secureType(type: string | undefined): string | undefined {
  if (type === 'string') return 'securestring';
  if (type === 'object') return 'secureObject';
  return type;
}
