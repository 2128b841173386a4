import { parseBicep } from '../../bicep/parser';
import type { BicepFile, ObjectExpr } from '../../bicep/syntax';
import { SyntaxIndex } from '../../bicep/syntaxIndex';
import type { CompletionSyntax, CursorContext, CursorDocument } from '../../languageTypes';

/**
 * Completion items written as Bicep: bare keys, single quotes, no commas (Bicep separates items with
 * newlines). Property names are offered unless `propertyNames` is off (the Bicep extension offers those
 * from the resource type, so users would otherwise see every name twice).
 */
export const bicepCompletion: CompletionSyntax = {
  snippetLanguage: 'bicep',
  key: (name) => name,
  stringLiteral: (value) => `'${value}'`,
  quote: "'",
  snippetBody: toBicepSnippet,
  propertyFilterText: () => undefined,
  filterValuesOnLiteral: 'always',
  offersUpgradePolicyKey: false,
  extensionSnippetsReplaceTokens: false,
  presentKeys,
};

/** Keys already written in the object around the cursor (lower case), except the one being typed. */
function presentKeys(doc: CursorDocument, _offset: number, context: CursorContext): Set<string> {
  const index = new SyntaxIndex((doc.syntax as BicepFile | undefined) ?? parseBicep(doc.text));
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

/** The JSON snippet bodies, written as Bicep: bare keys, single quotes, no separating commas. */
export function toBicepSnippet(json: string): string {
  return json
    .replace(/"([A-Za-z_][A-Za-z0-9_]*)"\s*:/g, '$1:')
    .replace(/"/g, "'")
    .replace(/,(\r?\n)/g, '$1');
}
