import type { Diagnostic } from 'vscode-languageserver-types';
import type { NeutralEdit, TextEdit } from './edits/neutralEdit';
import type { TemplateFormat } from './formats';
import type { Lineage } from './model/lineage';
import type { ScaleSetModel, TemplateModel } from './model/templateModel';
import type { Finding, Severity } from './rules/ruleTypes';
import type { SimInput } from './sim/simData';
import type { LineIndex } from './text/lineIndex';
import type { Position, Range, Span } from './text/span';

/**
 * The types the facade (languageService.ts), the features behind it and the front ends share, in the
 * manner of vscode-json-languageservice's jsonLanguageTypes.ts: an adapter needs this file and the facade,
 * nothing else of the engine.
 */

export type { TemplateFormat } from './formats';
export type { Position, Range, Span } from './text/span';

/** The `source` of every diagnostic the engine produces. */
export const DIAGNOSTIC_SOURCE = 'vmss-upgrade';
/** The code of syntax errors (JSON or Bicep), which come from the parser rather than a rule. */
export const JSON_SYNTAX_CODE = 'json-syntax';

/** One step of a path in a document: a property name or an array index. */
export type PathSegment = string | number;

/** Converts between offsets and LSP positions (a LineIndex, or the server's TextDocument). */
export interface PositionConverter {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

/**
 * What the cursor features (completion, the cursor context) read: the text, a way to convert positions,
 * where the scale sets are, and the front end that reads the format. A TemplateDocument is one; so is a
 * view of a newer version of the text whose scale-set spans were carried through the edits (the server
 * answers completion that way while a large template is being re-analysed), which has no syntax tree.
 */
export interface CursorDocument {
  readonly text: string;
  readonly lines: PositionConverter;
  readonly model: { readonly scaleSets: readonly ScaleSetModel[] };
  /** The front end of the document's format, chosen once when the document was created. */
  readonly frontEnd: FrontEnd;
  /** The front end's syntax tree of `text` when it kept one (its own type; only the front end reads it). */
  readonly syntax?: unknown;
}

/**
 * One version of one document, parsed and analysed once: every language feature reads from this, so a
 * burst of requests on a 6 MB template costs one parse. Plain data plus a line index.
 */
export interface TemplateDocument extends CursorDocument {
  readonly model: TemplateModel;
  readonly lines: LineIndex;
  /** The parameters file text the analysis used (DocumentOptions.parametersText). */
  readonly parametersText?: string;
  /**
   * Set when the model was made from an earlier version's (DocumentOptions.previous): which scale sets were
   * carried over, so that the rules carry their findings over too.
   */
  readonly lineage?: Lineage;
}

/** Reads a file by its path relative to the template (Bicep modules); the adapter binds it to the template's folder. */
export type ReadFile = (relativePath: string) => string | undefined;

export interface DocumentOptions {
  /** Text of the parameters file whose values feed this template (JSON, or .bicepparam for Bicep). */
  readonly parametersText?: string;
  /** Reads a Bicep module's file (injected, so the engine stays pure). */
  readonly readFile?: ReadFile;
  /**
   * Parse and analyse the text even when it names nothing the engine reads (the CLI reports the parse
   * errors of any file it is given). By default such text is turned away unparsed, as an empty model.
   */
  readonly readUnrelated?: boolean;
  /**
   * The document of an earlier version of this text, analysed with the same options: what the change
   * cannot have touched is carried over from it instead of being read again (the JSON front end, for a
   * change inside one resource; model/lineage.ts). The result is the same as without it.
   */
  readonly previous?: TemplateDocument;
}

/**
 * Where the cursor is inside a scale set, read from the raw text (not the model) so that it works in
 * half-typed documents: after a quote, after a colon, with a missing comma or an unclosed brace.
 */
export interface CursorContext {
  readonly scaleSet: ScaleSetModel;
  /**
   * Path from the scale-set resource, always through `properties` (also for `az vmss show` output, which
   * has no `properties` level). For a key position, the last segment is the key being typed ("" if none).
   */
  readonly path: readonly PathSegment[];
  readonly isKey: boolean;
  /** The token the completion replaces: the half-typed key or value (quotes included), if any. */
  readonly replace: Span | undefined;
  /** The literal or key under the cursor (any type), for hovers. */
  readonly token: Span | undefined;
  /** A comma is needed before an inserted property (typed after a value with no comma). */
  readonly needsCommaBefore: boolean;
  /** A comma is needed after an inserted property or value (another property follows). */
  readonly needsCommaAfter: boolean;
  /**
   * The front end's own reading of the scale set's text, for its completion part (the JSON front end
   * keeps the depth-bounded text it scanned, so one request bounds it once).
   */
  readonly syntax?: unknown;
}

/**
 * How completion items are spelled in a format: the one completion builder (features/completion.ts)
 * decides what to offer, this part how it is written.
 */
export interface CompletionSyntax {
  /** The language of the snippets' documentation code blocks. */
  readonly snippetLanguage: 'json' | 'bicep';
  /** A property name as written before its colon (`"name"` in JSON, `name` in Bicep). */
  key(name: string): string;
  /** A string literal (`"v"` in JSON, `'v'` in Bicep). */
  stringLiteral(value: string): string;
  /** The quote of string placeholders in value snippets. */
  readonly quote: string;
  /** A JSON snippet body from the catalog, written in this format. */
  snippetBody(json: string): string;
  /** The filter text of a property-name item, if the format wants one. */
  propertyFilterText(name: string): string | undefined;
  /** Value items filter on their literal always, or only while a token is being replaced (else on the label). */
  readonly filterValuesOnLiteral: 'always' | 'whenReplacing';
  /** `upgradePolicy` itself is offered as a property name in `properties` (Bicep's own extension offers it). */
  readonly offersUpgradePolicyKey: boolean;
  /** The extension snippets also replace a token being typed in the extensions array. */
  readonly extensionSnippetsReplaceTokens: boolean;
  /** Keys already written in the object around the cursor (lower case), except the one being typed. */
  presentKeys(doc: CursorDocument, offset: number, context: CursorContext): Set<string>;
}

/**
 * One front end per format (JSON, Bicep): everything that knows the format's syntax, behind one
 * interface, chosen once per document (frontEnds/frontEndFor.ts). The features behind the facade reach
 * the syntax only through the document's front end.
 */
export interface FrontEnd {
  readonly format: TemplateFormat;
  /** Does this text concern us: may it hold anything the engine reads (a cheap scan, before parsing)? */
  mayConcern(text: string): boolean;
  /** Parses and analyses the text into the model. Never throws. */
  createDocument(text: string, options: DocumentOptions): TemplateDocument;
  /** Where the cursor is in a scale set, from the raw (possibly broken, possibly newer) text. */
  cursorContext(doc: CursorDocument, offset: number): CursorContext | undefined;
  /** How completion items are spelled. */
  readonly completion: CompletionSyntax;
  /** Writes a fix's neutral edits; undefined when they cannot be written safely. */
  writeEdits(doc: TemplateDocument, edits: readonly NeutralEdit[]): TextEdit[] | undefined;
  /**
   * The syntax path of the innermost node at an offset (JSON: property names and indexes from the root),
   * for fingerprints that survive unrelated edits; undefined where the format has none (Bicep).
   */
  nodePaths(doc: TemplateDocument): (offset: number) => readonly PathSegment[] | undefined;
  /**
   * Where each upgrade-policy property sits (key to value end), by canonical name, inside the
   * `upgradePolicy` whose key starts at `upgradePolicyOffset`: what the preview selects on "reveal".
   */
  policyPropertyRanges(text: string, upgradePolicyOffset: number, rangeAt: (start: number, end: number) => Range): Record<string, Range>;
}

// The options and results of the features (features/*.ts), in one place for the adapters.

export interface CompletionOptions {
  /**
   * Offer property names (default true). Editors whose schema-driven extensions already suggest them
   * (ARM Tools, Bicep) turn this off; values and snippets stay.
   */
  readonly propertyNames?: boolean;
}

export interface HoverOptions {
  /** Instances assumed when sku.capacity is unknown (setting vmssUpgrade.whatIf.capacity). */
  readonly assumedCapacity?: number;
  /** The document's findings (as its diagnostics show them): each one on the hovered range is told in full. */
  readonly findings?: readonly Finding[];
  /** Base URL of the rule pages for the findings' links (the facade fills it in). */
  readonly docsBase?: string;
}

export interface InlayHintOptions {
  /** Instances assumed when sku.capacity is unknown. */
  readonly assumedCapacity?: number;
}

export interface CodeLensOptions {
  readonly uri: string;
  /** Instances assumed when sku.capacity is unknown. */
  readonly assumedCapacity?: number;
  /** Per-instance failure probability for the halt estimate. */
  readonly failureRate: number;
  /** The client command a lens runs (the facade fills it in from LanguageServiceOptions.previewCommand). */
  readonly command?: string;
  /** The command of the "Tune rolling policy…" lens (LanguageServiceOptions.tuneCommand); no such lens without it. */
  readonly tuneCommand?: string;
}

/** Change-impact lenses: the document compared with a baseline the adapter supplies. */
export interface ChangeImpactLensOptions {
  readonly uri: string;
  /** What the baseline is, for the title: "HEAD", "main~1", a file name. */
  readonly label: string;
  /** The client command a lens runs (the facade fills it in from LanguageServiceOptions.previewCommand). */
  readonly command?: string;
}

/** What an unresolved lens carries to codeLens/resolve. */
export interface CodeLensData {
  readonly uri: string;
  readonly index: number;
}

export interface DiagnosticOptions {
  /** The document's URI, for related information. */
  readonly uri: string;
  /** Base URL of the rule pages; `<base><rule-id>.md` is each diagnostic's codeDescription (rules/docsUrl.ts). */
  readonly docsBase?: string;
  /** Severity of JSON syntax errors, or 'off'. */
  readonly syntaxSeverity?: Severity | 'off';
}

/** What a code-action request asks (the LSP request's fields the engine needs). */
export interface CodeActionParams {
  readonly uri: string;
  readonly range: Range;
  /** The diagnostics the client sent with the request (ours carry the rule id as `code`). */
  readonly diagnostics: readonly Diagnostic[];
  /** CodeActionContext.only: the kinds the client wants, if it says. */
  readonly only?: readonly string[];
  /**
   * Leave the edits of fixes and refactors to codeAction/resolve (writing one reads the whole document twice,
   * about 80 ms per fix on a 6 MB template: too slow for every cursor move). Only for clients that resolve `edit`.
   */
  readonly lazyEdits?: boolean;
  /** The editor's what-if settings "Tune rolling policy…" advises with (as the CodeLens and the preview do). */
  readonly whatIf?: { readonly assumedCapacity?: number; readonly failureRate?: number };
}

/** What an unresolved action carries to codeAction/resolve. */
export type CodeActionData =
  | {
      readonly uri: string;
      readonly kind: 'fix';
      readonly finding: number;
      readonly fix: number;
      readonly ruleId: string;
      readonly offset: number;
    }
  | { readonly uri: string; readonly kind: 'fixAll'; readonly ruleId: string }
  | { readonly uri: string; readonly kind: 'refactor'; readonly offset: number }
  /** "Tune rolling policy…" for the scale set at `offset` (features/tunePolicy.ts). */
  | { readonly uri: string; readonly kind: 'tunePolicy'; readonly offset: number };

/** A scale set as the server resolved it, for the client and the preview webview (vmssUpgrade/scaleSets). */
export interface ScaleSetInfo {
  /** Display name: the resolved name, else the name expression, else the JSON path. */
  readonly name: string;
  /** JSON path of the resource (or request body) in the document. */
  readonly path: readonly (string | number)[];
  /** The whole resource. */
  readonly range: Range;
  /** `properties.upgradePolicy`, when present: where the CodeLens sits and the preview points. */
  readonly upgradePolicyRange: Range | undefined;
  /** One line: mode, batch and health percentages, pause, automatic OS upgrades. */
  readonly summary: string;
  readonly capacity: { readonly count: number; readonly known: boolean };
  /** The simulator's input for this scale set, with the what-if defaults of the settings applied. */
  readonly simulatorInput: SimInput;
  /** One line per default or assumption that stands in for something the template does not say. */
  readonly assumed: readonly string[];
}

export interface ScaleSetOptions {
  readonly assumedCapacity?: number;
  /** Per-instance failure probability put into the simulator input. */
  readonly failureRate?: number;
  /** The current time, for the expired-sas-token rule (the engine has no clock). */
  readonly now?: number | string;
}
