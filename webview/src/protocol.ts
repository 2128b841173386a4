/**
 * The one contract between the extension (client/src/preview) and the preview webview (webview/src).
 * Both sides import these types, and each side runs the matching parser on every message it receives:
 * anything malformed or unknown is rejected (the receiver ignores and logs it). No DOM or vscode types
 * here, so both TypeScript projects can include this file.
 */
import type { AdvisorGoals, AdvisorPolicy, AdvisorResult, AdvisorWhatIfInput, Candidate } from '../../server/src/core/advisor';
import type { SimInput } from '../../server/src/core/sim';
import type { Position, Range } from '../../server/src/core/text/span';
import { isAdvisorResult, isAdvisorWhatIf, isBool, isGoals, isNum, isObj, isPolicy, isStr, oneOf } from './protocolGuards';

/** Zero-based LSP positions and ranges, as the engine writes them. */
export type { Position, Range };

export type JsonPath = readonly (string | number)[];

/** One scale set of the open template, as the extension hands it to the webview. */
export interface PreviewScaleSet {
  readonly name: string;
  /** JSON path of the resource in the document (identity across edits). */
  readonly path: JsonPath;
  readonly range: Range;
  readonly upgradePolicyRange: Range | null;
  /** One line from the language server (mode, percentages, pause). */
  readonly summary: string;
  readonly capacity: { readonly count: number; readonly known: boolean };
  /** The simulator input with the template's values; null when the server sent none (defaults are used). */
  readonly simulatorInput: SimInput | null;
  /** One line per default or assumption standing in for something the template does not say. */
  readonly assumed: readonly string[];
  /** Ranges of policy properties by name (`maxBatchInstancePercent`, …) for reveal-in-editor. */
  readonly propertyRanges: Readonly<Record<string, Range>>;
}

/** Which scale set to show first (from the CodeLens arguments), and the section to scroll to. */
export interface ScaleSetTarget {
  readonly path?: JsonPath;
  readonly name?: string;
  readonly section?: 'changeImpact';
}

/** One changed setting, as the engine's change-impact report words it (values already as display text). */
export interface PreviewImpactChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** refused, newResource, deallocate, reimage, model, none, instances, platform. */
  readonly class: string;
  readonly effect: string;
  readonly unverified: boolean;
  readonly mayChange: boolean;
  readonly azureError: string | null;
  readonly source: { readonly title: string; readonly url: string };
}

/** What deploying the open template over its baseline does to one scale set. */
export interface PreviewScaleSetImpact {
  readonly name: string;
  readonly status: 'changed' | 'added' | 'removed' | 'unchanged';
  /** The engine's one line (the lens says the same). */
  readonly headline: string;
  readonly changes: readonly PreviewImpactChange[];
  /** The simulator's plan of the model update under the new policy. */
  readonly rollout: {
    readonly mode: string;
    readonly summary: string;
    readonly batchSizes: readonly number[];
    readonly durationSeconds: number;
  } | null;
}

/** The change impact of the open template against its baseline ("HEAD", a revision, a file, the live scale set). */
export interface PreviewChangeImpact {
  readonly label: string;
  readonly scaleSets: readonly PreviewScaleSetImpact[];
}

/** extension → webview: the resolved scale sets of the followed template (after each debounced edit). */
export interface DocumentMessage {
  readonly type: 'document';
  readonly uri: string;
  /** Short name for titles (the file name). */
  readonly label: string;
  readonly version: number;
  readonly scaleSets: readonly PreviewScaleSet[];
  readonly select: ScaleSetTarget | null;
  /** Against the baseline the user chose (HEAD by default, in a git repository); null without one. */
  readonly changeImpact?: PreviewChangeImpact | null;
}

/** extension → webview: the template cannot be read right now; keep the last picture and show a banner. */
export interface DocumentErrorMessage {
  readonly type: 'documentError';
  readonly uri: string;
  readonly message: string;
}

/** extension → webview: select another scale set of the current template (CodeLens on an open panel). */
export interface SelectMessage {
  readonly type: 'select';
  readonly target: ScaleSetTarget;
}

export type { AdvisorGoals, AdvisorPolicy, AdvisorResult, AdvisorWhatIfInput, Candidate };

