import { findNodeAtOffset, parseTree, type Node } from 'jsonc-parser';
import { boundJsonDepth } from '../../json/depthGuard';
import { nodeProperties } from '../../json/nodes';
import type { CompletionSyntax, CursorContext, CursorDocument } from '../../languageTypes';

/** Completion items written as JSON: quoted keys and strings, commas where the cursor context needs them. */
export const jsonCompletion: CompletionSyntax = {
  snippetLanguage: 'json',
  key: (name) => `"${name}"`,
  stringLiteral: (value) => JSON.stringify(value),
  quote: '"',
  snippetBody: (json) => json,
  propertyFilterText: (name) => `"${name}"`,
  filterValuesOnLiteral: 'whenReplacing',
  offersUpgradePolicyKey: true,
  extensionSnippetsReplaceTokens: true,
  presentKeys,
};

/**
 * Keys already written in the object around the cursor (lower case), from a tolerant parse of the scale
 * set's own text (a few KB), so it needs no tree of the whole, possibly newer, document.
 */
function presentKeys(doc: CursorDocument, offset: number, context: CursorContext): Set<string> {
  const start = context.scaleSet.span.offset;
  // The scale set's depth-bounded text, as the cursor context scanned it.
  const local =
    typeof context.syntax === 'string'
      ? context.syntax
      : boundJsonDepth(doc.text.slice(start, start + context.scaleSet.span.length + 1)).text;
  const root = parseTree(local, [], { allowTrailingComma: true });
  let node: Node | undefined = root ? findNodeAtOffset(root, (context.replace?.offset ?? offset) - start, true) : undefined;
  if (node?.type === 'string' && node.parent?.type === 'property') node = node.parent.parent;
  while (node && node.type !== 'object') node = node.parent;
  const typing = context.replace ? context.replace.offset - start : undefined;
  return new Set(
    nodeProperties(node)
      .filter((p) => p.keySpan.offset !== typing)
      .map((p) => p.name.toLowerCase()),
  );
}
