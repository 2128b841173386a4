/**
 * The syntax tree of one ARM template expression (the text between the outer brackets).
 * Offsets are relative to the full template string (with its brackets), so hovers can point at a node.
 */
export type Expr = StringLiteral | IntegerLiteral | Call | PropertyAccess | IndexAccess;

interface NodeBase {
  readonly start: number;
  readonly end: number;
}

export interface StringLiteral extends NodeBase {
  readonly kind: 'string';
  readonly value: string;
}

export interface IntegerLiteral extends NodeBase {
  readonly kind: 'integer';
  readonly value: number;
}

export interface Call extends NodeBase {
  readonly kind: 'call';
  /** As written, e.g. "Concat" or "ns.fn"; compare via `lowerName`. */
  readonly name: string;
  readonly lowerName: string;
  readonly args: readonly Expr[];
}

export interface PropertyAccess extends NodeBase {
  readonly kind: 'property';
  readonly target: Expr;
  readonly name: string;
}

export interface IndexAccess extends NodeBase {
  readonly kind: 'index';
  readonly target: Expr;
  readonly index: Expr;
}

/** What the parser returns: a tree, or the first syntax error (never both, never a throw). */
export type ParseResult =
  { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly error: string; readonly offset: number };
