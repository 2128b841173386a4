/**
 * Every size threshold of the product in one place: how large a document, how many findings, how deep a
 * nesting changes what the engine or an adapter does. Each constant says what happens past it and why; a
 * change here is a change of behaviour (benchmarks in scripts/bench measure what they buy).
 */

/**
 * Documents this large (characters) take a second or more to analyse, during which no other request is
 * served: while the user types in one, requests that need a fresh analysis wait until typing pauses, so
 * completion (which needs none) stays instant, and pushed diagnostics wait longer.
 */
export const LARGE_DOCUMENT = 1_000_000;

/**
 * From this size on (characters), the language server analyses a new version of a document from the
 * previous one (DocumentOptions.previous): scale sets and findings outside the changed resource are carried
 * over. Below it a full analysis takes a few milliseconds, and is the simpler path.
 */
export const REUSE_ANALYSIS_FROM = 100_000;

/** From this size on (characters), completion after an edit uses the scale-set spans carried through the edits instead of analysing again. */
export const CARRY_SPANS_FROM = 200_000;

/**
 * Past this size (characters), code actions come without edits and are resolved when chosen (when the
 * client can): writing an edit reads the whole document twice, too slow on every cursor move.
 */
export const LAZY_EDITS_FROM = 200_000;

/** Up to this many scale sets, CodeLenses come with their simulation; beyond, each is simulated on resolve. */
export const EAGER_LENS_LIMIT = 5;

/**
 * The "Tune rolling policy…" lens runs the advisor (tens of milliseconds per scale set of a few dozen
 * instances, about 0.1 s at 100) on every lens request: only while the document's scale sets, eager
 * lenses, hold at most this many instances together. The code action and the preview advise at any size.
 */
export const TUNE_LENS_MAX_INSTANCES = 100;

/**
 * Change-impact lenses compare the document with its baseline and simulate each changed scale set's
 * rollout: past this many scale sets on either side they are not offered (the CLI's `diff` still is).
 */
export const IMPACT_LENS_LIMIT = 50;

/** Syntax errors shown as diagnostics per document: past this many they are noise, the first ones are what to fix. */
export const MAX_SYNTAX_ERRORS = 20;

/**
 * Parse errors the CLI lists per file, in every format (docs/cli.md). A broken file can have one per
 * token (a 400 KB file had 200,000, printed as 120 MB of SARIF); the rest are counted, not listed.
 */
export const MAX_PARSE_ERRORS = 100;

/**
 * JSON nested deeper than this has the content of its deepest containers blanked before any recursive
 * code sees it (json/depthGuard.ts); the strict fast path hands deeper text to the tolerant parser.
 */
export const MAX_JSON_DEPTH = 256;

/** The workspace lint skips files larger than this (bytes) and looks at no more than MAX_LINT_FILES files. */
export const MAX_LINT_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_LINT_FILES = 5000;
