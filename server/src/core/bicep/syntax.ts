import type { ParseProblem } from '../model/templateModel';
import type { Span } from '../text/span';

/**
 * The Bicep syntax tree: every node has the span of its text in the source. Missing pieces in
 * half-typed files become `missing` nodes, so consumers never see undefined where a value belongs.
 */
export type Expr =
  | { readonly kind: 'string'; readonly span: Span; readonly value: string }
  | { readonly kind: 'interpolation'; readonly span: Span; readonly parts: readonly (string | Expr)[] }
  | { readonly kind: 'number'; readonly span: Span; readonly value: number }
  | { readonly kind: 'boolean'; readonly span: Span; readonly value: boolean }
  | { readonly kind: 'null'; readonly span: Span }
  | { readonly kind: 'identifier'; readonly span: Span; readonly name: string }
  | ObjectExpr
  | ArrayExpr
  | { readonly kind: 'member'; readonly span: Span; readonly target: Expr; readonly name: string; readonly safe: boolean }
  | { readonly kind: 'index'; readonly span: Span; readonly target: Expr; readonly index: Expr; readonly safe: boolean }
  | CallExpr
  | { readonly kind: 'unary'; readonly span: Span; readonly op: string; readonly operand: Expr }
  | { readonly kind: 'binary'; readonly span: Span; readonly op: string; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'ternary'; readonly span: Span; readonly condition: Expr; readonly whenTrue: Expr; readonly whenFalse: Expr }
  | ForExpr
  | IfExpr
  | { readonly kind: 'lambda'; readonly span: Span }
  /** `...value` inside an array or object literal. */
  | { readonly kind: 'spread'; readonly span: Span; readonly operand: Expr }
  | { readonly kind: 'missing'; readonly span: Span };

export interface ObjectProperty {
  /** The key as written (for an interpolated key, its source text without quotes). */
  readonly key: string;
  /** An interpolated key `'${x}': …`, evaluated when the model is built. */
  readonly computedKey?: Expr;
  /** `...value`: the key is '...' and the value's properties are merged in here. */
  readonly spread?: boolean;
  readonly keySpan: Span;
  readonly value: Expr;
  /** From the key's start to the value's end. */
  readonly span: Span;
}

export interface ObjectExpr {
  readonly kind: 'object';
  readonly span: Span;
  readonly properties: readonly ObjectProperty[];
  /** `resource child 'type' = …` declared inside a resource body. */
  readonly resources: readonly ResourceDecl[];
}

export interface ArrayExpr {
  readonly kind: 'array';
  readonly span: Span;
  readonly items: readonly Expr[];
}

export interface CallExpr {
  readonly kind: 'call';
  readonly span: Span;
  /** As written, without a `sys.`/`az.` namespace. */
  readonly name: string;
  readonly namespace: string | undefined;
  readonly args: readonly Expr[];
}

/** `[for item in items: body]`, `[for (item, i) in items: body]`, body possibly `if (c) value`. */
export interface ForExpr {
  readonly kind: 'for';
  readonly span: Span;
  readonly itemName: string | undefined;
  readonly indexName: string | undefined;
  readonly iterable: Expr;
  readonly body: Expr;
}

/** `if (condition) body`: a conditional resource or module body, or a filtered loop body. */
export interface IfExpr {
  readonly kind: 'if';
  readonly span: Span;
  readonly condition: Expr;
  readonly body: Expr;
}

export interface Decorator {
  readonly name: string;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface ParamDecl {
  readonly kind: 'param';
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  /** The type as written (`int`, `string[]`, `resourceInput<…>`, …). */
  readonly type: string | undefined;
  readonly defaultValue: Expr | undefined;
  readonly decorators: readonly Decorator[];
}

export interface VarDecl {
  readonly kind: 'var';
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  readonly value: Expr;
}

export interface ResourceDecl {
  readonly kind: 'resource';
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  /** The type before `@` as written (a nested child may give only the last segment). */
  readonly type: string;
  readonly apiVersion: string | undefined;
  readonly typeSpan: Span;
  /** The API version inside the type string (after `@`), for fixes that change it. */
  readonly apiVersionSpan: Span | undefined;
  readonly existing: boolean;
  /** An object, `if (…) {…}` or `[for …: {…}]`. */
  readonly body: Expr;
}

export interface ModuleDecl {
  readonly kind: 'module';
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  readonly path: string;
  readonly pathSpan: Span;
  readonly body: Expr;
}

/** `using 'main.bicep'` in a .bicepparam file. */
export interface UsingDecl {
  readonly kind: 'using';
  readonly span: Span;
  readonly path: string;
}

/** Statements the model does not read (output, type, func, metadata, targetScope, import). */
export interface OtherDecl {
  readonly kind: 'other';
  readonly span: Span;
  readonly keyword: string;
}

export type Statement = ParamDecl | VarDecl | ResourceDecl | ModuleDecl | UsingDecl | OtherDecl;

export interface BicepFile {
  readonly statements: readonly Statement[];
  readonly problems: readonly ParseProblem[];
}