/** extension → webview: the advisor's answer to the `advise` request with this id (or why there is none). */
export interface AdviceMessage {
  readonly type: 'advice';
  readonly requestId: number;
  /** The document version the advice is for (an apply names it, so a stale one is refused). */
  readonly version: number;
  readonly result: AdvisorResult | null;
  /** The language server could not answer (its message); null when it did. */
  readonly error: string | null;
}

/** extension → webview: how an `applyPolicy` ended (the document message that follows shows the new policy). */
export interface PolicyAppliedMessage {
  readonly type: 'policyApplied';
  readonly ok: boolean;
  readonly message: string;
}

export type HostMessage = DocumentMessage | DocumentErrorMessage | SelectMessage | AdviceMessage | PolicyAppliedMessage;

/** webview → extension: the webview has started and listens (the extension then sends the document). */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** webview → extension: reveal and select this range of the template in its editor. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly uri: string;
  readonly range: Range;
}

/** webview → extension: put this text on the clipboard ("Copy summary"). */
export interface CopyMessage {
  readonly type: 'copy';
  readonly text: string;
}

/** webview → extension: offer to save an export (JSON run, SVG timeline) under a suggested file name. */
export interface SaveMessage {
  readonly type: 'save';
  readonly fileName: string;
  readonly format: 'json' | 'svg';
  readonly content: string;
}

/** webview → extension: something the user should hear about (a bad message, a failed export). */
export interface LogMessage {
  readonly type: 'log';
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
}

/** webview → extension: advise on this scale set for these goals under the preview's what-if. */
export interface AdviseMessage {
  readonly type: 'advise';
  readonly requestId: number;
  readonly uri: string;
  readonly path: JsonPath;
  readonly goals: AdvisorGoals;
  readonly whatIf: AdvisorWhatIfInput;
}

/** webview → extension: write this policy (one the advice for the same goals and what-if evaluated) into the template. */
export interface ApplyPolicyMessage {
  readonly type: 'applyPolicy';
  readonly uri: string;
  readonly path: JsonPath;
  readonly version: number;
  readonly policy: AdvisorPolicy;
  readonly goals: AdvisorGoals;
  readonly whatIf: AdvisorWhatIfInput;
}

export type WebviewMessage = ReadyMessage | RevealMessage | CopyMessage | SaveMessage | LogMessage | AdviseMessage | ApplyPolicyMessage;

// ── runtime validation ────────────────────────────────────────────────────────────────────────────────

const isPosition = (v: unknown): v is Position => isObj(v) && isNum(v.line) && isNum(v.character) && v.line >= 0 && v.character >= 0;
export const isRange = (v: unknown): v is Range => isObj(v) && isPosition(v.start) && isPosition(v.end);
const isPath = (v: unknown): v is JsonPath => Array.isArray(v) && v.every((p) => isStr(p) || isNum(p));
const isTarget = (v: unknown): v is ScaleSetTarget =>
  isObj(v) &&
  (v.path === undefined || isPath(v.path)) &&
  (v.name === undefined || isStr(v.name)) &&
  (v.section === undefined || v.section === 'changeImpact');

const isImpactChange = (v: unknown): v is PreviewImpactChange =>
  isObj(v) &&
  ['path', 'before', 'after', 'class', 'effect'].every((k) => isStr(v[k])) &&
  isBool(v.unverified) &&
  isBool(v.mayChange) &&
  (v.azureError === null || isStr(v.azureError)) &&
  isObj(v.source) &&
  isStr(v.source.title) &&
  isStr(v.source.url) &&
  /^https:\/\//.test(v.source.url);

const isScaleSetImpact = (v: unknown): v is PreviewScaleSetImpact =>
  isObj(v) &&
  isStr(v.name) &&
  oneOf(v.status, ['changed', 'added', 'removed', 'unchanged'] as const) &&
  isStr(v.headline) &&
  Array.isArray(v.changes) &&
  v.changes.every(isImpactChange) &&
  (v.rollout === null ||
    (isObj(v.rollout) &&
      isStr(v.rollout.mode) &&
      isStr(v.rollout.summary) &&
      Array.isArray(v.rollout.batchSizes) &&
      v.rollout.batchSizes.every(isNum) &&
      isNum(v.rollout.durationSeconds)));

