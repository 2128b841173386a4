/**
 * The preview's state and wiring: which document and scale set are shown, the what-if inputs, the pinned
 * comparison, the Monte Carlo job, and the toolbar actions. Rendering is delegated to view/*.
 */
import { AdvisorPanel, advisorWhatIfOf } from './advisorPanel';
import { clear, el } from './dom';
import { fileStem, markdownSummary, runJson, svgExport } from './export';
import type { Host } from './host';
import type { DocumentMessage, HostMessage, JsonPath, PreviewScaleSet, ScaleSetTarget } from './protocol';
import { parsePersistedState } from './protocol';
import { computeResult } from './result';
import type { PreviewResult } from './result';
import { nextTask } from './nextTask';
import type { RiskResult } from './risk';
import { RiskRunner } from './riskRunner';
import { baseInput, parseWhatIf } from './state';
import type { WhatIf } from './state';
import { button, checkbox, dropdown } from './toolkit';
import { renderColumn } from './view/column';
import type { Column } from './view/column';
import { renderChangeImpact } from './view/changeImpact';
import { renderControls } from './view/controls';
import { renderRisk } from './view/riskView';

const samePath = (a: JsonPath | null | undefined, b: JsonPath | null | undefined) =>
  !!a && !!b && a.length === b.length && a.every((p, i) => p === b[i]);
const blockedRisk = (r: PreviewResult) => ({ kind: 'blocked' as const, blockers: r.run.blockedBy });
/** Compare titles lead with the batch size, since a template edit (not a what-if) often makes the difference. */
const columnLabel = (r: PreviewResult) => `batch ${r.run.policy.maxBatchInstancePercent}%, ${r.label}`;

export class PreviewApp {
  private doc: DocumentMessage | null = null;
  private selectedPath: JsonPath | null = null;
  private whatIf: WhatIf = {};
  private trials = 10_000;
  private showTables = false;
  private current: { result: PreviewResult; column: Column; risk: RiskResult | null } | null = null;
  private pinned: { result: PreviewResult; riskSlot: HTMLElement | null } | null = null;
  private readonly risk = new RiskRunner();
  private drawnNarrow = false;

  private readonly banner = el('div', { class: 'banner', role: 'alert', 'data-testid': 'banner', hidden: true });
  private readonly title = el('h1', { class: 'title' }, 'Upgrade preview');
  private readonly selector = el('div', { class: 'selector' });
  private readonly controls = el('aside', { class: 'controls-slot' });
  private readonly results = el(
    'div',
    { class: 'results', 'data-testid': 'results' },
    el('p', { class: 'empty' }, 'Open an ARM template with a scale set to preview its upgrade.'),
  );
  /** Change impact against the baseline: redrawn with the document and the selection, not on what-if changes. */
  private readonly impactSlot = el('div', { class: 'impact-slot' });
  /** The policy advisor under the results: advice from the language server for the scale set and what-if shown. */
  private readonly advisor: AdvisorPanel;
  private readonly pinButton = button('Pin for compare', () => this.togglePin(), {
    testId: 'pin',
    title: 'Keep this result and show the next one beside it',
  });

