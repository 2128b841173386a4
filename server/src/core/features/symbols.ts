import type { DocumentSymbol } from 'vscode-languageserver-types';
import { asBoolean, asInteger, asString, getProp } from '../model/values';
import type { ScaleSetModel } from '../model/templateModel';
import type { TemplateDocument } from '../languageTypes';
import type { Span } from '../text/span';
import { parseIsoDuration } from '../catalog';
import { AZURE_POLICY_DEFAULTS } from '../sim/defaults';
import { sizeRange } from '../sim/plan';
import { capacityOf, policyPlan, showValue } from './displayFacts';

// LSP SymbolKind values, written out so the engine imports only types.
const OBJECT = 19;
const PROPERTY = 7;

/** The outline: each scale set with its upgrade mode and policy, and its policy objects as children. */
export function findDocumentSymbols(doc: TemplateDocument): DocumentSymbol[] {
  return doc.model.scaleSets.map((scaleSet) => {
    const range = doc.lines.rangeOf(scaleSet.span);
    const nameSpan = within(scaleSet.name?.span ?? { offset: scaleSet.span.offset, length: 0 }, scaleSet.span);
    const children: DocumentSymbol[] = [];
    for (const prop of [scaleSet.upgradePolicy, scaleSet.rollingUpgradePolicy, scaleSet.automaticOSUpgradePolicy]) {
      if (!prop) continue;
      const whole = within(
        { offset: prop.keySpan.offset, length: prop.value.span.offset + prop.value.span.length - prop.keySpan.offset },
        scaleSet.span,
      );
      children.push({
        name: prop.name,
        kind: PROPERTY,
        range: doc.lines.rangeOf(whole),
        selectionRange: doc.lines.rangeOf(within(prop.keySpan, whole)),
      });
    }
    return {
      name: scaleSet.displayName,
      detail: policySummary(scaleSet),
      kind: OBJECT,
      range,
      selectionRange: doc.lines.rangeOf(nameSpan),
      children,
    };
  });
}

/**
 * The span held inside `outer` (an empty span at the nearest end when it leaves it): LSP requires a
 * symbol's selectionRange inside its range and a child inside its parent, and a half-typed template can
 * give a value a span past its object's end (Bicep `{name: ` at the end of the file).
 */
function within(span: Span, outer: Span): Span {
  const end = outer.offset + outer.length;
  if (span.offset >= outer.offset && span.length >= 0 && span.offset + span.length <= end) return span;
  return { offset: Math.min(Math.max(span.offset, outer.offset), end), length: 0 };
}

/** "Rolling · batches 20 % (10 × 1) · unhealthy 20 % / 20 % · pause PT5M · automatic OS upgrades"; the batches are the plan's. */
export function policySummary(scaleSet: ScaleSetModel): string {
  const mode = scaleSet.mode ? (asString(scaleSet.mode.value) ?? showValue(scaleSet.mode.value)) : 'Manual (default)';
  const parts = [mode];
  const rolling = scaleSet.rollingUpgradePolicy?.value;
  if (rolling) {
    const pct = (name: string) => asInteger(getProp(rolling, name)?.value);
    const batch = pct('maxBatchInstancePercent');
    const unhealthy = pct('maxUnhealthyInstancePercent');
    const upgraded = pct('maxUnhealthyUpgradedInstancePercent');
    const defaults = AZURE_POLICY_DEFAULTS;
    const plan = policyPlan(scaleSet, capacityOf(scaleSet));
    const shape = plan.batches.length > 0 ? ` (${plan.batches.length} × ${sizeRange(plan)})` : '';
    parts.push(
      `batches ${batch ?? defaults.maxBatchInstancePercent} %${shape}`,
      `unhealthy ${unhealthy ?? defaults.maxUnhealthyInstancePercent} % / ${upgraded ?? defaults.maxUnhealthyUpgradedInstancePercent} %`,
    );
    const pause = asString(getProp(rolling, 'pauseTimeBetweenBatches')?.value);
    const pauseSeconds = pause === undefined ? undefined : parseIsoDuration(pause);
    if (pause && !(pauseSeconds?.ok && pauseSeconds.seconds === defaults.pauseTimeBetweenBatchesSeconds)) parts.push(`pause ${pause}`);
  }
  const aos = scaleSet.automaticOSUpgradePolicy?.value;
  if (asBoolean(getProp(aos, 'enableAutomaticOSUpgrade')?.value)) parts.push('automatic OS upgrades');
  return parts.join(' · ');
}