const isChangeImpact = (v: unknown): v is PreviewChangeImpact =>
  isObj(v) && isStr(v.label) && Array.isArray(v.scaleSets) && v.scaleSets.every(isScaleSetImpact);

/** Shape checks of the simulator input: enough that the engine cannot be fed nonsense from a message. */
export function isSimInput(v: unknown): v is SimInput {
  if (!isObj(v)) return false;
  const { fleet, failures, timings, assumptions } = v;
  return (
    isStr(v.scaleSetName) &&
    oneOf(v.trigger, ['aos', 'manual-os', 'model'] as const) &&
    oneOf(v.mode, ['Automatic', 'Manual', 'Rolling'] as const) &&
    oneOf(v.orchestrationMode, ['Uniform', 'Flexible'] as const) &&
    (v.rollingUpgradePolicy === undefined || isObj(v.rollingUpgradePolicy)) &&
    (v.automaticOSUpgradePolicy === undefined || isObj(v.automaticOSUpgradePolicy)) &&
    oneOf(v.healthSource, ['probe', 'extension', 'external', 'none'] as const) &&
    isObj(fleet) &&
    isNum(fleet.capacity) &&
    fleet.capacity >= 0 &&
    fleet.capacity <= 10_000 &&
    Array.isArray(fleet.zones) &&
    fleet.zones.every(isStr) &&
    isNum(fleet.faultDomainCount) &&
    (isNum(fleet.unhealthy) || (Array.isArray(fleet.unhealthy) && fleet.unhealthy.every(isNum))) &&
    Array.isArray(fleet.overrides) &&
    isObj(failures) &&
    isNum(failures.probability) &&
    Array.isArray(failures.failingInstances) &&
    isBool(failures.badImage) &&
    isNum(failures.flapProbability) &&
    isObj(timings) &&
    ['upgradeSeconds', 'healthySeconds', 'healthWaitSeconds', 'rollbackSeconds', 'surgeDeleteSeconds', 'jitter'].every((k) =>
      isNum(timings[k]),
    ) &&
    isObj(assumptions) &&
    Object.values(assumptions).every(isStr) &&
    isNum(v.seed) &&
    (isStr(v.startTime) || isNum(v.startTime)) &&
    (v.blockedBy === undefined ||
      (Array.isArray(v.blockedBy) &&
        v.blockedBy.every(
          (b) => isObj(b) && isStr(b.ruleId) && isStr(b.message) && oneOf(b.blocks, ['deployment', 'upgrade'] as const),
        ))) &&
    (v.firstBatchFails === undefined || isStr(v.firstBatchFails)) &&
    (v.approvals === undefined || isApprovals(v.approvals))
  );
}

const isSeconds = (v: unknown) => isNum(v) && v >= 0;

/** The waits for approval: hooks of the two known types, deferral and the OS image event, with non-negative seconds. */
function isApprovals(v: unknown): boolean {
  if (!isObj(v) || !Array.isArray(v.lifecycleHooks)) return false;
  const { deferral, osImageNotification: os } = v;
  return (
    v.lifecycleHooks.every(
      (h) =>
        isObj(h) &&
        oneOf(h.type, ['UpgradeAutoOSScheduling', 'UpgradeAutoOSRollingBatchStarting'] as const) &&
        isSeconds(h.waitSeconds) &&
        oneOf(h.defaultAction, ['Approve', 'Reject'] as const) &&
        (h.approvedAfterSeconds === undefined || isSeconds(h.approvedAfterSeconds)),
    ) &&
    (deferral === undefined || (isObj(deferral) && isSeconds(deferral.approvedAfterSeconds))) &&
    (os === undefined ||
      (isObj(os) &&
        isSeconds(os.notBeforeTimeoutSeconds) &&
        (os.approvedAfterSeconds === undefined || isSeconds(os.approvedAfterSeconds)))) &&
    (v.notes === undefined || (Array.isArray(v.notes) && v.notes.every(isStr)))
  );
}