  constructor(
    private readonly host: Host,
    root: HTMLElement,
  ) {
    this.advisor = new AdvisorPanel(host);
    const state = parsePersistedState(host.getState());
    if (state) {
      this.selectedPath = state.selectedPath;
      this.whatIf = parseWhatIf(state.whatIf);
    }
    const toolbar = el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Preview actions' },
      this.pinButton,
      button('Export JSON', () => this.exportJson(), { testId: 'export-json' }),
      button('Export SVG', () => this.exportSvg(), { testId: 'export-svg' }),
      button('Copy summary', () => this.copySummary(), { testId: 'copy-summary', appearance: 'primary' }),
      checkbox(
        'Table view',
        false,
        (on) => {
          this.showTables = on;
          this.advisor.setTables(on);
          this.redraw();
        },
        'table-view',
      ),
    );
    root.append(
      this.banner,
      el('header', { class: 'top' }, this.title, this.selector, toolbar),
      el('div', { class: 'layout' }, this.controls, this.results),
      this.advisor.element,
      this.impactSlot,
    );
    host.listen((m) => this.onMessage(m));
    // Charts are drawn narrower in a narrow panel so their text stays readable; redraw when that flips.
    window.addEventListener('resize', () => {
      if (this.current && this.narrow() !== this.drawnNarrow) this.redraw();
    });
    host.post({ type: 'ready' });
  }

  private onMessage(m: HostMessage): void {
    switch (m.type) {
      case 'document':
        this.showDocument(m);
        return;
      case 'documentError':
        this.showBanner(`The template cannot be read right now: ${m.message}. The picture below is the last good one.`);
        return;
      case 'select':
        this.select(m.target);
        return;
      case 'advice':
        this.advisor.onAdvice(m);
        return;
      case 'policyApplied':
        this.advisor.onApplied(m);
        return;
    }
  }

  private showDocument(m: DocumentMessage): void {
    this.doc = m;
    this.showBanner(null);
    const pick = m.select ? this.find(m.select) : (this.find({ path: this.selectedPath ?? undefined }) ?? m.scaleSets[0]);
    this.selectedPath = (pick ?? m.scaleSets[0])?.path ?? null;
    this.renderSelector();
    this.render();
    this.renderImpact(m.select?.section);
    // The toolkit controls are the costly part of a first render; the picture comes first, then them.
    nextTask(() => this.renderControls());
  }

  private find(target: ScaleSetTarget): PreviewScaleSet | undefined {
    const sets = this.doc?.scaleSets ?? [];
    return sets.find((s) => samePath(s.path, target.path)) ?? sets.find((s) => target.name !== undefined && s.name === target.name);
  }

  private select(target: ScaleSetTarget): void {
    const s = this.find(target);
    if (!s) return;
    this.selectedPath = s.path;
    this.renderSelector();
    this.renderControls();
    this.render();
    this.renderImpact(target.section);
  }

  /** The change-impact section of the selected scale set (none without a baseline); scrolled to when asked. */
  private renderImpact(section?: 'changeImpact'): void {
    clear(this.impactSlot);
    const impact = this.doc?.changeImpact;
    const s = this.scaleSet;
    if (!impact || !s) return;
    const view = renderChangeImpact(impact, s);
    this.impactSlot.append(view);
    if (section === 'changeImpact') {
      view.scrollIntoView({ block: 'start' });
      view.focus({ preventScroll: true });
    }
  }

  private get scaleSet(): PreviewScaleSet | undefined {
    return this.doc?.scaleSets.find((s) => samePath(s.path, this.selectedPath));
  }

  private showBanner(text: string | null): void {
    this.banner.textContent = text ?? '';
    this.banner.hidden = text === null;
  }

  private renderSelector(): void {
    clear(this.selector);
    const sets = this.doc?.scaleSets ?? [];
    this.title.textContent = this.doc ? `Upgrade preview · ${this.doc.label}` : 'Upgrade preview';
    if (sets.length > 1) {
      const values = sets.map((s, i) => ({ value: String(i), text: s.name }));
      const index = Math.max(
        0,
        sets.findIndex((s) => samePath(s.path, this.selectedPath)),
      );
      this.selector.append(
        el('label', {}, 'Scale set '),
        dropdown('Scale set', values, String(index), (v) => this.select({ path: sets[Number(v)]?.path }), 'scale-set'),
      );
    } else if (sets.length === 1) {
      this.selector.append(el('span', { class: 'single' }, sets[0]!.name));
    }
  }

  private renderControls(): void {
    clear(this.controls);
    const s = this.scaleSet;
    if (!s) return;
    this.controls.append(
      renderControls({
        base: baseInput(s),
        whatIf: this.whatIf,
        trials: this.trials,
        onChange: (w) => {
          const reset = Object.keys(w).length === 0;
          this.whatIf = w;
          if (reset) this.renderControls();
          this.render();
        },
        onTrials: (n) => {
          this.trials = n;
          this.render();
        },
      }),
    );
  }

  /** Re-simulates the selected scale set with the what-if, redraws, and restarts Monte Carlo. */
  private render(): void {
    this.persist();
    this.risk.cancel();
    clear(this.results);
    const s = this.scaleSet;
    this.advisor.update(
      s && this.doc ? { uri: this.doc.uri, path: s.path, version: this.doc.version, whatIf: advisorWhatIfOf(this.whatIf) } : null,
    );
    if (!s) {
      this.current = null;
      this.results.append(
        el(
          'p',
          { class: 'empty' },
          this.doc ? 'This template has no virtual machine scale set.' : 'Open an ARM template with a scale set to preview its upgrade.',
        ),
      );
      return;
    }
    let result: PreviewResult;
    try {
      result = computeResult(s, this.whatIf);
    } catch (e) {
      this.showBanner(`The simulator could not run these inputs: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.current = { ...this.draw(result), risk: null };
    this.startRisk();
  }

  /**
   * Draws the same result again (table view toggled, panel resized): no new simulation, and a Monte Carlo
   * run in progress goes on and reports into the new risk slot instead of starting over.
   */
  private redraw(): void {
    const previous = this.current;
    if (!previous) return;
    clear(this.results);
    this.current = { ...this.draw(previous.result), risk: previous.risk };
    const progress = this.risk.progress;
    if (this.current.risk)
      this.current.column.riskSlot.append(renderRisk({ kind: 'done', result: this.current.risk }, this.trials, 'current'));
    else if (progress) this.current.column.riskSlot.append(renderRisk({ kind: 'running', progress }, this.trials, 'current'));
    else this.startRisk();
  }

  private draw(result: PreviewResult): { result: PreviewResult; column: ReturnType<typeof renderColumn> } {
    const s = this.scaleSet!;
    const reveal = (property: string) => this.reveal(property);
    this.drawnNarrow = this.narrow();
    const columns = el('div', { class: this.pinned ? 'columns compare' : 'columns' });
    if (this.pinned) {
      const p = renderColumn(this.pinned.result, {
        title: `Pinned: ${columnLabel(this.pinned.result)}`,
        idPrefix: 'pinned',
        showTables: this.showTables,
        compact: true,
        reveal,
      });
      this.pinned.riskSlot = p.riskSlot;
      this.fillPinnedRisk();
      columns.append(p.element);
    }
    const column = renderColumn(result, {
      title: this.pinned ? `Current: ${columnLabel(result)}` : `${s.name}: ${result.label}`,
      idPrefix: 'current',
      showTables: this.showTables,
      compact: this.pinned !== null || this.drawnNarrow,
      reveal,
    });
    columns.append(column.element);
    this.results.append(columns);
    return { result, column };
  }

  private startRisk(): void {
    const cur = this.current;
    if (!cur) return;
    const trials = this.trials;
    if (cur.result.run.status === 'Blocked') {
      cur.column.riskSlot.append(renderRisk(blockedRisk(cur.result), trials, 'current'));
      return;
    }
    cur.risk =
      this.risk.start(
        cur.result.input,
        trials,
        // Into the current column's slot, which a redraw may have replaced since the run started.
        (state) => {
          const slot = this.current?.column.riskSlot;
          if (!slot) return;
          clear(slot);
          slot.append(renderRisk(state, trials, 'current'));
        },
        (result) => {
          if (this.current) this.current.risk = result;
          this.fillPinnedRisk();
        },
      ) ?? null;
  }

  private togglePin(): void {
    if (this.pinned) this.pinned = null;
    else if (this.current) this.pinned = { result: this.current.result, riskSlot: null };
    this.pinButton.textContent = this.pinned ? 'Unpin' : 'Pin for compare';
    this.render();
  }

  private reveal(property: string): void {
    const s = this.scaleSet;
    if (!s || !this.doc) return;
    const range = s.propertyRanges[property] ?? s.upgradePolicyRange ?? s.range;
    this.host.post({ type: 'reveal', uri: this.doc.uri, range });
  }

  private exportJson(): void {
    if (!this.current) return;
    this.host.post({
      type: 'save',
      format: 'json',
      fileName: `${fileStem(this.current.result.scaleSet.name)}.upgrade-run.json`,
      content: runJson(this.current.result, this.current.risk),
    });
  }

  private exportSvg(): void {
    if (!this.current) return;
    this.host.post({
      type: 'save',
      format: 'svg',
      fileName: `${fileStem(this.current.result.scaleSet.name)}.timeline.svg`,
      content: svgExport(this.current.column.timeline),
    });
  }

  private copySummary(): void {
    if (!this.current) return;
    const pinned = this.pinned
      ? { result: this.pinned.result, risk: this.risk.cached(this.pinned.result.input, this.trials) ?? null }
      : null;
    this.host.post({ type: 'copy', text: markdownSummary(this.current.result, this.current.risk, pinned) });
  }

  private fillPinnedRisk(): void {
    const slot = this.pinned?.riskSlot;
    if (!this.pinned || !slot || slot.firstChild) return;
    if (this.pinned.result.run.status === 'Blocked') {
      slot.append(renderRisk(blockedRisk(this.pinned.result), this.trials, 'pinned'));
      return;
    }
    const risk = this.risk.cached(this.pinned.result.input, this.trials);
    if (risk) slot.append(renderRisk({ kind: 'done', result: risk }, risk.summary.trials, 'pinned'));
  }

  private narrow(): boolean {
    return window.innerWidth < 860;
  }

  private persist(): void {
    this.host.setState({ uri: this.doc?.uri ?? null, selectedPath: this.selectedPath, whatIf: this.whatIf });
  }
}
