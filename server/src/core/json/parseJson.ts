import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../model/types';

export interface ParsedJson {
  /** The tree of whatever parsed; undefined only for empty or hopeless text. */
  readonly root: Node | undefined;
  readonly errors: readonly ParseProblem[];
}

/** Deeper than this, the text is refused rather than risk the parser's recursion (real templates nest < 40). */
const MAX_NESTING = 512;

/**
 * Parses JSON as ARM reads it: comments, trailing commas, a byte-order mark, CRLF. Broken text still
 * yields a tree of what parsed, and its problems are returned, never thrown.
 */
export function parseJson(text: string): ParsedJson {
  // A BOM becomes a space so that every offset still points into the original text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const depth = maxNesting(source);
  if (depth > MAX_NESTING) {
    return { root: undefined, errors: [{ message: `The JSON nests ${depth} levels deep; more than ${MAX_NESTING} is not analysed.`, span: { offset: 0, length: 0 } }] };
  }
  const raw: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(source, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (error) {
    return { root: undefined, errors: [{ message: `The JSON could not be parsed: ${String(error)}`, span: { offset: 0, length: 0 } }] };
  }
  const errors = raw.map((e) => ({ message: describe(e), span: { offset: e.offset, length: e.length } }));
  return { root, errors };
}

function describe(error: ParseError): string {
  switch (printParseErrorCode(error.error)) {
    case 'InvalidSymbol': return 'Invalid symbol.';
    case 'InvalidNumberFormat': return 'Invalid number.';
    case 'PropertyNameExpected': return 'Property name expected.';
    case 'ValueExpected': return 'Value expected.';
    case 'ColonExpected': return 'Colon expected.';
    case 'CommaExpected': return 'Comma expected.';
    case 'CloseBraceExpected': return 'Closing brace } expected.';
    case 'CloseBracketExpected': return 'Closing bracket ] expected.';
    case 'EndOfFileExpected': return 'End of file expected.';
    case 'InvalidCommentToken': return 'Invalid comment.';
    case 'UnexpectedEndOfComment': return 'Comment not closed.';
    case 'UnexpectedEndOfString': return 'String not closed.';
    case 'UnexpectedEndOfNumber': return 'Number not finished.';
    case 'InvalidUnicode': return 'Invalid unicode escape.';
    case 'InvalidEscapeCharacter': return 'Invalid escape character.';
    case 'InvalidCharacter': return 'Invalid character in string.';
    default: return 'Invalid JSON.';
  }
}

/** Bracket depth outside strings, in one linear pass (cheap next to parsing). */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}
