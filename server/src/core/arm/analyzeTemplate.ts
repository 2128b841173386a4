import type { Node } from 'jsonc-parser';
import { nodePath, propertyValue, spanOf } from '../json/nodes';
import { parseJson, type ParsedJson } from '../json/parseJson';
import { detectDocumentKind } from './documentKind';
import { findResources, type FoundResource } from './findResources';
import { readParametersFile } from './parametersFile';
import { readLoadBalancer, readServiceFabricCluster } from './readNeighbours';
import { readScaleSet } from './readScaleSet';
import { carryOverFor, ScaleSetCarrier } from './reuseAnalysis';
import type { Lineage } from '../model/lineage';
import type { TextChange } from '../text/textChange';
import { fromEvalValue, Resolver } from './resolver';
import { TemplateScope, type SuppliedParameter } from './templateScope';
import type { ParameterInfo, ScaleSetModel, TemplateModel } from '../model/templateModel';

export interface AnalyzeOptions {
  /** Text of the parameters file whose values override the template's defaults. */
  readonly parametersText?: string;
}

const SCALE_SET = 'microsoft.compute/virtualmachinescalesets';
const SCALE_SET_EXTENSION = 'microsoft.compute/virtualmachinescalesets/extensions';
const LOAD_BALANCER = 'microsoft.network/loadbalancers';
const SF_CLUSTER = 'microsoft.servicefabric/clusters';

/** Reads a template (or REST body, or `az vmss show` output) into the format-neutral model. Never throws. */
export function analyzeTemplate(text: string, options: AnalyzeOptions = {}): TemplateModel {
  return analyzeParsed(parseJson(text), options);
}

/** The same, on text already parsed (the language server parses once per document version). */
export function analyzeParsed(parsed: ParsedJson, options: AnalyzeOptions = {}): TemplateModel {
  return analyzeChanged(parsed, options).model;
}

/** The analysis of an older version of the text, with the same parameters file, and what changed since. */
export interface PreviousAnalysis {
  readonly parsed: ParsedJson;
  readonly model: TemplateModel;
  readonly change: TextChange;
}

/**
 * The analysis of a new version of a text, carrying over from the previous version's what the change
 * cannot have touched (arm/reuseAnalysis.ts); with `lineage` when anything was. The model is the one a
 * full analysis gives.
 */
export function analyzeChanged(
  parsed: ParsedJson,
  options: AnalyzeOptions = {},
  previous?: PreviousAnalysis,
): { model: TemplateModel; lineage?: Lineage } {
  const detected = detectDocumentKind(parsed.root);
  const paramsFile = options.parametersText === undefined ? undefined : readParametersFile(options.parametersText);
  const supplied: ReadonlyMap<string, SuppliedParameter> = paramsFile?.values ?? new Map();
  const base = { kind: detected.kind, parseErrors: parsed.errors, parametersFileErrors: paramsFile?.errors ?? [] };
  const empty = { scaleSets: [], loadBalancers: [], serviceFabricClusters: [], parameters: [] };

  if ((detected.kind === 'restBody' || detected.kind === 'vmssShow') && detected.body) {
    const resolver = new Resolver(new TemplateScope(undefined, new Map()));
    const scaleSet = readScaleSet({
      root: { node: detected.body },
      path: detected.bodyPath ?? [],
      shape: detected.kind,
      resolver,
      childExtensions: [],
    });
    return { model: { ...base, ...empty, scaleSets: [scaleSet] } };
  }
  if (detected.kind !== 'template' || !parsed.root) return { model: { ...base, ...empty } };
  // Only between two trees of the fast path (json/lazyTree.ts), which has no errors and whose later versions copy
  // their strings out of the text: the tolerant parser's strings are slices of its text (jsonc-parser), and a
  // model carried from one would keep that whole version alive, one more with each edit.
  const carry =
    previous && parsed.containers && previous.parsed.containers
      ? carryOverFor(parsed.root, previous.parsed.root, previous.model, previous.change)
      : undefined;
  const carrier = carry && new ScaleSetCarrier(carry);

  const { resources, rootScope } = findResources(parsed.root, supplied);
  const scaleSetResources = resources.filter((r) => r.type === SCALE_SET);
  const extensionsByScaleSet = attachChildExtensions(
    scaleSetResources,
    resources.filter((r) => r.type === SCALE_SET_EXTENSION),
  );
  const scaleSets: ScaleSetModel[] = scaleSetResources.map((found) => {
    const path = nodePath(found.node);
    const extensions = extensionsByScaleSet.get(found) ?? [];
    const read = () =>
      readScaleSet({
        root: { node: found.node },
        path,
        shape: 'template',
        resolver: found.scope.resolver,
        typeSpelling: found.typeSpelling,
        deployment: found.deployment,
        childExtensions: extensions.map((ext) => ({ root: { node: ext.node }, resolver: ext.scope.resolver })),
      });
    return carrier
      ? carrier.scaleSet(
          found.node,
          path,
          found.scope.resolver,
          extensions.map((ext) => ext.node),
          read,
        )
      : read();
  });
  const loadBalancers = resources.filter((r) => r.type === LOAD_BALANCER).map(readLoadBalancer);
  const serviceFabricClusters = resources.filter((r) => r.type === SF_CLUSTER).map(readServiceFabricCluster);
  const model = { ...base, scaleSets, loadBalancers, serviceFabricClusters, parameters: readParameterInfo(rootScope) };
  return carrier ? { model, lineage: carrier.lineage(loadBalancers, serviceFabricClusters) } : { model };
}

/** Child extension resources belong to their enclosing scale set, or to the one their name starts with. */
function attachChildExtensions(scaleSets: FoundResource[], extensions: FoundResource[]): Map<FoundResource, FoundResource[]> {
  if (extensions.length === 0) return new Map();
  const byName = new Map<string, FoundResource>();
  for (const found of scaleSets) {
    const nameNode = propertyValue(found.node, 'name');
    const name = nameNode ? found.scope.resolver.resolve(nameNode) : undefined;
    if (name?.kind === 'string') byName.set(name.value.toLowerCase(), found);
  }
  const out = new Map<FoundResource, FoundResource[]>();
  for (const ext of extensions) {
    let owner = ext.parent?.type === SCALE_SET ? ext.parent : undefined;
    if (!owner) {
      const nameNode = propertyValue(ext.node, 'name');
      const name = nameNode ? ext.scope.resolver.resolve(nameNode) : undefined;
      if (name?.kind === 'string') owner = byName.get(name.value.split('/')[0]!.toLowerCase());
    }
    if (owner) out.set(owner, [...(out.get(owner) ?? []), ext]);
  }
  return out;
}

function readParameterInfo(scope: TemplateScope): ParameterInfo[] {
  return scope.parameterNames().map((name) => {
    const node = scope.parameterNode(name) as Node;
    const keyNode = node.parent?.children?.[0] ?? node;
    const typeNode = propertyValue(node, 'type');
    const entry = scope.parameter(name);
    return {
      name,
      keySpan: spanOf(keyNode),
      type: typeof typeNode?.value === 'string' ? typeNode.value : undefined,
      value: entry ? fromEvalValue(entry.value, spanOf(node), entry.source, undefined) : undefined,
    };
  });
}
