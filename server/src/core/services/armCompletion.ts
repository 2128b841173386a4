import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-types';
import { POLICY_OBJECTS, type PolicyProperty } from '../catalog';
import { doCompleteBicep } from '../bicep/features/bicepCompletion';
import { isBicepDocument } from '../bicep/features/bicepDocument';
import { boundJsonDepth } from '../json/depthGuard';
import { nodeProperties } from '../json/nodes';
import type { CursorDocument } from './armDocument';
import { blockSnippets, extensionSnippets, snippetDocumentation, type BlockSnippet } from './armSnippets';
import { allowedInApiVersion, apiVersionOf, policyObjectAt, policyPropertyAt, propertyDetail, propertyDocumentation } from './catalogContext';
import { cursorContext, type CursorContext } from './cursorContext';
import { authoredMarkdown } from '../text/markdown';

// LSP enum values, written out so the engine imports only types.
const KIND = { Property: 10, Value: 12, Snippet: 15 } as const;
const SNIPPET_FORMAT = 2;

const DURATIONS: readonly [string, string][] = [
  ['PT0S', 'no pause'], ['PT30S', '30 seconds'], ['PT1M', '1 minute'], ['PT2M', '2 minutes'], ['PT5M', '5 minutes'],
  ['PT10M', '10 minutes'], ['PT15M', '15 minutes'], ['PT30M', '30 minutes'], ['PT1H', '1 hour'],
];
const PERCENTS = [5, 10, 20, 25, 33, 50, 100];

export interface CompletionOptions {
  /**
   * Offer property names (default true). Editors whose schema-driven extensions already suggest them
   * (ARM Tools, Bicep) turn this off; values and snippets stay.
   */
  readonly propertyNames?: boolean;
}

/**
 * Completion inside a scale set's `properties`, its upgrade policy objects and its extensions list:
 * property names allowed by the resource's apiVersion, values, and whole-block snippets.
 */
export function doComplete(doc: CursorDocument, position: Position, options: CompletionOptions = {}): CompletionList {
  if (isBicepDocument(doc)) return doCompleteBicep(doc, position, options);
  const offset = doc.lines.offsetAt(position);
  const context = cursorContext(doc, offset);
  const items = context ? itemsFor(doc, offset, context) : [];
  return { isIncomplete: false, items: options.propertyNames === false ? items.filter((i) => i.kind !== KIND.Property) : items };
}

function itemsFor(doc: CursorDocument, offset: number, context: CursorContext): CompletionItem[] {
  const { path, isKey } = context;
  const apiVersion = apiVersionOf(context.scaleSet);
  if (isKey) {
    const objectPath = path.slice(0, -1);
    const present = presentKeys(doc, offset, context);
    if (objectPath.length === 1 && String(objectPath[0]).toLowerCase() === 'properties') {
      return snippetItems(doc, offset, context, blockSnippets('properties', apiVersion), present)
        .concat(present.has('upgradepolicy') ? [] : [propertyItem(doc, offset, context, POLICY_OBJECTS.upgradePolicy.properties[0]!, 'upgradePolicy')]);
    }
    const objectId = policyObjectAt(objectPath);
    if (!objectId) return [];
    const props = POLICY_OBJECTS[objectId].properties.filter((p) => allowedInApiVersion(p, apiVersion) && !present.has(p.name.toLowerCase()));
    return props.map((p) => propertyItem(doc, offset, context, p)).concat(snippetItems(doc, offset, context, blockSnippets(objectId, apiVersion), present));
  }
  const last = path[path.length - 1];
  if (typeof last === 'number' && isExtensionsArray(path.slice(0, -1))) return snippetItems(doc, offset, context, extensionSnippets(), new Set());
  const found = policyPropertyAt(path);
  return found ? valueItems(doc, offset, context, found.property) : [];
}

function isExtensionsArray(path: readonly (string | number)[]): boolean {
  const names = ['properties', 'virtualMachineProfile', 'extensionProfile', 'extensions'];
  return path.length === names.length && names.every((n, i) => String(path[i]).toLowerCase() === n.toLowerCase());
}

/**
 * Keys already written in the object around the cursor (lower case), from a tolerant parse of the scale
 * set's own text (a few KB), so it needs no tree of the whole, possibly newer, document.
 */
function presentKeys(doc: CursorDocument, offset: number, context: CursorContext): Set<string> {
  const start = context.scaleSet.span.offset;
  const root = parseTree(boundJsonDepth(doc.text.slice(start, start + context.scaleSet.span.length + 1)).text, [], { allowTrailingComma: true });
  let node: Node | undefined = root ? findNodeAtOffset(root, (context.replace?.offset ?? offset) - start, true) : undefined;
  if (node?.type === 'string' && node.parent?.type === 'property') node = node.parent.parent;
  while (node && node.type !== 'object') node = node.parent;
  const typing = context.replace ? context.replace.offset - start : undefined;
  return new Set(nodeProperties(node).filter((p) => p.keySpan.offset !== typing).map((p) => p.name.toLowerCase()));
}

