import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../text/span';
import { boundJsonDepth, tooDeepMessage } from './depthGuard';
import { LAZY_MAX_DEPTH, lazyRoot } from './lazyTree';
import { rescanStrictJson } from './rescan';
import { scanStrictJson, type Containers } from './strictScan';
import type { TextChange } from '../text/textChange';

export interface ParsedJson {
  /** The tree of whatever parsed; undefined only for empty or hopeless text. */
  readonly root: Node | undefined;
  readonly errors: readonly ParseProblem[];
  /** Strict JSON only: where its containers are, so that the next version can be scanned in part (reparseJson). */
  readonly containers?: Containers;
}

/**
 * Parses JSON as ARM reads it: comments, trailing commas, a byte-order mark, CRLF. Broken text still
 * yields a tree of what parsed, and its problems are returned, never thrown. `newVersion`: the text is a
 * later version of one already analysed, whose model may be carried over again (the lazy tree then
 * copies its strings out of a large text: json/lazyTree.ts, stringValue).
 */
export function parseJson(text: string, newVersion = false): ParsedJson {
  const source = withoutBom(text);
  // Strict JSON (most templates) takes the fast path: validated natively, tree built as it is read.
  const containers = scanStrictJson(source, LAZY_MAX_DEPTH);
  if (containers) return { root: lazyRoot(containers, newVersion), errors: [], containers };
  return parseTolerantly(source);
}

/**
 * The parse of a new version of a text, given the parse of the old one and what changed: when both are
 * strict JSON and the change lies inside one object or array, only that container is scanned again
 * (json/rescan.ts). The same result as parseJson(text), in a fraction of the time on a large file.
 */
export function reparseJson(previous: ParsedJson, text: string, change: TextChange): ParsedJson {
  const source = withoutBom(text);
  const containers = previous.containers && rescanStrictJson(previous.containers, source, change, LAZY_MAX_DEPTH);
  return containers ? { root: lazyRoot(containers, true), errors: [], containers } : parseJson(text, true);
}

/** A BOM becomes a space so that every offset still points into the original text. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}

function parseTolerantly(source: string): ParsedJson {
  // jsonc-parser recurses once per nesting level: past MAX_JSON_DEPTH the content is blanked and
  // reported, so the tree (and every recursive helper later run on it) stays shallow.
  const bounded = boundJsonDepth(source);
  const raw: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(bounded.text, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (error) {
    // Not expected any more (the depth is bounded); kept so that no parser bug can crash the host.
    return { root: undefined, errors: [{ message: `The JSON could not be parsed: ${String(error)}`, span: { offset: 0, length: 0 } }] };
  }
  const errors = raw.map((e) => ({ message: describe(e), span: { offset: e.offset, length: e.length } }));
  if (bounded.tooDeep) {
    errors.push({ message: tooDeepMessage(), span: bounded.tooDeep });
    errors.sort((a, b) => a.span.offset - b.span.offset);
  }
  return { root, errors };
}

function describe(error: ParseError): string {
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol':
      return 'Invalid symbol.';
    case 'InvalidNumberFormat':
      return 'Invalid number.';
    case 'PropertyNameExpected':
      return 'Property name expected.';
    case 'ValueExpected':
      return 'Value expected.';
    case 'ColonExpected':
      return 'Colon expected.';
    case 'CommaExpected':
      return 'Comma expected.';
    case 'CloseBraceExpected':
      return 'Closing brace } expected.';
    case 'CloseBracketExpected':
      return 'Closing bracket ] expected.';
    case 'EndOfFileExpected':
      return 'End of file expected.';
    case 'InvalidCommentToken':
      return 'Invalid comment.';
    case 'UnexpectedEndOfComment':
      return 'Comment not closed.';
    case 'UnexpectedEndOfString':
      return 'String not closed.';
    case 'UnexpectedEndOfNumber':
      return 'Number not finished.';
    case 'InvalidUnicode':
      return 'Invalid unicode escape.';
    case 'InvalidEscapeCharacter':
      return 'Invalid escape character.';
    case 'InvalidCharacter':
      return 'Invalid character in string.';
    default:
      return 'Invalid JSON.';
  }
}
