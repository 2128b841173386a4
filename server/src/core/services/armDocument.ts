import { analyzeParsed } from '../arm/analyzeTemplate';
import { parseJson, type ParsedJson } from '../json/parseJson';
import type { DocumentKind, ScaleSetModel, TemplateModel } from '../model/templateModel';
import { LineIndex } from '../text/lineIndex';
import type { Position } from '../text/span';

/**
 * One version of one document, parsed and analysed once: every language feature reads from this, so a
 * burst of requests on a 6 MB template costs one parse. Plain data plus a line index.
 */
export interface ArmDocument {
  readonly text: string;
  /** Undefined when the document is not ours (see `mayConcernScaleSets`) and was never parsed. */
  readonly parsed: ParsedJson | undefined;
  readonly model: TemplateModel;
  readonly lines: LineIndex;
}

/**
 * What the cursor features (completion, the cursor context) read: the text, a way to convert positions,
 * and where the scale sets are. An ArmDocument is one; so is a view of a newer version of the text whose
 * scale-set spans were carried through the edits (the server answers completion that way while a large
 * template is being re-analysed).
 */
export interface CursorDocument {
  readonly text: string;
  readonly lines: { offsetAt(position: Position): number; positionAt(offset: number): Position };
  readonly model: { readonly scaleSets: readonly ScaleSetModel[] };
}

export interface ArmDocumentOptions {
  /** Text of the parameters file whose values feed this template. */
  readonly parametersText?: string;
}

/**
 * Words without which a JSON file cannot hold a scale set, a parameters file, a REST body or `az vmss show`
 * output. Other JSON (package.json, tsconfig…) is turned away by one regular-expression scan, unparsed.
 */
const OUR_WORDS = /virtualMachineScaleSets|upgradePolicy|virtualMachineProfile|deploymentParameters|deploymentTemplate/i;

export function mayConcernScaleSets(text: string): boolean {
  return OUR_WORDS.test(text);
}

const EMPTY_MODEL = (kind: DocumentKind): TemplateModel => ({
  kind, parseErrors: [], parametersFileErrors: [], scaleSets: [], loadBalancers: [], serviceFabricClusters: [], parameters: [],
});

export function createArmDocument(text: string, options: ArmDocumentOptions = {}): ArmDocument {
  if (!mayConcernScaleSets(text)) return { text, parsed: undefined, model: EMPTY_MODEL('other'), lines: new LineIndex(text) };
  const parsed = parseJson(text);
  const model = analyzeParsed(parsed, options.parametersText === undefined ? {} : { parametersText: options.parametersText });
  return { text, parsed, model, lines: new LineIndex(text) };
}

/** True for the kinds the server gives features to (parameters files only feed their template). */
export function isScaleSetDocument(doc: ArmDocument): boolean {
  return doc.model.scaleSets.length > 0 && doc.model.kind !== 'parameters' && doc.model.kind !== 'other';
}

/** The innermost scale set whose resource (or body) span holds the offset. */
export function scaleSetAt(doc: CursorDocument, offset: number): ScaleSetModel | undefined {
  let best: ScaleSetModel | undefined;
  for (const scaleSet of doc.model.scaleSets) {
    const { offset: start, length } = scaleSet.span;
    if (offset < start || offset > start + length) continue;
    if (!best || length < best.span.length) best = scaleSet;
  }
  return best;
}
