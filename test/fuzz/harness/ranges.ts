/**
 * Checks every range and position in a server answer against the text it refers to: inside the
 * document, never past a line's end (so never between CR and LF), start not after end, and for edits
 * never through the middle of a surrogate pair. A document symbol's selectionRange must lie in its range
 * (VS Code rejects the whole answer otherwise).
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Line starts and content lengths of a text, with LSP's line breaks (CRLF, LF, CR). */
export class Lines {
  readonly starts: number[] = [0];
  readonly lengths: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 || c === 10) {
        this.lengths.push(i - this.starts[this.starts.length - 1]!);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.lengths.push(text.length - this.starts[this.starts.length - 1]!);
  }

  get count(): number {
    return this.starts.length;
  }

  /** What is wrong with a position, or undefined. */
  positionProblem(p: unknown): string | undefined {
    if (!isPosition(p)) return `not a position: ${JSON.stringify(p)?.slice(0, 80)}`;
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0)
      return `not whole non-negative numbers: ${JSON.stringify(p)}`;
    if (p.line >= this.count) return `line ${p.line} of a ${this.count}-line document`;
    const length = this.lengths[p.line]!;
    if (p.character > length) {
      const at = this.starts[p.line]! + length;
      const crlf = this.text.charCodeAt(at) === 13 && this.text.charCodeAt(at + 1) === 10 && p.character === length + 1;
      return `character ${p.character} of line ${p.line}, which is ${length} characters long${crlf ? ' (between CR and LF)' : ''}`;
    }
    return undefined;
  }

  offsetAt(p: Position): number {
    return this.starts[p.line]! + p.character;
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(offset - this.starts[lo]!, this.lengths[lo]!) };
  }

  rangeProblem(r: unknown, edit = false): string | undefined {
    if (!isRange(r)) return `not a range: ${JSON.stringify(r)?.slice(0, 80)}`;
    const bad = this.positionProblem(r.start) ?? this.positionProblem(r.end);
    if (bad) return bad;
    if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character))
      return `starts after it ends: ${JSON.stringify(r)}`;
    if (edit) {
      for (const p of [r.start, r.end]) {
        const o = this.offsetAt(p);
        if (isHigh(this.text.charCodeAt(o - 1)) && isLow(this.text.charCodeAt(o))) return `cuts a surrogate pair at ${JSON.stringify(p)}`;
      }
    }
    return undefined;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}

function isRange(r: unknown): r is Range {
  return typeof r === 'object' && r !== null && isPosition((r as Range).start) && isPosition((r as Range).end);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * Every range problem in an answer, with the JSON path where it sits. `texts` maps each open document's
 * URI to its lines; ranges of a Location or a WorkspaceEdit are checked against the document they name
 * (skipped when it is not one we know), all others against `uri`'s.
 */
export function rangeProblems(answer: unknown, uri: string, texts: ReadonlyMap<string, Lines>): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string, lines: Lines | undefined, edit: boolean) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, lines, edit));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const o = value as Record<string, unknown>;
    // A Location, or a TextDocumentEdit, names its own document.
    if (typeof o.uri === 'string' && 'range' in o) lines = texts.get(o.uri);
    const textDocument = o.textDocument as { uri?: unknown } | undefined;
    if (typeof textDocument?.uri === 'string') lines = texts.get(textDocument.uri);
    for (const [key, v] of Object.entries(o)) {
      const at = `${path}.${key}`;
      if (key === 'changes' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
        for (const [target, edits] of Object.entries(v)) visit(edits, `${at}[${target}]`, texts.get(target), true);
        continue;
      }
      if (!lines) continue;
      const isEdit = edit || key === 'textEdit' || key === 'additionalTextEdits' || key === 'textEdits' || key === 'edits';
      if (
        (key === 'range' ||
          key === 'selectionRange' ||
          key === 'insert' ||
          key === 'replace' ||
          key === 'editRange' ||
          key === 'upgradePolicyRange') &&
        v !== undefined &&
        v !== null
      ) {
        const bad = lines.rangeProblem(v, isEdit);
        if (bad) problems.push(`${at}: ${bad}`);
      } else if (key === 'position' && v !== undefined) {
        const bad = lines.positionProblem(v);
        if (bad) problems.push(`${at}: ${bad}`);
      } else {
        visit(v, at, lines, isEdit);
      }
    }
    if (isRange(o.range) && isRange(o.selectionRange) && !contains(o.range, o.selectionRange))
      problems.push(`${path}: selectionRange ${JSON.stringify(o.selectionRange)} is not inside range ${JSON.stringify(o.range)}`);
  };
  visit(answer, '$', texts.get(uri), false);
  return problems;
}
