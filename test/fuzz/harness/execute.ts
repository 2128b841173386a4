import type { Format } from './corpus';
import type { Outcome, ServerDriver } from './driver';
import type { Failure, FailureKind } from './failures';
import { checkFix, toOffsets, type TextEdit } from './fixChecks';
import type { FuzzCase, Step } from './generate';
import { markupProblems } from './markupCheck';
import { Lines, rangeProblems, type Range } from './ranges';
import { safeOffset } from './textMutators';

/**
 * Runs one fuzz case against a live server as VS Code would: opens the document (and its parameters
 * file), sends the steps, resolves what VS Code resolves, and applies quick fixes the way a user
 * accepting them does. Every answer goes through the checks; a hang or a crash ends the case (the
 * server is then unusable and the caller replaces it).
 */
export interface RunOptions {
  /** Quick fixes per case that are applied through the server and re-diagnosed (all are checked locally). */
  readonly fixesPerCase: number;
}

export interface CaseStats {
  requests: number;
  /** Quick fixes whose edit was applied and checked locally (parse, comments, ranges). */
  fixesChecked: number;
  /** … and then sent to the server as a user's edit, re-diagnosed, and undone. */
  fixesApplied: number;
  readonly slowest: Map<string, number>;
  /** Requests sent, by method. */
  readonly byMethod: Map<string, number>;
}

export interface CaseResult {
  readonly failures: Failure[];
  readonly stats: CaseStats;
  /** False after a hang or a crash: the server must be replaced. */
  readonly serverUsable: boolean;
}

interface Diagnostic {
  readonly range: Range;
  readonly code?: string | number;
  readonly message: string;
}

interface CodeAction {
  readonly title: string;
  readonly kind?: string;
  readonly diagnostics?: Diagnostic[];
  readonly edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[] };
  readonly data?: unknown;
  readonly command?: unknown;
}

class Stop extends Error {}

export function formatOf(uri: string): Format {
  return /\.(bicep|bicepparam)$/i.test(uri) ? 'bicep' : 'json';
}

export async function runCase(driver: ServerDriver, c: FuzzCase, options: RunOptions): Promise<CaseResult> {
  const run = new CaseRun(driver, c, options);
  try {
    await run.all();
    return { failures: run.failures, stats: run.stats, serverUsable: true };
  } catch (error) {
    if (error instanceof Stop) return { failures: run.failures, stats: run.stats, serverUsable: false };
    throw error;
  }
}

class CaseRun {
  readonly failures: Failure[] = [];
  readonly stats: CaseStats = { requests: 0, fixesChecked: 0, fixesApplied: 0, slowest: new Map(), byMethod: new Map() };
  private readonly uri: string;
  private readonly format: Format;
  private text: string;
  private version = 1;
  private lines: Lines;
  private readonly texts = new Map<string, Lines>();
  private diagnostics: Diagnostic[] = [];
  private diagnosedVersion = -1;
  private step = -1;
  private readonly triedFixes = new Set<string>();

  constructor(
    private readonly driver: ServerDriver,
    private readonly c: FuzzCase,
    private readonly options: RunOptions,
  ) {
    this.uri = c.document.uri;
    this.format = formatOf(this.uri);
    this.text = c.document.text;
    this.lines = new Lines(this.text);
    this.texts.set(this.uri, this.lines);
    if (c.companion) this.texts.set(c.companion.uri, new Lines(c.companion.text));
  }

  async all(): Promise<void> {
    const { companion, document } = this.c;
    if (companion) this.driver.notify('textDocument/didOpen', { textDocument: { ...companion, version: 1 } });
    this.driver.notify('textDocument/didOpen', { textDocument: { ...document, version: 1 } });
    for (this.step = 0; this.step < this.c.steps.length; this.step++) await this.run(this.c.steps[this.step]!);
    this.step = this.c.steps.length;
    this.driver.notify('textDocument/didClose', { textDocument: { uri: this.uri } });
    if (companion) this.driver.notify('textDocument/didClose', { textDocument: { uri: companion.uri } });
    // The close is a notification: one more request makes sure the server handled it (and is still alive).
    await this.request('vmssUpgrade/scaleSets', { textDocument: { uri: this.uri } });
  }

  private fail(kind: FailureKind, method: string, detail: string): void {
    this.failures.push({ kind, method, detail, step: this.step });
  }

