import type { Node } from 'jsonc-parser';
import { findProperty, propertyValue, stringValue } from '../json/nodes';
import type { DocumentKind } from '../model/templateModel';

export interface DetectedKind {
  readonly kind: DocumentKind;
  /** For REST bodies: the body object (the root, or parameters.parameters in a REST example file). */
  readonly body?: Node;
  readonly bodyPath?: (string | number)[];
}

/**
 * Decides what a JSON document is: an ARM template, a parameters file, a REST request body (as in
 * Azure's REST examples, also when wrapped in an example file), `az vmss show` output, or other JSON.
 */
export function detectDocumentKind(root: Node | undefined): DetectedKind {
  if (!root || root.type !== 'object') return { kind: 'other' };
  const schema = stringValue(propertyValue(root, '$schema'))?.toLowerCase() ?? '';
  if (schema.includes('deploymentparameters')) return { kind: 'parameters' };
  if (schema.includes('deploymenttemplate') || findProperty(root, 'resources')) return { kind: 'template' };
  if (looksLikeScaleSetProperties(propertyValue(root, 'properties'))) return { kind: 'restBody', body: root, bodyPath: [] };
  const wrapped = propertyValue(propertyValue(root, 'parameters'), 'parameters');
  if (wrapped && looksLikeScaleSetProperties(propertyValue(wrapped, 'properties')))
    return { kind: 'restBody', body: wrapped, bodyPath: ['parameters', 'parameters'] };
  if (findProperty(root, 'upgradePolicy') || findProperty(root, 'virtualMachineProfile'))
    return { kind: 'vmssShow', body: root, bodyPath: [] };
  if (looksLikeParameters(propertyValue(root, 'parameters'))) return { kind: 'parameters' };
  return { kind: 'other' };
}

function looksLikeScaleSetProperties(node: Node | undefined): boolean {
  return Boolean(node && (findProperty(node, 'upgradePolicy') || findProperty(node, 'virtualMachineProfile')));
}

function looksLikeParameters(node: Node | undefined): boolean {
  const first = node?.type === 'object' ? node.children?.[0]?.children?.[1] : undefined;
  return Boolean(first && findProperty(first, 'value'));
}
