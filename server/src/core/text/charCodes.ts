/**
 * The character codes the JSON scanners compare against (json/strictScan.ts, json/lazyTree.ts,
 * json/depthGuard.ts). Shared: the shipped bundles and the benchmarks (which run the same esbuild
 * output, scripts/bench/run.mjs) inline them, so an import costs nothing in the hot loops.
 */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const STAR = 42;
export const COMMA = 44;
export const MINUS = 45;
export const SLASH = 47;
export const COLON = 58;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
