import { parseBicepExpression } from '../../bicep/parser';
import type { ArrayExpr, BicepFile, Expr, ObjectExpr, ObjectProperty, Statement } from '../../bicep/syntax';
import type { ParseProblem } from '../../model/templateModel';
import type { Span } from '../../text/span';

/**
 * The syntax nodes the Bicep writer edits, found by the spans the model carries, with what the writer
 * needs to decide whether editing them is safe: the object or array holding each expression, and where
 * the parser reported problems. A node "parses cleanly" when no problem lies inside it; the writer
 * edits only such nodes, as the JSON writer edits only objects whose structure is sound (an object with
 * a half-typed member, a value missing or a stray character after one is read by the parser's recovery,
 * which skips to the line end: where its members end is then a guess, and an edit there corrupts it).
 */

/** The container an expression is an item or property value of (undefined at the top of a statement). */
export type Container = ObjectExpr | ArrayExpr;

interface Entry {
  readonly expr: Expr;
  readonly parent: Container | undefined;
}

/** The lookups of one tree: a statement of the file, or an expression parsed again on its own. */
class TreeIndex {
  private readonly exprs = new Map<string, Entry>();
  private readonly properties = new Map<string, { property: ObjectProperty; object: ObjectExpr }>();
  /** API version spans inside resource type strings, with the type string around each. */
  private readonly apiVersions = new Map<string, Span>();

  constructor(roots: readonly Expr[], statement?: Statement) {
    if (statement?.kind === 'resource' && statement.apiVersionSpan)
      this.apiVersions.set(keyOf(statement.apiVersionSpan), statement.typeSpan);
    // An explicit stack: a deep tree must not exhaust the call stack.
    const stack: Entry[] = roots.map((expr) => ({ expr, parent: undefined }));
    while (stack.length) {
      const entry = stack.pop()!;
      const { expr } = entry;
      const key = keyOf(expr.span);
      // The outermost node wins when several share a span.
      if (!this.exprs.has(key)) this.exprs.set(key, entry);
      this.pushChildren(expr, stack);
    }
  }

  exprAt(span: Span): Entry | undefined {
    return this.exprs.get(keyOf(span));
  }

  propertyAt(keySpan: Span): { property: ObjectProperty; object: ObjectExpr } | undefined {
    return this.properties.get(keyOf(keySpan));
  }

  /** The type string around `span` when it is the API version inside one. */
  typeStringOf(span: Span): Span | undefined {
    return this.apiVersions.get(keyOf(span));
  }

  private pushChildren(expr: Expr, stack: Entry[]): void {
    const push = (child: Expr, parent?: Container): void => {
      stack.push({ expr: child, parent });
    };
    switch (expr.kind) {
      case 'object':
        for (const property of expr.properties) {
          this.properties.set(keyOf(property.keySpan), { property, object: expr });
          push(property.value, expr);
          if (property.computedKey) push(property.computedKey);
        }
        for (const resource of expr.resources) {
          if (resource.apiVersionSpan) this.apiVersions.set(keyOf(resource.apiVersionSpan), resource.typeSpan);
          push(resource.body, expr);
        }
        return;
      case 'array':
        for (const item of expr.items) push(item, expr);
        return;
      case 'interpolation':
        for (const part of expr.parts) if (typeof part !== 'string') push(part);
        return;
      case 'member':
        return push(expr.target);
      case 'index':
        push(expr.target);
        return push(expr.index);
      case 'call':
        for (const arg of expr.args) push(arg);
        return;
      case 'unary':
        return push(expr.operand);
      case 'binary':
        push(expr.left);
        return push(expr.right);
      case 'ternary':
        push(expr.condition);
        push(expr.whenTrue);
        return push(expr.whenFalse);
      case 'for':
      case 'if':
        push(expr.kind === 'for' ? expr.iterable : expr.condition);
        return push(expr.body);
      case 'spread':
        return push(expr.operand);
      default:
        return;
    }
  }
}

/** A tree's lookups and where its parser reported problems. */
export class BicepNodes {
  /** Problem offsets, sorted. */
  private readonly problemOffsets: number[];

  protected constructor(problems: readonly ParseProblem[]) {
    const offsets = problems.map((p) => p.span.offset);
    // The parser reports in source order nearly always: sort only when it did not.
    if (offsets.some((offset, i) => i > 0 && offset < offsets[i - 1]!)) offsets.sort((a, b) => a - b);
    this.problemOffsets = offsets;
  }

