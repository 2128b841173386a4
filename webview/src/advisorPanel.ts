/**
 * The advisor section's state and messages: which scale set, document version and what-if it advises on,
 * the goals the user typed, the request in flight (answers to an older one are dropped), the point clicked,
 * and what the last Apply said. The advice itself is the language server's (vmssUpgrade/advise); an Apply
 * asks the extension to write the policy, and the edit comes back as a new document version.
 */
import { ADVISOR_WHAT_IF_NUMBERS, DEFAULT_MAX_HALT } from '../../server/src/core/advisor';
import { clear, el } from './dom';
import type { Host } from './host';
import type { AdviceMessage, AdvisorGoals, AdvisorPolicy, AdvisorWhatIfInput, JsonPath, PolicyAppliedMessage } from './protocol';
import type { WhatIf } from './state';
import { setInvalid, textField } from './toolkit';
import { renderAdvisor } from './view/advisor';
import type { AdvisorState } from './view/advisor';

/** Advice costs up to a second on a large fleet: ask once the user stops typing, not per keystroke. */
const ADVISE_DEBOUNCE_MS = 350;

interface Target {
  readonly uri: string;
  readonly path: JsonPath;
  readonly version: number;
  readonly whatIf: AdvisorWhatIfInput;
}

type GoalKey = keyof AdvisorGoals;

interface GoalField {
  readonly key: GoalKey;
  readonly label: string;
  /** Text → goal value (undefined: the default), or the message saying what it must be. */
  readonly parse: (text: string) => { value: number | undefined } | { error: string };
}

const numberOf = (text: string) => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
const GOAL_FIELDS: readonly GoalField[] = [
  {
    key: 'maxHalt',
    label: 'Max P(halt) %',
    parse: (t) => {
      if (t.trim() === '') return { value: undefined };
      const n = numberOf(t);
      return n >= 0 && n <= 100 ? { value: n / 100 } : { error: 'P(halt) must be a percentage from 0 to 100.' };
    },
  },
  {
    key: 'maxBadImageTouched',
    label: 'Max reached by a bad image',
    parse: (t) => {
      if (t.trim() === '') return { value: undefined };
      const n = numberOf(t);
      return Number.isInteger(n) && n >= 1
        ? { value: n }
        : { error: 'A bad image reaches at least the first batch: give a whole number of 1 or more.' };
    },
  },
  {
    key: 'minServing',
    label: 'Min serving',
    parse: (t) => {
      if (t.trim() === '') return { value: undefined };
      const n = numberOf(t);
      return Number.isInteger(n) && n >= 0 ? { value: n } : { error: 'Serving instances are a whole number of 0 or more.' };
    },
  },
  {
    key: 'maxDurationSeconds',
    label: 'Max duration p90 (min)',
    parse: (t) => {
      if (t.trim() === '') return { value: undefined };
      const n = numberOf(t);
      return n > 0 ? { value: Math.round(n * 60) } : { error: 'The longest duration is a number of minutes above 0.' };
    },
  },
];

/** The preview's what-if as the advisor takes it (a bad-image what-if does not apply: the advisor measures its own). */
export function advisorWhatIfOf(w: WhatIf): AdvisorWhatIfInput {
  const out: Record<string, unknown> = {};
  if (w.trigger !== undefined) out.trigger = w.trigger;
  for (const k of ADVISOR_WHAT_IF_NUMBERS) if (w[k] !== undefined) out[k] = w[k];
  if (w.assumptions && Object.keys(w.assumptions).length > 0) out.assumptions = { ...w.assumptions };
  return out as AdvisorWhatIfInput;
}

export class AdvisorPanel {
  /** Hidden until there is a scale set to advise on. */
  readonly element = el('section', { class: 'advisor', 'aria-label': 'Policy advisor', 'data-testid': 'advisor', hidden: true });
  private readonly body = el('div');
  private readonly fields = new Map<GoalKey, HTMLElement>();
  /** The goal fields (after `fields`, which they fill); hidden while there is nothing to tune (no goal changes that). */
  private readonly goalsBox = this.goalFields();
  private target: Target | null = null;
  private goals: AdvisorGoals = {};
  private state: AdvisorState | null = null;
  /** The advice's document version (an Apply names it). */
  private adviceVersion = -1;
  private requestId = 0;
  private waiting = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private selected: AdvisorPolicy | null = null;
  private status: { ok: boolean; message: string } | null = null;
  private showTables = false;

  constructor(private readonly host: Host) {
    this.element.append(el('h3', {}, 'Policy advisor'), this.goalsBox, this.body);
  }

