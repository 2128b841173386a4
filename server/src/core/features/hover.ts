import type { Hover, Position } from 'vscode-languageserver-types';
import { humaniseDuration, humaniseSeconds, parseIsoDuration, POLICY_OBJECTS, type PolicyProperty } from '../catalog';
import { asInteger } from '../model/values';
import type { RProperty, ScaleSetModel } from '../model/templateModel';
import type { HoverOptions, TemplateDocument } from '../languageTypes';
import { policyObjectAt, policyPropertyAt, propertyDetail, propertyDocumentation } from './catalogContext';
import {
  capacityOf,
  osUpgradePlan,
  pausesLabel,
  policyPlan,
  describeSource,
  instancesAllowed,
  resolvedPropertyAt,
  showValue,
  DISPLAY_QUOTE_MAX,
  type CapacityFact,
} from './displayFacts';
import { authoredMarkdown, code, escapeText, md, paragraphs, type Markdown } from '../text/markdown';
import { findingMarkdown } from '../rules/explain';
import { clipText } from '../text/clip';
import type { Finding } from '../rules/ruleTypes';
import type { Span } from '../text/span';
import { noun } from '../text/plural';
import { formatDuration } from '../sim/summary';
import { groupWaits, waitGroupLine } from '../sim/waitSummary';

/** What each gate's count of instances is, in the hover on its value. */
const GATE_WORDS: Readonly<Record<string, string>> = {
  maxUnhealthyInstancePercent: 'unhealthy at once',
  maxUnhealthyUpgradedInstancePercent: 'unhealthy after their upgrade',
};

/**
 * Hover on policy property names (what, type, range, default, API version, effective value, docs) and
 * on their values (durations in words, percentages in instances, expressions with their result). What
 * the template wrote (values, expressions, names, reasons that quote them) goes in through code() or
 * escapeText() (text/markdown.ts), so none of it renders as markup.
 */
export function doHover(doc: TemplateDocument, position: Position, options: HoverOptions = {}): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const here = findingsAt(options.findings ?? [], offset);
  const property = propertyHover(doc, offset, options);
  if (here.length === 0) return property;
  // The property's own hover, then each finding on the range in full (rule, explanation, Azure's text, assumption, links).
  const blocks: Markdown[] = property ? [property.contents.value as Markdown] : [];
  for (const f of here) blocks.push(findingMarkdown(f, options.docsBase));
  const range = property?.range ?? doc.lines.rangeOf(narrowest(here));
  return { contents: { kind: 'markdown', value: blocks.join('\n\n---\n\n') }, range };
}

/** The findings whose range holds the offset (an empty range: the offset itself), in the order they were reported. */
function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((f) => offset >= f.span.offset && offset <= f.span.offset + Math.max(f.span.length, 0));
}

function narrowest(findings: readonly Finding[]): Span {
  return findings.reduce((best, f) => (f.span.length < best.length ? f.span : best), findings[0]!.span);
}

function propertyHover(
  doc: TemplateDocument,
  offset: number,
  options: HoverOptions,
): { contents: { kind: 'markdown'; value: string }; range: Hover['range'] } | null {
  const context = doc.frontEnd.cursorContext(doc, offset);
  if (!context?.token) return null;
  const { path, scaleSet, token } = context;
  const resolved = resolvedPropertyAt(scaleSet, offset);
  const capacity = capacityOf(scaleSet, options.assumedCapacity);
  const found = policyPropertyAt(path);
  const lines = context.isKey
    ? keyHover(path, found?.property, resolved)
    : isCapacityPath(path)
      ? capacityHover(scaleSet, capacity)
      : valueHover(found?.property, resolved, scaleSet, capacity, doc.text.slice(token.offset, token.offset + token.length));
  if (lines.length > 0 && addsApprovalWaits(path)) lines.push(...approvalWaitLines(scaleSet, capacity));
  if (lines.length === 0) return null;
  return { contents: { kind: 'markdown', value: paragraphs(lines) }, range: doc.lines.rangeOf(token) };
}

/** Properties that make automatic OS upgrades wait for approval: lifecycle hooks, deferral, OS image scheduled events. */
function addsApprovalWaits(path: readonly (string | number)[]): boolean {
  const names = path.map((p) => String(p).toLowerCase());
  return (
    names.includes('lifecyclehooksprofile') || names.includes('osrollingupgradedeferral') || names.includes('osimagenotificationprofile')
  );
}

/** The automatic OS upgrade's plan with its waits (sim/plan.ts), as the CodeLens and the preview quote them. */
function approvalWaitLines(scaleSet: ScaleSetModel, capacity: CapacityFact): Markdown[] {
  const os = osUpgradePlan(scaleSet, capacity);
  if (!os) return [md`Only automatic OS upgrades wait for approval, and \`enableAutomaticOSUpgrade\` is not true in this scale set.`];
  const { plan, rejects } = os;
  if (plan.waits.length === 0) return [md`The automatic OS upgrade's plan waits for no approval.`];
  const groups = groupWaits(plan.waits).map((g) => md`- ${escapeText(waitGroupLine(g))}`);
  return [
    md`An automatic OS upgrade takes ≈${escapeText(formatDuration(plan.durationSeconds))}, ${escapeText(formatDuration(plan.waitSeconds))} of it waiting for approval:`,
    groups.join('\n') as Markdown,
    ...rejects.map((note) => escapeText(note)),
    md`The preview's approved-after fields try other answers.`,
  ];
}

function isCapacityPath(path: readonly (string | number)[]): boolean {
  return path.length === 2 && String(path[0]).toLowerCase() === 'sku' && String(path[1]).toLowerCase() === 'capacity';
}