function isScaleSet(v: unknown): v is PreviewScaleSet {
  return (
    isObj(v) &&
    isStr(v.name) &&
    isPath(v.path) &&
    isRange(v.range) &&
    (v.upgradePolicyRange === null || isRange(v.upgradePolicyRange)) &&
    isStr(v.summary) &&
    isObj(v.capacity) &&
    isNum(v.capacity.count) &&
    isBool(v.capacity.known) &&
    (v.simulatorInput === null || isSimInput(v.simulatorInput)) &&
    Array.isArray(v.assumed) &&
    v.assumed.every(isStr) &&
    isObj(v.propertyRanges) &&
    Object.values(v.propertyRanges).every(isRange)
  );
}

/** Webview side: a message from the extension, or undefined when it is not one of HostMessage. */
export function parseHostMessage(data: unknown): HostMessage | undefined {
  if (!isObj(data)) return undefined;
  switch (data.type) {
    case 'document':
      return isStr(data.uri) &&
        isStr(data.label) &&
        isNum(data.version) &&
        Array.isArray(data.scaleSets) &&
        data.scaleSets.every(isScaleSet) &&
        (data.select === null || isTarget(data.select)) &&
        (data.changeImpact === undefined || data.changeImpact === null || isChangeImpact(data.changeImpact))
        ? (data as unknown as DocumentMessage)
        : undefined;
    case 'documentError':
      return isStr(data.uri) && isStr(data.message) ? (data as unknown as DocumentErrorMessage) : undefined;
    case 'select':
      return isTarget(data.target) ? (data as unknown as SelectMessage) : undefined;
    case 'advice':
      return isNum(data.requestId) &&
        isNum(data.version) &&
        (data.result === null || isAdvisorResult(data.result)) &&
        (data.error === null || isStr(data.error))
        ? (data as unknown as AdviceMessage)
        : undefined;
    case 'policyApplied':
      return isBool(data.ok) && isStr(data.message) ? { type: 'policyApplied', ok: data.ok, message: data.message } : undefined;
    default:
      return undefined;
  }
}

/** Extension side: a message from the webview, or undefined when it is not one of WebviewMessage. */
export function parseWebviewMessage(data: unknown): WebviewMessage | undefined {
  if (!isObj(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'reveal':
      return isStr(data.uri) && isRange(data.range) ? { type: 'reveal', uri: data.uri, range: data.range } : undefined;
    case 'copy':
      return isStr(data.text) ? { type: 'copy', text: data.text } : undefined;
    case 'save':
      return isStr(data.fileName) && /^[\w.-]+$/.test(data.fileName) && oneOf(data.format, ['json', 'svg'] as const) && isStr(data.content)
        ? { type: 'save', fileName: data.fileName, format: data.format, content: data.content }
        : undefined;
    case 'log':
      return oneOf(data.level, ['info', 'warn', 'error'] as const) && isStr(data.message)
        ? { type: 'log', level: data.level, message: data.message }
        : undefined;
    case 'advise':
      return isNum(data.requestId) && isStr(data.uri) && isPath(data.path) && isGoals(data.goals) && isAdvisorWhatIf(data.whatIf)
        ? { type: 'advise', requestId: data.requestId, uri: data.uri, path: data.path, goals: data.goals, whatIf: data.whatIf }
        : undefined;
    case 'applyPolicy':
      return isStr(data.uri) &&
        isPath(data.path) &&
        isNum(data.version) &&
        isPolicy(data.policy) &&
        isGoals(data.goals) &&
        isAdvisorWhatIf(data.whatIf)
        ? {
            type: 'applyPolicy',
            uri: data.uri,
            path: data.path,
            version: data.version,
            policy: data.policy,
            goals: data.goals,
            whatIf: data.whatIf,
          }
        : undefined;
    default:
      return undefined;
  }
}

/** What the webview keeps across reloads (getState/setState); the extension reads `uri` when reviving. */
export interface PersistedState {
  readonly uri: string | null;
  readonly selectedPath: JsonPath | null;
  readonly whatIf: unknown;
}

export function parsePersistedState(v: unknown): PersistedState | undefined {
  if (!isObj(v)) return undefined;
  return (v.uri === null || isStr(v.uri)) && (v.selectedPath === null || isPath(v.selectedPath))
    ? (v as unknown as PersistedState)
    : undefined;
}
