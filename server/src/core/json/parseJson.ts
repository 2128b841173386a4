import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { ParseProblem } from '../model/types';
import { parseStrictLazily } from './lazyTree';

export interface ParsedJson {
  /** The tree of whatever parsed; undefined only for empty or hopeless text. */
  readonly root: Node | undefined;
  readonly errors: readonly ParseProblem[];
}

/**
 * Parses JSON as ARM reads it: comments, trailing commas, a byte-order mark, CRLF. Broken text still
 * yields a tree of what parsed, and its problems are returned, never thrown.
 */
export function parseJson(text: string): ParsedJson {
  // A BOM becomes a space so that every offset still points into the original text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  // Strict JSON (most templates) takes the fast path: validated natively, tree built as it is read.
  const lazy = parseStrictLazily(source);
  if (lazy) return { root: lazy, errors: [] };
  const raw: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(source, raw, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (error) {
    // jsonc-parser recurses once per nesting level; pathological nesting exhausts the stack. That is a
    // RangeError we can catch, and the document is reported instead of crashing the host.
    const message = error instanceof RangeError ? 'The JSON nests too deeply to be analysed.' : `The JSON could not be parsed: ${String(error)}`;
    return { root: undefined, errors: [{ message, span: { offset: 0, length: 0 } }] };
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
