import type { Token } from './scanner';
import type { ArrayExpr, Expr, ForExpr, ObjectExpr, ObjectProperty, ResourceDecl } from './syntax';
import { spanFrom, type TokenStream } from './tokenStream';

/**
 * What the collection parsers need of the expression parser, which implements it: declared here so that
 * this file does not import parseExpression.ts (which imports it).
 */
export interface ItemParser {
  readonly s: TokenStream;
  readonly parseResource: (stream: TokenStream, depth: number) => ResourceDecl;
  expression(depth: number): Expr;
  postfix(depth: number): Expr;
  stringExpr(t: Token, depth: number): Expr;
  missingAt(offset: number): Expr;
}

/** Object and array literals and `for` expressions: items separated by newlines or commas, with recovery per item. */

const ITEM_STOPS = new Set(['}', ']', ',']);
/** Top-level keywords: at the start of a line inside an unclosed object they end it. */
const STATEMENT_KEYWORDS = new Set(['param', 'var', 'module', 'output', 'targetScope', 'type', 'func', 'metadata', 'import', 'using']);

export function parseObject(p: ItemParser, depth: number): ObjectExpr {
  const s = p.s;
  const open = s.next();
  const properties: ObjectProperty[] = [];
  const resources: ResourceDecl[] = [];
  for (;;) {
    const t = s.current;
    if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ',')) {
      s.next();
      continue;
    }
    if (t.kind === 'punct' && t.text === '}') {
      s.next();
      break;
    }
    if (t.kind === 'eof' || endsUnclosedObject(s, t)) {
      s.problem("expected '}'", spanFrom(open.start, 1));
      break;
    }
    if (t.kind === 'punct' && t.text === '@') {
      // Decorators on properties (in type declarations): parsed and dropped.
      s.next();
      p.postfix(depth + 1);
      continue;
    }
    if (t.kind === 'punct' && t.text === '...') {
      const item = spread(p, depth);
      properties.push({ key: '...', keySpan: spanFrom(t.start, t.end), value: item.operand, span: item.span, spread: true });
      continue;
    }
    if (t.kind === 'identifier' && t.text === 'resource' && s.peek().kind === 'identifier') {
      resources.push(p.parseResource(s, depth + 1));
      continue;
    }
    const found = property(p, depth);
    if (found) properties.push(found);
  }
  return { kind: 'object', span: spanFrom(open.start, s.lastEnd), properties, resources };
}

function endsUnclosedObject(s: TokenStream, t: Token): boolean {
  if (t.kind !== 'identifier') return false;
  // The line-start test first: it is one char code, while the keyword lookup hashes a fresh string.
  const lineStart = t.start === 0 || s.text.charCodeAt(t.start - 1) === 10;
  return lineStart && STATEMENT_KEYWORDS.has(t.text) && s.peek().text !== ':';
}

function property(p: ItemParser, depth: number): ObjectProperty | undefined {
  const s = p.s;
  const key = s.current;
  let name: string | undefined;
  let computedKey: Expr | undefined;
  if (key.kind === 'identifier') name = key.text;
  else if (key.kind === 'string' && key.parts?.length === 1) name = key.parts[0] as string;
  else if (key.kind === 'string' || key.kind === 'multilineString') {
    name = key.text.slice(1, -1);
    computedKey = p.stringExpr(key, depth + 1);
  }
  if (name === undefined) {
    s.problem(`unexpected '${key.text}'`);
    s.next();
    s.recover(ITEM_STOPS);
    return undefined;
  }
  s.next();
  const keySpan = spanFrom(key.start, key.end);
  if (!s.accept(':')) {
    s.problem("expected ':' after the property name");
    s.recover(ITEM_STOPS);
    return { key: name, keySpan, value: p.missingAt(s.lastEnd), span: spanFrom(key.start, s.lastEnd) };
  }
  const value = p.expression(depth + 1);
  const t = s.current;
  if (!(t.kind === 'newline' || t.kind === 'eof' || (t.kind === 'punct' && ITEM_STOPS.has(t.text)))) {
    s.problem(`unexpected '${t.text}' after the value of '${name}'`);
    s.recover(ITEM_STOPS);
  }
  const span = spanFrom(key.start, value.span.offset + value.span.length);
  // Two literal shapes, not a spread: this runs for every property of a file.
  return computedKey ? { key: name, computedKey, keySpan, value, span } : { key: name, keySpan, value, span };
}

export function parseArray(p: ItemParser, depth: number): ArrayExpr | ForExpr {
  const s = p.s;
  const open = s.next();
  s.skipNewlines();
  if (s.is('for')) return forExpr(p, open.start, depth);
  const items: Expr[] = [];
  for (;;) {
    const t = s.current;
    if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ',')) {
      s.next();
      continue;
    }
    if (t.kind === 'punct' && t.text === ']') {
      s.next();
      break;
    }
    if (t.kind === 'eof' || endsUnclosedObject(s, t)) {
      s.problem("expected ']'", spanFrom(open.start, 1));
      break;
    }
    const before = s.index;
    items.push(t.kind === 'punct' && t.text === '...' ? spread(p, depth) : p.expression(depth + 1));
    const after = s.current;
    if (
      s.index === before ||
      !(after.kind === 'newline' || after.kind === 'eof' || (after.kind === 'punct' && ITEM_STOPS.has(after.text)))
    ) {
      if (s.index !== before) s.problem(`unexpected '${after.text}' in the array`);
      if (s.index === before) s.next();
      s.recover(ITEM_STOPS);
    }
  }
  return { kind: 'array', span: spanFrom(open.start, s.lastEnd), items };
}

function spread(p: ItemParser, depth: number): Extract<Expr, { kind: 'spread' }> {
  const s = p.s;
  const dots = s.next();
  const operand = p.expression(depth + 1);
  return { kind: 'spread', span: spanFrom(dots.start, s.lastEnd), operand };
}

function forExpr(p: ItemParser, start: number, depth: number): ForExpr {
  const s = p.s;
  s.next();
  let itemName: string | undefined;
  let indexName: string | undefined;
  if (s.accept('(')) {
    itemName = s.current.kind === 'identifier' ? s.next().text : undefined;
    if (s.accept(',')) indexName = s.current.kind === 'identifier' ? s.next().text : undefined;
    if (!s.accept(')')) s.problem("expected ')'");
  } else if (s.current.kind === 'identifier') {
    itemName = s.next().text;
  }
  if (!s.accept('in')) s.problem("expected 'in'");
  const iterable = p.expression(depth + 1);
  if (!s.accept(':')) s.problem("expected ':' in the for expression");
  s.skipNewlines();
  const body = p.expression(depth + 1);
  s.skipNewlines();
  if (!s.accept(']')) {
    s.problem("expected ']'");
    s.recover(new Set([']', '}']));
    s.accept(']');
  }
  return { kind: 'for', span: spanFrom(start, s.lastEnd), itemName, indexName, iterable, body };
}
