import type { DocumentKind, TemplateModel } from './model/templateModel';

/**
 * Does this text concern us? One module answers it for every adapter (the language server, the CLI, the
 * client's workspace lint), at each stage it is asked: on raw text before anything is parsed, and on
 * the model after. Each answer is defined here once; the callers only choose which stage they are at.
 */

/**
 * Words without which a JSON file cannot hold a scale set, a parameters file, a REST body or `az vmss show`
 * output. Other JSON (package.json, tsconfig…) is turned away by one regular-expression scan, unparsed.
 */
const OUR_WORDS = /virtualMachineScaleSets|upgradePolicy|virtualMachineProfile|deploymentParameters|deploymentTemplate/i;
/** The scale-set resource type: a template without it declares no scale set. */
const SCALE_SET_TYPE = /virtualMachineScaleSets/i;
/** Parameters files say so in their schema, in the first lines. */
const PARAMETERS_SCHEMA = /deploymentParameters/i;

/** Before parsing JSON: may the text hold a scale set, a parameters file, a REST body or `az vmss show` output? */
export function mayConcernScaleSets(text: string): boolean {
  return OUR_WORDS.test(text);
}

/** Before parsing: does the text name the scale-set resource type (the workspace lint's pre-filter)? */
export function namesScaleSets(text: string): boolean {
  return SCALE_SET_TYPE.test(text);
}

/** Before parsing: does the start of a document say it is a parameters file? */
export function saysParametersFile(firstLines: string): boolean {
  return PARAMETERS_SCHEMA.test(firstLines);
}

/** The kinds the rules check: templates, REST bodies and `az vmss show` output (parameters files only feed templates). */
const CHECKED_KINDS: ReadonlySet<DocumentKind> = new Set<DocumentKind>(['template', 'restBody', 'vmssShow']);

/** After analysis: is this a kind of document the rules check? */
export function isCheckedKind(kind: DocumentKind): boolean {
  return CHECKED_KINDS.has(kind);
}

/** After analysis: a checked kind that holds at least one scale set (what the editor's features serve). */
export function isScaleSetDocument(model: TemplateModel): boolean {
  return model.scaleSets.length > 0 && isCheckedKind(model.kind);
}

/**
 * After analysis: are this document's problems shown in the editor? A checked kind with scale sets, or
 * one that names the scale-set type though none could be read (its syntax errors are why).
 */
export function showsProblems(model: TemplateModel, text: string): boolean {
  return isCheckedKind(model.kind) && (model.scaleSets.length > 0 || namesScaleSets(text));
}