  /** The scale set, version or what-if shown changed: advise again (after a pause), keeping the goals. */
  update(target: Target | null): void {
    if (JSON.stringify(target) === JSON.stringify(this.target)) return;
    const other =
      !target || !this.target || target.uri !== this.target.uri || JSON.stringify(target.path) !== JSON.stringify(this.target.path);
    this.target = target;
    if (other) {
      this.state = null;
      this.selected = null;
      this.status = null;
    }
    this.schedule();
  }

  setTables(on: boolean): void {
    this.showTables = on;
    this.draw();
  }

  onAdvice(m: AdviceMessage): void {
    if (m.requestId !== this.requestId) return;
    this.waiting = false;
    this.adviceVersion = m.version;
    if (m.error !== null) this.state = { kind: 'error', message: m.error };
    else if (!m.result) this.state = { kind: 'refusal', message: 'The template is not open in the editor.' };
    else if (m.result.kind === 'advice') this.state = { kind: 'advice', advice: m.result };
    else this.state = { kind: 'refusal', message: m.result.message };
    this.goalsBox.hidden = m.result?.kind === 'nothingToTune';
    this.draw();
  }

  onApplied(m: PolicyAppliedMessage): void {
    this.status = { ok: m.ok, message: m.message };
    if (m.ok) this.selected = null;
    this.draw();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.element.hidden = !this.target;
    if (!this.target) return;
    this.waiting = true;
    this.draw();
    this.timer = setTimeout(() => this.request(), ADVISE_DEBOUNCE_MS);
  }

  private request(): void {
    this.timer = undefined;
    const t = this.target;
    if (!t) return;
    this.host.post({ type: 'advise', requestId: ++this.requestId, uri: t.uri, path: t.path, goals: this.goals, whatIf: t.whatIf });
  }

  private apply(policy: AdvisorPolicy): void {
    const t = this.target;
    if (!t) return;
    this.status = { ok: true, message: 'Writing the policy…' };
    this.draw();
    this.host.post({
      type: 'applyPolicy',
      uri: t.uri,
      path: t.path,
      version: this.adviceVersion,
      policy,
      goals: this.goals,
      whatIf: t.whatIf,
    });
  }

  private draw(): void {
    const state = this.state ?? { kind: 'waiting' as const };
    this.element.dataset.state = this.waiting ? 'waiting' : state.kind;
    this.updatePlaceholders();
    clear(this.body);
    if (!this.target) return;
    this.body.append(
      renderAdvisor({
        state,
        selected: this.selected,
        showTables: this.showTables,
        status: this.status,
        refreshing: this.waiting && this.state !== null,
        onSelect: (p) => {
          this.selected = p;
          this.status = null;
          this.draw();
        },
        onApply: (p) => this.apply(p),
      }),
    );
  }

  /** Empty fields take the default, which the placeholder shows (the advice's resolved goals once known). */
  private updatePlaceholders(): void {
    const resolved = this.state?.kind === 'advice' ? this.state.advice.goals : null;
    const placeholder: Record<GoalKey, string> = {
      maxHalt: String(Math.round((resolved?.maxHalt ?? DEFAULT_MAX_HALT) * 1000) / 10),
      maxBadImageTouched: resolved ? String(resolved.maxBadImageTouched) : 'current',
      minServing: resolved ? String(resolved.minServing) : 'current',
      maxDurationSeconds: resolved?.maxDurationSeconds ? String(Math.round(resolved.maxDurationSeconds / 6) / 10) : 'none',
    };
    for (const [key, field] of this.fields) field.setAttribute('placeholder', placeholder[key]);
  }

  /** Built once: a goal edit re-asks the server without redrawing the field being typed in. */
  private goalFields(): HTMLElement {
    const box = el('div', { class: 'advisor-goals', role: 'group', 'aria-label': 'Goals' });
    for (const f of GOAL_FIELDS) {
      const message = el('span', { class: 'field-error', role: 'alert', 'data-testid': `goal-${f.key}-error` });
      message.hidden = true;
      const field: HTMLElement = textField(
        f.label,
        '',
        (text) => {
          const parsed = f.parse(text);
          const error = 'error' in parsed ? parsed.error : undefined;
          message.textContent = error ?? '';
          message.hidden = error === undefined;
          setInvalid(field, error !== undefined, error ?? '');
          if ('error' in parsed) return;
          const next: Record<string, number> = { ...(this.goals as Record<string, number>) };
          if (parsed.value === undefined) delete next[f.key];
          else next[f.key] = parsed.value;
          if (JSON.stringify(next) === JSON.stringify(this.goals)) return;
          this.goals = next as AdvisorGoals;
          this.selected = null;
          this.status = null;
          this.schedule();
        },
        `goal-${f.key}`,
      );
      this.fields.set(f.key, field);
      box.append(el('div', { class: 'field-with-message' }, field, message));
    }
    return box;
  }
}