  /** No problem lies in [from, to). */
  cleanBetween(from: number, to: number): boolean {
    const offsets = this.problemOffsets;
    let low = 0;
    let high = offsets.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[mid]! < from) low = mid + 1;
      else high = mid;
    }
    return low === offsets.length || offsets[low]! >= to;
  }

  /** A node parses cleanly: no problem inside its text. */
  clean(span: Span): boolean {
    return this.cleanBetween(span.offset, span.offset + span.length);
  }
}

/**
 * The nodes of a whole file: each statement is indexed only when a span in it is asked for (a fix reads
 * one or two statements, so it need not index a large file).
 */
export class FileNodes extends BicepNodes {
  private readonly indexes = new Map<Statement, TreeIndex>();

  constructor(private readonly file: BicepFile) {
    super(file.problems);
  }

  exprAt(span: Span): Entry | undefined {
    return this.indexOf(span)?.exprAt(span);
  }

  propertyAt(keySpan: Span): { property: ObjectProperty; object: ObjectExpr } | undefined {
    return this.indexOf(keySpan)?.propertyAt(keySpan);
  }

  typeStringOf(span: Span): Span | undefined {
    return this.indexOf(span)?.typeStringOf(span);
  }

  private indexOf(span: Span): TreeIndex | undefined {
    const statements = this.file.statements;
    // The last statement starting at or before the span (statements are in source order).
    let low = 0;
    let high = statements.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (statements[mid]!.span.offset <= span.offset) low = mid;
      else high = mid - 1;
    }
    const statement = statements[low];
    if (!statement || statement.span.offset > span.offset || statement.span.offset + statement.span.length < span.offset + span.length)
      return undefined;
    let index = this.indexes.get(statement);
    if (!index) this.indexes.set(statement, (index = new TreeIndex(rootsOf(statement), statement)));
    return index;
  }
}

/** One expression parsed again on its own from the current text (see readExpression). */
export class LocalNodes extends BicepNodes {
  private readonly index: TreeIndex;

  constructor(
    readonly root: Expr,
    problems: readonly ParseProblem[],
  ) {
    super(problems);
    this.index = new TreeIndex([root]);
  }

  exprAt(span: Span): Entry | undefined {
    return this.index.exprAt(span);
  }

  propertyAt(keySpan: Span): { property: ObjectProperty; object: ObjectExpr } | undefined {
    return this.index.propertyAt(keySpan);
  }
}

/**
 * The expression written exactly at [start, end) of `text` (whole lines of the current text starting at
 * document offset `base`), parsed on its own, its offsets in the document's terms; undefined when the
 * range does not hold exactly one expression.
 */
export function readExpression(text: string, base: number, start: number, end: number): LocalNodes | undefined {
  const parsed = parseBicepExpression(text, start - base, end - base);
  const expr = parsed.expr;
  if (!expr || !parsed.whole || expr.span.offset !== start - base || expr.span.length !== end - start) return undefined;
  return new LocalNodes(
    shifted(expr, base),
    parsed.problems.map((p) => ({ ...p, span: { offset: p.span.offset + base, length: p.span.length } })),
  );
}

function rootsOf(statement: Statement): Expr[] {
  switch (statement.kind) {
    case 'param':
      return statement.defaultValue ? [statement.defaultValue] : [];
    case 'var':
      return [statement.value];
    case 'resource':
    case 'module':
      return [statement.body];
    default:
      return [];
  }
}

function keyOf(span: Span): string {
  return `${span.offset}:${span.length}`;
}

/**
 * A copy of a syntax node with every span moved by `delta` (an explicit stack: trees may nest deeply).
 * Nodes are plain data; a span is any object with exactly a numeric offset and length.
 */
export function shifted<T extends object>(node: T, delta: number): T {
  if (delta === 0) return node;
  const copies = new Map<object, object>();
  const copyOf = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    let copy = copies.get(value);
    if (!copy) {
      copy = Array.isArray(value) ? [] : {};
      copies.set(value, copy);
      stack.push([value, copy]);
    }
    return copy;
  };
  const stack: [object, object][] = [];
  const root = copyOf(node) as T;
  while (stack.length) {
    const [from, to] = stack.pop()!;
    const record = from as Record<string, unknown>;
    const isSpan =
      !Array.isArray(from) && typeof record.offset === 'number' && typeof record.length === 'number' && Object.keys(from).length === 2;
    for (const key of Object.keys(from)) {
      (to as Record<string, unknown>)[key] = isSpan && key === 'offset' ? (record.offset as number) + delta : copyOf(record[key]);
    }
  }
  return root;
}