  private async request<R>(method: string, params: unknown, cancel = false): Promise<R | undefined> {
    this.stats.requests++;
    this.stats.byMethod.set(method, (this.stats.byMethod.get(method) ?? 0) + 1);
    const outcome: Outcome = await this.driver.request(method, params, undefined, cancel);
    if (outcome.kind === 'crash') {
      this.fail(
        this.driver.overLimit ? 'memory' : 'crash',
        method,
        `${outcome.exit}${outcome.stderr ? `; stderr: ${outcome.stderr.slice(-300)}` : ''}`,
      );
      throw new Stop();
    }
    if (outcome.kind === 'hang') {
      this.fail('hang', method, `no answer after ${Math.round(outcome.cpuMs)} ms of the server's CPU (${Math.round(outcome.ms)} ms wall)`);
      throw new Stop();
    }
    this.stats.slowest.set(method, Math.max(this.stats.slowest.get(method) ?? 0, outcome.ms));
    if (outcome.kind === 'error') {
      if (!(cancel && outcome.code === -32800)) this.fail('error', method, `${outcome.code} ${outcome.message.slice(0, 300)}`);
      return undefined;
    }
    for (const p of rangeProblems(outcome.result, this.uri, this.texts).slice(0, 3)) this.fail('invalid-range', method, p);
    for (const p of markupProblems(method, outcome.result).slice(0, 3)) this.fail('markup', method, p);
    return outcome.result as R;
  }

  private position(raw: number) {
    return this.lines.positionAt(safeOffset(this.text, raw % (this.text.length + 1)));
  }

  private async run(step: Step): Promise<void> {
    const doc = { textDocument: { uri: this.uri } };
    switch (step.op) {
      case 'diagnostics':
        return void (await this.diagnose());
      case 'hover':
        return void (await this.request('textDocument/hover', { ...doc, position: this.position(step.at) }));
      case 'completion':
        return this.completion(step.at, step.trigger);
      case 'codeAction':
        return this.codeActions(step);
      case 'codeLens':
        return this.codeLenses();
      case 'inlayHint':
        return this.inlayHints(step.at, step.length);
      case 'symbols':
        return void (await this.request('textDocument/documentSymbol', doc));
      case 'scaleSets':
        return void (await this.request('vmssUpgrade/scaleSets', doc));
      case 'advise':
        return this.advise(step);
      case 'edit': {
        const start = safeOffset(this.text, step.at % (this.text.length + 1));
        const end = safeOffset(this.text, start + step.deleteLength);
        return this.change([{ start, end: Math.max(start, end), newText: step.text }]);
      }
      case 'parameters': {
        if (!this.c.companion) return;
        this.driver.notify('vmssUpgrade/setParametersFile', {
          templateUri: this.uri,
          parametersUri: step.link ? this.c.companion.uri : null,
        });
        return void (await this.diagnose());
      }
      case 'cancel': {
        const method = {
          hover: 'textDocument/hover',
          completion: 'textDocument/completion',
          codeLens: 'textDocument/codeLens',
          inlayHint: 'textDocument/inlayHint',
          diagnostics: 'textDocument/diagnostic',
        }[step.method];
        const params =
          step.method === 'inlayHint'
            ? { ...doc, range: { start: { line: 0, character: 0 }, end: this.position(step.at) } }
            : step.method === 'hover' || step.method === 'completion'
              ? { ...doc, position: this.position(step.at) }
              : doc;
        return void (await this.request(method, params, true));
      }
    }
  }

