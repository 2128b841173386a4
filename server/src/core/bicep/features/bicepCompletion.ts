import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-types';
import { POLICY_OBJECTS, type PolicyProperty } from '../../catalog';
import type { CompletionOptions } from '../../services/armCompletion';
import { blockSnippets, extensionSnippets, snippetDocumentation, type BlockSnippet } from '../../services/armSnippets';
import { allowedInApiVersion, apiVersionOf, policyObjectAt, policyPropertyAt, propertyDetail, propertyDocumentation } from '../../services/catalogContext';
import type { CursorContext } from '../../services/cursorContext';
import type { ObjectExpr } from '../syntax';
import { parseBicep } from '../parser';
import { SyntaxIndex } from '../syntaxIndex';
import { bicepCursorContext, type BicepCursorDocument } from './bicepCursorContext';

// LSP enum values, written out so the engine imports only types.
const KIND = { Property: 10, Value: 12, Snippet: 15 } as const;
const SNIPPET_FORMAT = 2;
const DURATIONS: readonly [string, string][] = [
  ['PT0S', 'no pause'], ['PT30S', '30 seconds'], ['PT1M', '1 minute'], ['PT5M', '5 minutes'], ['PT10M', '10 minutes'], ['PT30M', '30 minutes'], ['PT1H', '1 hour'],
];
const PERCENTS = [5, 10, 20, 25, 33, 50, 100];

/**
 * Completion in a Bicep scale set: the policy snippets (the JSON ones, written as Bicep), values of
 * policy properties, and property names unless `propertyNames` is off (the Bicep extension offers
 * those from the resource type, so users would otherwise see every name twice).
 */
export function doCompleteBicep(doc: BicepCursorDocument, position: Position, options: CompletionOptions = {}): CompletionList {
  const offset = doc.lines.offsetAt(position);
  const context = bicepCursorContext(doc, offset);
  const items = context ? itemsFor(doc, offset, context) : [];
  return { isIncomplete: false, items: options.propertyNames === false ? items.filter((i) => i.kind !== KIND.Property) : items };
}

function itemsFor(doc: BicepCursorDocument, offset: number, context: CursorContext): CompletionItem[] {
  const { path, isKey } = context;
  const apiVersion = apiVersionOf(context.scaleSet);
  if (isKey) {
    const objectPath = path.slice(0, -1);
    const present = presentKeys(doc, context);
    if (objectPath.length === 1 && String(objectPath[0]).toLowerCase() === 'properties') return snippets(doc, offset, context, blockSnippets('properties', apiVersion), present);
    const objectId = policyObjectAt(objectPath);
    if (!objectId) return [];
    const names = POLICY_OBJECTS[objectId].properties.filter((p) => allowedInApiVersion(p, apiVersion) && !present.has(p.name.toLowerCase()));
    return names.map((p) => propertyItem(doc, offset, context, p)).concat(snippets(doc, offset, context, blockSnippets(objectId, apiVersion), present));
  }
  const last = path[path.length - 1];
  const extensionsPath = ['properties', 'virtualMachineProfile', 'extensionProfile', 'extensions'];
  if (typeof last === 'number' && path.length === 5 && extensionsPath.every((n, i) => String(path[i]).toLowerCase() === n.toLowerCase()) && !context.replace) {
    return snippets(doc, offset, context, extensionSnippets(), new Set());
  }
  const found = policyPropertyAt(path);
  return found ? valueItems(doc, offset, context, found.property) : [];
}

/** Keys already written in the object around the cursor (lower case), except the one being typed. */
function presentKeys(doc: BicepCursorDocument, context: CursorContext): Set<string> {
  const index = new SyntaxIndex(doc.file ?? parseBicep(doc.text));
  let object: ObjectExpr | undefined;
  let at = index.exprAt(context.scaleSet.span);
  for (const name of context.path.slice(0, -1)) {
    if (at?.kind !== 'object') return new Set();
    object = at;
    at = at.properties.find((p) => p.key.toLowerCase() === String(name).toLowerCase())?.value;
  }
  object = at?.kind === 'object' ? at : object;
  const typing = context.replace?.offset;
  return new Set((object?.properties ?? []).filter((p) => p.keySpan.offset !== typing).map((p) => p.key.toLowerCase()));
}