/** `sku.capacity`: the instance count every batch and limit is computed from, and where it came from. */
function capacityHover(scaleSet: ScaleSetModel, capacity: CapacityFact): Markdown[] {
  const value = scaleSet.capacity;
  if (!capacity.known) {
    const reason = value?.kind === 'unknown' ? md`: ${escapeText(value.unknown.reason)}` : md``;
    const written = value?.expression ? md` (${quoted(value.expression)}${reason})` : md``;
    return [
      md`Capacity unknown${written}; the simulator assumes ${capacity.count} ${escapeText(noun(capacity.count, 'instance'))} (setting \`vmssUpgrade.whatIf.capacity\`).`,
    ];
  }
  const from =
    value?.expression !== undefined ? md` — ${authoredMarkdown(describeSource(value.source))} (${quoted(value.expression)})` : md``;
  if (capacity.clampedFrom !== undefined) {
    return [
      md`**${capacity.clampedFrom} instances**${from}: more than Azure allows in this scale set (${capacity.count}), so the deployment fails. The simulator uses ${capacity.count}; batch sizes and unhealthy limits are percentages of that.`,
    ];
  }
  return [
    md`**${capacity.count} ${escapeText(noun(capacity.count, 'instance'))}**${from}: batch sizes and unhealthy limits are percentages of this.`,
  ];
}

/** The string a literal token spells, also when it is half-typed (`"PT5` with no closing quote). */
function stringOfToken(written: string): string {
  try {
    const parsed: unknown = JSON.parse(written);
    return typeof parsed === 'string' ? parsed : '';
  } catch {
    return written.replace(/^"/, '').replace(/"$/, '');
  }
}

function keyHover(path: readonly (string | number)[], property: PolicyProperty | undefined, resolved: RProperty | undefined): Markdown[] {
  const objectId = policyObjectAt(path);
  if (objectId) {
    const object = POLICY_OBJECTS[objectId];
    // The name as typed (any case): the template's text.
    const name = escapeText(String(path[path.length - 1]));
    return [
      md`**${name}** — ${escapeText(object.title)}`,
      ...(property ? [code(propertyDetail(property))] : []),
      authoredMarkdown(object.description),
      authoredMarkdown(`[Azure documentation](${object.docs})`),
    ];
  }
  if (!property) return [];
  const lines = [md`**${escapeText(property.name)}**`, code(propertyDetail(property)), propertyDocumentation(property)];
  if (resolved?.value.expression !== undefined) lines.splice(2, 0, effectiveValue(resolved));
  return lines;
}

/** Template text (an expression, a value as written) as code, clipped to a line or two: it can be megabytes. */
function quoted(text: string): Markdown {
  return code(clipText(text, DISPLAY_QUOTE_MAX));
}

function effectiveValue(resolved: RProperty): Markdown {
  return md`Effective value: ${code(showValue(resolved.value))} — ${authoredMarkdown(describeSource(resolved.value.source))} (${quoted(resolved.value.expression ?? '')})`;
}

function valueHover(
  property: PolicyProperty | undefined,
  resolved: RProperty | undefined,
  scaleSet: ScaleSetModel,
  capacity: CapacityFact,
  written: string,
): Markdown[] {
  const lines: Markdown[] = [];
  if (resolved?.value.expression !== undefined) lines.push(effectiveValue(resolved));
  if (!property) return lines;
  const value = resolved?.value;
  const note = !capacity.known
    ? md` (capacity unknown, ${capacity.count} assumed)`
    : capacity.clampedFrom !== undefined
      ? md` (sku.capacity ${capacity.clampedFrom} is more than Azure allows)`
      : md``;
  const ofInstances = (count: number) => md`${count} of ${capacity.count} ${escapeText(noun(capacity.count, 'instance'))}${note}`;
  if (property.type === 'duration') {
    // An expression whose value is unknown before deployment: its effective value (above) says so.
    if (value?.kind === 'unknown') return lines;
    const text = value?.kind === 'string' ? value.value : stringOfToken(written);
    const words = humaniseDuration(text);
    lines.push(words ? md`${quoted(text)} = ${escapeText(words)}` : md`${quoted(text)} is not an ISO 8601 duration (e.g. \`PT5M\`).`);
    const seconds = parseIsoDuration(text);
    if (seconds.ok && seconds.seconds > 0 && property.name === 'pauseTimeBetweenBatches') {
      const plan = policyPlan(scaleSet, capacity);
      const batches = plan.batches.length;
      if (plan.pauses > 0)
        lines.push(
          md`${escapeText(pausesLabel(plan.pauses))} between ${batches} batches: ${escapeText(humaniseSeconds(seconds.seconds * plan.pauses))} in all.`,
        );
    }
  } else if (property.type === 'integer') {
    const percent = asInteger(value);
    if (percent !== undefined && property.name === 'maxBatchInstancePercent')
      lines.push(md`${escapeText(policyPlan(scaleSet, capacity).explanation)}${note}.`);
    else if (percent !== undefined && GATE_WORDS[property.name] !== undefined) {
      // Out of range there is no working limit to show: the finding on the value says what Azure does.
      const allowed = instancesAllowed(property.name, capacity.count, percent);
      if (allowed !== undefined) lines.push(md`${percent} % = up to ${ofInstances(allowed)} ${escapeText(GATE_WORDS[property.name])}`);
    }
  } else if (property.type === 'enum' && value?.kind === 'string') {
    // The catalog's line on that value (its markdown), found by the value; the value itself is not shown.
    const line = property.description.split('\n').find((l) => l.toLowerCase().includes(`\`${value.value.toLowerCase()}\``));
    if (line) lines.push(authoredMarkdown(line.replace(/^- /, '')));
  }
  return lines;
}
