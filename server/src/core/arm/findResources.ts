import type { Node } from 'jsonc-parser';
import { isExpressionString } from '../expressions/evaluate';
import { isUnknown } from '../expressions/values';
import { nodeProperties, propertyValue, spanOf, stringValue } from '../json/nodes';
import type { DeploymentContext } from '../model/templateModel';
import { TemplateScope, type SuppliedParameter } from './templateScope';

/** A resource declaration found anywhere in a template, with the scope its expressions evaluate in. */
export interface FoundResource {
  readonly node: Node;
  /** Full type, lower-cased, children prefixed by their parent's type (e.g. microsoft.compute/virtualmachinescalesets/extensions). */
  readonly type: string;
  readonly typeSpelling: string;
  readonly scope: TemplateScope;
  readonly parent: FoundResource | undefined;
  readonly deployment: DeploymentContext | undefined;
}

const DEPLOYMENTS = 'microsoft.resources/deployments';
const MAX_TEMPLATE_NESTING = 16;

/**
 * Walks a template and every template inside it: the resources array or symbolic-name object, child
 * resources, and inline templates of nested deployments (inner scope gets the parameters the deployment
 * passes; outer scope, ARM's default, reads the parent's names).
 */
export function findResources(
  root: Node,
  supplied: ReadonlyMap<string, SuppliedParameter>,
): { resources: FoundResource[]; rootScope: TemplateScope } {
  const rootScope = new TemplateScope(root, supplied);
  const out: FoundResource[] = [];
  walkTemplate(root, rootScope, undefined, out, 0);
  return { resources: out, rootScope };
}

/** The resource objects of a `resources` array, or of a symbolic-name `resources` object. */
export function resourceNodes(container: Node | undefined): Node[] {
  if (!container) return [];
  if (container.type === 'array') return (container.children ?? []).filter((n) => n.type === 'object');
  if (container.type === 'object') return nodeProperties(container).flatMap((p) => (p.value?.type === 'object' ? [p.value] : []));
  return [];
}

function walkTemplate(
  template: Node,
  scope: TemplateScope,
  deployment: DeploymentContext | undefined,
  out: FoundResource[],
  nesting: number,
): void {
  for (const node of resourceNodes(propertyValue(template, 'resources'))) walkResource(node, scope, undefined, deployment, out, nesting);
}

function walkResource(
  node: Node,
  scope: TemplateScope,
  parent: FoundResource | undefined,
  deployment: DeploymentContext | undefined,
  out: FoundResource[],
  nesting: number,
): void {
  const typeSpelling = resolveType(propertyValue(node, 'type'), scope);
  if (typeSpelling === undefined) return;
  const lower = typeSpelling.toLowerCase();
  // A child declared inside its parent may give only its last type segment ("extensions").
  const type = parent && !lower.includes('/') ? `${parent.type}/${lower}` : lower;
  const found: FoundResource = { node, type, typeSpelling, scope, parent, deployment };
  out.push(found);
  for (const child of resourceNodes(propertyValue(node, 'resources'))) walkResource(child, scope, found, deployment, out, nesting);
  if (type === DEPLOYMENTS && nesting < MAX_TEMPLATE_NESTING) walkDeployment(found, out, nesting + 1);
}

function walkDeployment(found: FoundResource, out: FoundResource[], nesting: number): void {
  const properties = propertyValue(found.node, 'properties');
  const template = propertyValue(properties, 'template');
  if (!template || template.type !== 'object') return;
  const scopeText = stringValue(propertyValue(propertyValue(properties, 'expressionEvaluationOptions'), 'scope'));
  const inner = scopeText?.toLowerCase() === 'inner';
  const nameNode = propertyValue(found.node, 'name');
  const context: DeploymentContext = {
    name: nameNode ? found.scope.resolver.resolve(nameNode) : undefined,
    scope: inner ? 'inner' : 'outer',
    span: spanOf(found.node),
  };
  if (!inner) {
    walkTemplate(template, found.scope, context, out, nesting);
    return;
  }
  const passed = new Map<string, SuppliedParameter>();
  for (const prop of nodeProperties(propertyValue(properties, 'parameters'))) {
    const valueNode = propertyValue(prop.value, 'value');
    if (!valueNode) continue;
    const { value, source } = found.scope.resolver.toEvalValue(valueNode);
    passed.set(prop.name.toLowerCase(), { value, source: source === 'literal' ? 'expression' : source });
  }
  walkTemplate(template, new TemplateScope(template, passed, found.scope.parses), context, out, nesting);
}

function resolveType(node: Node | undefined, scope: TemplateScope): string | undefined {
  const text = stringValue(node);
  if (text === undefined) return undefined;
  if (!isExpressionString(text)) return text;
  const value = scope.resolver.toEvalValue(node!).value;
  return typeof value === 'string' && !isUnknown(value) ? value : undefined;
}
