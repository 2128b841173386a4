import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import { analyzeChanged } from '../../arm/analyzeTemplate';
import { boundJsonDepth } from '../../json/depthGuard';
import { parseJson, reparseJson, type ParsedJson } from '../../json/parseJson';
import { textChange } from '../../text/textChange';
import type { FrontEnd, PathSegment, TemplateDocument } from '../../languageTypes';
import type { DocumentKind, TemplateModel } from '../../model/templateModel';
import type { Lineage } from '../../model/lineage';
import { mayConcernScaleSets } from '../../relevance';
import { LineIndex } from '../../text/lineIndex';
import { jsonCompletion } from './jsonCompletion';
import { jsonCursorContext } from './jsonCursorContext';
import { propertyRanges } from './jsonPropertyRanges';
import { writeJsonEdits } from './jsonWriter';

const EMPTY_MODEL = (kind: DocumentKind): TemplateModel => ({
  kind,
  parseErrors: [],
  parametersFileErrors: [],
  scaleSets: [],
  loadBalancers: [],
  serviceFabricClusters: [],
  parameters: [],
});

function unchangedLineage(model: TemplateModel): Lineage {
  return {
    from: model,
    change: { offset: 0, removed: 0, inserted: 0 },
    origins: model.scaleSets.map((_, i) => i),
    neighboursUnchanged: true,
  };
}

/**
 * The JSON front end (ARM templates, parameters files, REST bodies, `az vmss show` output): parseJson
 * (json/) and the ARM readers (arm/) build the model; the document keeps the parse (`syntax`: ParsedJson,
 * or undefined for text turned away unparsed).
 */
export const jsonFrontEnd: FrontEnd = {
  format: 'json',
  mayConcern: mayConcernScaleSets,
  createDocument(text, options) {
    if (!options.readUnrelated && !mayConcernScaleSets(text))
      return { text, model: EMPTY_MODEL('other'), lines: new LineIndex(text), frontEnd: jsonFrontEnd };
    const analyzeOptions = options.parametersText === undefined ? {} : { parametersText: options.parametersText };
    const previous = options.previous;
    const before =
      previous?.frontEnd === jsonFrontEnd && previous.parametersText === options.parametersText
        ? (previous.syntax as ParsedJson | undefined)
        : undefined;
    const change = before && textChange(previous!.text, text);
    // The same text again (an edit undone, or a version with no change): the previous analysis is this one's.
    if (before && !change) return { ...previous!, lineage: unchangedLineage(previous!.model) };
    // Not `before ? … : parseJson(text)`: a version whose predecessor could not be used is still a new version.
    const parsed = before && change ? reparseJson(before, text, change) : parseJson(text, previous !== undefined);
    const { model, lineage } = analyzeChanged(
      parsed,
      analyzeOptions,
      before && change ? { parsed: before, model: previous!.model, change } : undefined,
    );
    return {
      text,
      model,
      lines: new LineIndex(text),
      frontEnd: jsonFrontEnd,
      syntax: parsed,
      ...(options.parametersText === undefined ? {} : { parametersText: options.parametersText }),
      ...(lineage ? { lineage } : {}),
    };
  },
  cursorContext: jsonCursorContext,
  completion: jsonCompletion,
  writeEdits: (doc: TemplateDocument, edits) => writeJsonEdits(doc.text, edits),
  nodePaths(doc) {
    // jsonc-parser's own tree of the (depth-bounded) text, built on the first question.
    let root: ReturnType<typeof parseTree> | null = null;
    return (offset): readonly PathSegment[] | undefined => {
      if (root === null) root = parseTree(boundJsonDepth(doc.text).text);
      const node = root ? findNodeAtOffset(root, offset, true) : undefined;
      return node ? getNodePath(node) : undefined;
    };
  },
  policyPropertyRanges: propertyRanges,
};