  private async diagnose(): Promise<Diagnostic[]> {
    const report = await this.request<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: this.uri } });
    this.diagnostics = report?.items ?? [];
    this.diagnosedVersion = this.version;
    for (const d of this.diagnostics)
      if (d.code === 'internal-rule-error') this.fail('error', 'textDocument/diagnostic', `a rule threw: ${d.message.slice(0, 300)}`);
    return this.diagnostics;
  }

  /** Sends edits (sorted, not overlapping, offsets in the current text) as VS Code does, then pulls diagnostics. */
  private async change(edits: readonly { start: number; end: number; newText: string }[]): Promise<void> {
    const changes = [...edits]
      .sort((a, b) => b.start - a.start)
      .map((e) => ({ range: { start: this.lines.positionAt(e.start), end: this.lines.positionAt(e.end) }, text: e.newText }));
    let text = this.text;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    this.setText(text);
    this.driver.notify('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: changes });
    await this.diagnose();
  }

  private setText(text: string): void {
    this.text = text;
    this.version++;
    this.lines = new Lines(text);
    this.texts.set(this.uri, this.lines);
  }

  private async completion(at: number, trigger: string | undefined): Promise<void> {
    const context = trigger ? { triggerKind: 2, triggerCharacter: trigger } : { triggerKind: 1 };
    const list = await this.request<{ items?: unknown[] } | unknown[] | null>('textDocument/completion', {
      textDocument: { uri: this.uri },
      position: this.position(at),
      context,
    });
    const provider = this.driver.capabilities.completionProvider as { resolveProvider?: boolean } | undefined;
    if (!list || !provider?.resolveProvider) return;
    const items = Array.isArray(list) ? list : (list.items ?? []);
    for (const item of items.slice(0, 3)) await this.request('completionItem/resolve', item);
  }

  private async codeLenses(): Promise<void> {
    const lenses = await this.request<{ command?: unknown }[]>('textDocument/codeLens', { textDocument: { uri: this.uri } });
    for (const lens of (lenses ?? []).slice(0, 20)) if (!lens.command) await this.request('codeLens/resolve', lens);
  }

  private async inlayHints(at: number, length: number): Promise<void> {
    const start = safeOffset(this.text, at % (this.text.length + 1));
    const range = { start: this.lines.positionAt(start), end: this.lines.positionAt(safeOffset(this.text, start + length)) };
    const hints = await this.request<unknown[]>('textDocument/inlayHint', { textDocument: { uri: this.uri }, range });
    const provider = this.driver.capabilities.inlayHintProvider as { resolveProvider?: boolean } | undefined;
    if (provider?.resolveProvider) for (const hint of (hints ?? []).slice(0, 5)) await this.request('inlayHint/resolve', hint);
  }

  private async codeActions(step: Extract<Step, { op: 'codeAction' }>): Promise<void> {
    if (this.diagnosedVersion !== this.version) await this.diagnose();
    let range: Range;
    if (step.diagnostic !== undefined && this.diagnostics.length > 0)
      range = this.diagnostics[step.diagnostic % this.diagnostics.length]!.range;
    else {
      const start = safeOffset(this.text, (step.at ?? step.diagnostic ?? 0) % (this.text.length + 1));
      range = { start: this.lines.positionAt(start), end: this.lines.positionAt(safeOffset(this.text, start + (step.length ?? 0))) };
    }
    const touching = this.diagnostics.filter((d) => intersects(d.range, range));
    const actions = await this.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: this.uri },
      range,
      context: { diagnostics: touching, triggerKind: 1 },
    });
    for (let action of actions ?? []) {
      if (typeof action.command === 'string') continue;
      if (!action.edit && action.data !== undefined) action = (await this.request<CodeAction>('codeAction/resolve', action)) ?? action;
      if (action.edit) await this.checkAction(action);
    }
  }

  /** Advice on one scale set, then the edit that writes one of its evaluated policies, checked as a fix is (not applied). */
  private async advise(step: Extract<Step, { op: 'advise' }>): Promise<void> {
    const doc = { textDocument: { uri: this.uri } };
    const listed = await this.request<{ version: number; scaleSets: { path: (string | number)[] }[] }>('vmssUpgrade/scaleSets', doc);
    const scaleSet = listed?.scaleSets[step.scaleSet % Math.max(1, listed.scaleSets.length)];
    if (!listed || !scaleSet) return;
    const whatIf = step.failureRate === undefined ? {} : { failureRate: step.failureRate };
    const answer = await this.request<{ version: number; result: { kind: string; evaluated?: { policy: unknown }[] } | null }>(
      'vmssUpgrade/advise',
      { ...doc, path: scaleSet.path, goals: {}, whatIf },
    );
    const evaluated = answer?.result?.kind === 'advice' ? (answer.result.evaluated ?? []) : [];
    const chosen = evaluated[step.pick % Math.max(1, evaluated.length)];
    if (!answer || !chosen) return;
    const written = await this.request<{ edit: CodeAction['edit'] | null; message: string | null }>('vmssUpgrade/policyEdit', {
      textDocument: { uri: this.uri, version: answer.version },
      path: scaleSet.path,
      policy: chosen.policy,
      goals: {},
      whatIf,
    });
    if (written?.edit) await this.checkAction({ title: 'Apply the advisor’s policy', kind: 'refactor.rewrite', edit: written.edit });
  }

  /** The edits of an action on this document (a fix may also touch the parameters file: those are range-checked only). */
  private editsOf(action: CodeAction): TextEdit[] {
    const mine: TextEdit[] = [];
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) if (uri === this.uri) mine.push(...edits);
    for (const change of action.edit?.documentChanges ?? []) if (change.textDocument.uri === this.uri) mine.push(...change.edits);
    return mine;
  }

  /** The fix's edit checked on the text, then (within the budget) applied through the server, re-diagnosed and undone. */
  private async checkAction(action: CodeAction): Promise<void> {
    const mine = this.editsOf(action);
    if (mine.length === 0) return;
    const key = JSON.stringify(mine);
    if (this.triedFixes.has(key)) return;
    this.triedFixes.add(key);
    this.stats.fixesChecked++;
    const checked = checkFix(this.text, mine, this.format);
    for (const p of checked.problems.slice(0, 3)) this.fail('corrupting-fix', 'codeAction', `"${action.title}": ${p}`);
    if (checked.problems.length > 0 || action.kind !== 'quickfix' || this.stats.fixesApplied >= this.options.fixesPerCase) return;
    const before = this.diagnostics;
    const original = this.text;
    const offsets = toOffsets(this.text, mine);
    if (typeof offsets === 'string') return;
    this.stats.fixesApplied++;
    const originalLines = this.lines;
    await this.change(offsets);
    // The same finding after the fix: its rule, at its range carried through the edit, saying the same but for
    // the values it quotes (a value changed to one still out of range is the same finding; "protocol ftp is not
    // supported" becoming "protocol http needs a requestPath" is the next one).
    const stillThere = (d: Diagnostic) => {
      const at = {
        start: this.lines.positionAt(mapOffset(originalLines.offsetAt(d.range.start), offsets, 'start')),
        end: this.lines.positionAt(mapOffset(originalLines.offsetAt(d.range.end), offsets, 'end')),
      };
      return this.diagnostics.find((n) => n.code === d.code && sameRange(n.range, at) && sayingOf(n.message) === sayingOf(d.message));
    };
    for (const d of action.diagnostics ?? []) {
      const still = stillThere(d);
      if (still)
        this.fail(
          'fix-keeps-finding',
          'codeAction',
          `"${action.title}": ${d.code} still reported at ${JSON.stringify(still.range)}: ${still.message.slice(0, 160)}`,
        );
    }
    // "Fix all" applies the fixes it can choose (some findings have none): it must clear at least one finding.
    const fixAll = /^Fix all (\S+) problems/.exec(action.title)?.[1];
    const targets = fixAll ? before.filter((d) => d.code === fixAll) : [];
    if (targets.length > 0 && targets.every((d) => stillThere(d)))
      this.fail(
        'fix-keeps-finding',
        'codeAction',
        `"${action.title}": all ${targets.length} ${fixAll} findings still reported where they were`,
      );
    // Undo, as the user pressing Ctrl+Z: the same text must be diagnosed as before.
    await this.change([{ start: 0, end: this.text.length, newText: original }]);
    if (JSON.stringify(this.diagnostics) !== JSON.stringify(before))
      this.fail(
        'unstable-diagnostics',
        'textDocument/diagnostic',
        `after "${action.title}" and its undo the diagnostics differ from the first pull of the same text`,
      );
  }
}

/**
 * Where an offset of the text before the edits is after them. A range's start moves past text inserted
 * right at it; its end keeps text replaced up to it (a renamed key still ends at its end).
 */
export function mapOffset(
  offset: number,
  edits: readonly { start: number; end: number; newText: string }[],
  side: 'start' | 'end',
): number {
  let shift = 0;
  for (const e of edits) {
    const before = side === 'start' ? e.end <= offset : e.end < offset || (e.end === offset && e.start < offset);
    if (before) shift += e.newText.length - (e.end - e.start);
    else if (e.start < offset && offset < e.end) return e.start + shift + (side === 'end' ? e.newText.length : 0);
  }
  return offset + shift;
}

/** A message without the values it quotes: strings, numbers and code spans. */
export function sayingOf(message: string): string {
  return message.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, '…');
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function intersects(a: Range, b: Range): boolean {
  const le = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return le(a.start, b.end) && le(b.start, a.end);
}