function edit(doc: CursorDocument, offset: number, context: CursorContext, text: string): TextEdit {
  const start = context.replace?.offset ?? offset;
  const end = context.replace ? context.replace.offset + context.replace.length : offset;
  return { range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) }, newText: text };
}

/** A property's snippet after the key: a placeholder of the catalog's default, or the enum's choices. */
function valueSnippet(property: PolicyProperty): string {
  switch (property.type) {
    case 'boolean': return `\${1|${property.default === true ? 'true,false' : 'false,true'}|}`;
    case 'integer': return `\${1:${property.default ?? property.minimum ?? 0}}`;
    case 'enum': return `"\${1|${(property.enumValues ?? []).join(',')}|}"`;
    case 'duration': return `"\${1:${property.default ?? 'PT0S'}}"`;
    case 'object': return '{\n\t$0\n}';
    default: return '"$1"';
  }
}

function withCommas(context: CursorContext, text: string): string {
  return `${context.needsCommaBefore ? ',' : ''}${text}${context.needsCommaAfter ? ',' : ''}`;
}

function propertyItem(doc: CursorDocument, offset: number, context: CursorContext, property: PolicyProperty, name = property.name): CompletionItem {
  const isUpgradePolicy = name === 'upgradePolicy';
  return {
    label: name,
    kind: KIND.Property,
    detail: isUpgradePolicy ? 'object · Manual, Automatic or Rolling' : propertyDetail(property),
    documentation: { kind: 'markdown', value: isUpgradePolicy ? authoredMarkdown(`${POLICY_OBJECTS.upgradePolicy.description}\n\n[Azure documentation](${POLICY_OBJECTS.upgradePolicy.docs})`) : propertyDocumentation(property) },
    filterText: `"${name}"`,
    insertTextFormat: SNIPPET_FORMAT,
    textEdit: edit(doc, offset, context, withCommas(context, `"${name}": ${isUpgradePolicy ? '{\n\t$0\n}' : valueSnippet(property)}`)),
    ...(property.removedIn ? { tags: [1] } : {}),
  };
}

function snippetItems(doc: CursorDocument, offset: number, context: CursorContext, snippets: readonly BlockSnippet[], present: Set<string>): CompletionItem[] {
  return snippets
    .filter((s) => !s.property || !present.has(s.property.toLowerCase()))
    .map((s, i) => ({
      label: s.label,
      kind: KIND.Snippet,
      detail: s.property ? `snippet: "${s.property}"` : 'snippet',
      documentation: { kind: 'markdown', value: snippetDocumentation(s.description, s.body, 'json') },
      filterText: s.property ? `"${s.property}"` : s.label,
      sortText: `~${i}`,
      insertTextFormat: SNIPPET_FORMAT,
      textEdit: edit(doc, offset, context, context.isKey ? withCommas(context, s.body) : s.body + (context.needsCommaAfter ? ',' : '')),
    }));
}

function valueItems(doc: CursorDocument, offset: number, context: CursorContext, property: PolicyProperty): CompletionItem[] {
  const values: { text: string; label: string; detail: string }[] = [];
  const isDefault = (v: unknown) => (property.default === v ? ' (default)' : '');
  const apiVersion = apiVersionOf(context.scaleSet);
  switch (property.type) {
    case 'enum':
      for (const v of property.enumValues ?? []) {
        const since = property.enumValueSince?.[v];
        if (since && !allowedInApiVersion({ since }, apiVersion)) continue;
        values.push({ text: JSON.stringify(v), label: v, detail: `${property.name}${isDefault(v)}` });
      }
      break;
    case 'boolean':
      for (const v of [true, false]) values.push({ text: String(v), label: String(v), detail: `${property.name}${isDefault(v)}` });
      break;
    case 'duration':
      for (const [v, words] of DURATIONS) values.push({ text: JSON.stringify(v), label: v, detail: `${words}${isDefault(v)}` });
      break;
    case 'integer':
      for (const v of PERCENTS) {
        if ((property.minimum !== undefined && v < property.minimum) || (property.maximum !== undefined && v > property.maximum)) continue;
        values.push({ text: String(v), label: String(v), detail: `${v} %${isDefault(v)}` });
      }
      break;
    default:
      break;
  }
  return values.map((v, i) => ({
    label: v.label,
    kind: KIND.Value,
    detail: v.detail,
    filterText: context.replace ? v.text : v.label,
    sortText: String(i).padStart(3, '0'),
    textEdit: edit(doc, offset, context, v.text + (context.needsCommaAfter ? ',' : '')),
  }));
}

