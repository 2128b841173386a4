/**
 * The what-if controls. Empty fields mean "as the template says" (the placeholder shows that value); a
 * value that makes no sense is marked invalid, its field says why (the engine's limits, as the CLI's), and the
 * last valid value stays. Every valid change calls `onChange` at once.
 */
import { ASSUMPTIONS, DEFAULT_TARGET_VERSION, targetVersionProblem } from '../../../server/src/core/sim/index';
import type { AssumptionValues, SimInput, Trigger } from '../../../server/src/core/sim/index';
import { el } from '../dom';
import { APPROVAL_FIELDS, MAX_APPROVAL_SECONDS, TRIGGERS, checkField, parseField } from '../state';
import type { FieldCheck } from '../state';
import type { WhatIf } from '../state';
import { button, checkbox, dropdown, setInvalid, textField } from '../toolkit';

export interface ControlsOptions {
  readonly base: SimInput;
  readonly whatIf: WhatIf;
  readonly trials: number;
  readonly onChange: (whatIf: WhatIf) => void;
  readonly onTrials: (trials: number) => void;
}

type NumberKey = 'capacity' | 'failureRate' | 'unhealthy' | 'upgradeSeconds' | 'healthySeconds' | 'seed';

export function renderControls(o: ControlsOptions): HTMLElement {
  let whatIf = o.whatIf;
  const set = (patch: Partial<WhatIf>) => {
    const next: Record<string, unknown> = { ...whatIf, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    whatIf = next as WhatIf;
    o.onChange(whatIf);
  };
  const b = o.base;
  const capacityNow = () => whatIf.capacity ?? b.fleet.capacity;
  const unhealthyNow = () => whatIf.unhealthy ?? (typeof b.fleet.unhealthy === 'number' ? b.fleet.unhealthy : b.fleet.unhealthy.length);
  /** A field with its message under it (role alert: a screen reader hears it when it appears). */
  const withMessage = (testId: string, make: (show: (error: string | undefined) => void) => HTMLElement) => {
    const message = el('span', { class: 'field-error', role: 'alert', 'data-testid': `${testId}-error` });
    message.hidden = true;
    const holder: { field?: HTMLElement } = {};
    const show = (error: string | undefined) => {
      message.textContent = error ?? '';
      message.hidden = error === undefined;
      if (holder.field) setInvalid(holder.field, error !== undefined, error ?? '');
    };
    holder.field = make(show);
    return el('div', { class: 'field-with-message' }, holder.field, message);
  };
  const numberField = (key: NumberKey, label: string, baseValue: number, check: (text: string) => FieldCheck, scale = 1) => {
    const current = whatIf[key];
    return withMessage(`whatif-${key}`, (show) => {
      const field = textField(
        label,
        current === undefined ? '' : String(Math.round(current * scale * 1000) / 1000),
        (text) => {
          const v = check(text);
          show(v.error);
          if (v.error === undefined) set({ [key]: v.value });
        },
        `whatif-${key}`,
      );
      field.setAttribute('placeholder', String(Math.round(baseValue * scale * 1000) / 1000));
      return field;
    });
  };
  // Capacity cannot drop below the unhealthy instances asked for, nor unhealthy instances exceed it: no silent clamp.
  const checkCapacity = (text: string): FieldCheck => {
    const v = checkField('capacity', text);
    if (v.error === undefined && v.value !== undefined && unhealthyNow() > v.value)
      return { error: `Capacity (${v.value}) cannot be less than the ${unhealthyNow()} instances unhealthy before the start.` };
    return v;
  };
  const targetVersion = withMessage('whatif-targetVersion', (show) => {
    const field = textField(
      'Target image version',
      whatIf.targetVersion ?? '',
      (text) => {
        const t = text.trim();
        const problem = t === '' ? undefined : targetVersionProblem(t);
        show(problem ? `The target image version must be a version such as 1.2.3 (letters, digits, dots and dashes).` : undefined);
        if (!problem) set({ targetVersion: t === '' ? undefined : t });
      },
      'whatif-targetVersion',
    );
    field.setAttribute('placeholder', `${DEFAULT_TARGET_VERSION} (made up)`);
    field.setAttribute(
      'title',
      'The image version an OS upgrade goes to, for the osUpgradeHistory export; no template says which comes next',
    );
    return field;
  });
  // "Approved after" per wait the template sets, in minutes; empty = nobody answers (the placeholder is the full wait).
  const approvalFields = () => {
    const a = b.approvals;
    if (!a) return [];
    const full: Partial<Record<(typeof APPROVAL_FIELDS)[number]['key'], number>> = {};
    for (const h of a.lifecycleHooks) full[h.type] = h.approvedAfterSeconds ?? h.waitSeconds;
    if (a.deferral) full.deferral = a.deferral.approvedAfterSeconds;
    if (a.osImageNotification)
      full.osImageNotification = a.osImageNotification.approvedAfterSeconds ?? a.osImageNotification.notBeforeTimeoutSeconds;
    return APPROVAL_FIELDS.filter((f) => full[f.key] !== undefined).map((f) => {
      const current = whatIf.approvedAfter?.[f.key];
      const field = textField(
        f.label,
        current === undefined ? '' : String(Math.round((current / 60) * 1000) / 1000),
        (text) => {
          const v = parseField(text, 0, MAX_APPROVAL_SECONDS / 60, false);
          setInvalid(field, v === null, `${f.label}: minutes from 0 to ${MAX_APPROVAL_SECONDS / 60}`);
          if (v === null) return;
          const next = { ...whatIf.approvedAfter };
          if (v === undefined) delete next[f.key];
          else next[f.key] = Math.round(v * 60);
          set({ approvedAfter: Object.keys(next).length > 0 ? next : undefined });
        },
        `whatif-approved-${f.key}`,
      );
      field.setAttribute('placeholder', String(Math.round((full[f.key]! / 60) * 1000) / 1000));
      return field;
    });
  };
  const unhealthyBase = typeof b.fleet.unhealthy === 'number' ? b.fleet.unhealthy : b.fleet.unhealthy.length;
  // Built when first opened: thirteen dropdowns are most of the first render's cost.
  const assumptionRows = () =>
    ASSUMPTIONS.map((a) => {
      const current = whatIf.assumptions?.[a.name] ?? b.assumptions[a.name] ?? a.default;
      const d = dropdown(
        a.name,
        a.values.map((v) => ({ value: v, text: v === a.default ? `${v} (default)` : v })),
        current,
        (value) => {
          set({ assumptions: { ...whatIf.assumptions, [a.name]: value } as Partial<AssumptionValues> });
        },
        `assumption-${a.name}`,
      );
      return el('div', { class: 'assumption', title: a.description }, el('label', {}, a.name), d);
    });
  const trials = textField(
    'Monte Carlo trials',
    String(o.trials),
    (text) => {
      const v = parseField(text, 0, 100_000, true);
      setInvalid(trials, v === null || v === undefined, 'Trials: a whole number from 0 to 100000');
      if (v !== null && v !== undefined) o.onTrials(v);
    },
    'whatif-trials',
  );

  const assumptions = el('details', { class: 'assumptions' }, el('summary', {}, 'Assumptions (where Azure is silent)'));
  assumptions.addEventListener('toggle', () => {
    if (assumptions.open && assumptions.children.length === 1) assumptions.append(...assumptionRows());
  });
  if (whatIf.assumptions && Object.keys(whatIf.assumptions).length > 0) assumptions.open = true;
  return el(
    'section',
    { class: 'controls', 'aria-label': 'What-if controls', 'data-testid': 'controls' },
    el('h3', {}, 'What if'),
    el(
      'div',
      { class: 'field' },
      el('label', {}, 'Trigger'),
      dropdown('Trigger', TRIGGERS, whatIf.trigger ?? b.trigger, (v) => set({ trigger: v as Trigger }), 'whatif-trigger'),
    ),
    numberField('capacity', 'Capacity (instances)', b.fleet.capacity, checkCapacity),
    numberField('failureRate', 'Failure rate (%)', b.failures.probability, (t) => checkField('failureRate', t, { scale: 100 }), 100),
    checkbox(
      'Bad image (every upgraded instance fails)',
      whatIf.badImage ?? b.failures.badImage,
      (c) => set({ badImage: c }),
      'whatif-badImage',
    ),
    (b.blockedBy ?? []).length > 0
      ? checkbox(
          `Run anyway (blocked by ${(b.blockedBy ?? []).map((x) => x.ruleId).join(', ')})`,
          whatIf.ignoreBlockers ?? false,
          (c) => set({ ignoreBlockers: c }),
          'whatif-ignoreBlockers',
        )
      : null,
    numberField('unhealthy', 'Unhealthy before start', unhealthyBase, (t) => checkField('unhealthy', t, { capacity: capacityNow() })),
    numberField('upgradeSeconds', 'Time to upgrade (s)', b.timings.upgradeSeconds, (t) => checkField('upgradeSeconds', t)),
    numberField('healthySeconds', 'Time to become healthy (s)', b.timings.healthySeconds, (t) => checkField('healthySeconds', t)),
    numberField('seed', 'Seed', b.seed, (t) => checkField('seed', t)),
    targetVersion,
    ...approvalFields(),
    trials,
    assumptions,
    button('Reset what-if', () => o.onChange({}), { testId: 'whatif-reset', title: "Back to the template's values" }),
  );
}