function edit(doc: BicepCursorDocument, offset: number, context: CursorContext, text: string): TextEdit {
  const start = context.replace?.offset ?? offset;
  const end = context.replace ? context.replace.offset + context.replace.length : offset;
  return { range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(end) }, newText: text };
}

/** The JSON snippet bodies, written as Bicep: bare keys, single quotes, no separating commas. */
export function toBicepSnippet(json: string): string {
  return json
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)"\s*:/g, '$1:')
    .replace(/"/g, "'")
    .replace(/,(\r?\n)/g, '$1');
}

function valueSnippet(property: PolicyProperty): string {
  switch (property.type) {
    case 'boolean': return `\${1|${property.default === true ? 'true,false' : 'false,true'}|}`;
    case 'integer': return `\${1:${property.default ?? property.minimum ?? 0}}`;
    case 'enum': return `'\${1|${(property.enumValues ?? []).join(',')}|}'`;
    case 'duration': return `'\${1:${property.default ?? 'PT0S'}}'`;
    case 'object': return '{\n\t$0\n}';
    default: return "'$1'";
  }
}

function propertyItem(doc: BicepCursorDocument, offset: number, context: CursorContext, property: PolicyProperty): CompletionItem {
  return {
    label: property.name,
    kind: KIND.Property,
    detail: propertyDetail(property),
    documentation: { kind: 'markdown', value: propertyDocumentation(property) },
    insertTextFormat: SNIPPET_FORMAT,
    textEdit: edit(doc, offset, context, `${property.name}: ${valueSnippet(property)}`),
    ...(property.removedIn ? { tags: [1] } : {}),
  };
}

function snippets(doc: BicepCursorDocument, offset: number, context: CursorContext, list: readonly BlockSnippet[], present: Set<string>): CompletionItem[] {
  return list
    .filter((s) => !s.property || !present.has(s.property.toLowerCase()))
    .map((s, i) => {
      const body = toBicepSnippet(s.body);
      return {
        label: s.label,
        kind: KIND.Snippet,
        detail: s.property ? `snippet: ${s.property}` : 'snippet',
        documentation: { kind: 'markdown', value: snippetDocumentation(s.description, body, 'bicep') },
        filterText: s.property ?? s.label,
        sortText: `~${i}`,
        insertTextFormat: SNIPPET_FORMAT,
        textEdit: edit(doc, offset, context, body),
      };
    });
}

function valueItems(doc: BicepCursorDocument, offset: number, context: CursorContext, property: PolicyProperty): CompletionItem[] {
  const values: { text: string; label: string; detail: string }[] = [];
  const isDefault = (v: unknown) => (property.default === v ? ' (default)' : '');
  const apiVersion = apiVersionOf(context.scaleSet);
  if (property.type === 'enum') {
    for (const v of property.enumValues ?? []) {
      const since = property.enumValueSince?.[v];
      if (!since || allowedInApiVersion({ since }, apiVersion)) values.push({ text: `'${v}'`, label: v, detail: `${property.name}${isDefault(v)}` });
    }
  } else if (property.type === 'boolean') {
    for (const v of [true, false]) values.push({ text: String(v), label: String(v), detail: `${property.name}${isDefault(v)}` });
  } else if (property.type === 'duration') {
    for (const [v, words] of DURATIONS) values.push({ text: `'${v}'`, label: v, detail: `${words}${isDefault(v)}` });
  } else if (property.type === 'integer') {
    for (const v of PERCENTS) {
      if ((property.minimum === undefined || v >= property.minimum) && (property.maximum === undefined || v <= property.maximum)) values.push({ text: String(v), label: String(v), detail: `${v} %${isDefault(v)}` });
    }
  }
  return values.map((v, i) => ({ label: v.label, kind: KIND.Value, detail: v.detail, sortText: String(i).padStart(3, '0'), filterText: v.text, textEdit: edit(doc, offset, context, v.text) }));
}
