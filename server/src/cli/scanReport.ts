import { LineIndex } from '../core/text/lineIndex';
import type { Range } from '../core/text/span';
import type { EvalValue, ExtensionModel, RProperty, RValue, ScaleSetModel, TemplateModel, ValueSource } from '../core/model/templateModel';
import { toPlain } from '../core/model/values';
import { capParseErrors } from './parseErrorCap';

/** The stable JSON of `vmss-upgrade scan --format json` (documented in docs/cli.md; bump `version` on breaking changes). */
export interface ScanReport {
  readonly version: 1;
  readonly file: string;
  readonly kind: TemplateModel['kind'];
  readonly parametersFile: string | null;
  /** The first MAX_PARSE_ERRORS (100) parse errors. */
  readonly parseErrors: readonly { message: string; range: Range }[];
  /** Parse errors beyond those listed. */
  readonly parseErrorsOmitted: number;
  readonly scaleSets: readonly ScanScaleSet[];
}

/** A resolved setting: its value (null when absent or unknown), where it came from, and where it is. */
export interface ScanValue {
  readonly value: EvalValue;
  readonly source: ValueSource | 'absent';
  readonly expression?: string;
  readonly unknownReason?: string;
  readonly range?: Range;
}

export type ScanTree = ScanValue | { readonly [name: string]: ScanTree };

export interface ScanScaleSet {
  readonly name: string;
  readonly path: string;
  readonly shape: ScaleSetModel['shape'];
  readonly range: Range;
  readonly apiVersion: ScanValue;
  readonly location: ScanValue;
  readonly capacity: ScanValue;
  readonly skuName: ScanValue;
  readonly copyCount: ScanValue | null;
  readonly deployment: { readonly name: ScanValue; readonly scope: 'inner' | 'outer' } | null;
  readonly mode: ScanValue;
  readonly orchestrationMode: ScanValue;
  readonly zones: ScanValue;
  readonly overprovision: ScanValue;
  readonly singlePlacementGroup: ScanValue;
  readonly platformFaultDomainCount: ScanValue;
  readonly upgradePolicy: ScanTree | null;
  readonly automaticRepairsPolicy: ScanTree | null;
  readonly imageReference: ScanTree | null;
  readonly osKind: ScaleSetModel['osKind'];
  readonly windowsConfiguration: ScanTree | null;
  readonly linuxConfiguration: ScanTree | null;
  readonly healthProbeId: ScanValue;
  readonly extensions: readonly {
    name: ScanValue;
    publisher: ScanValue;
    type: ScanValue;
    typeHandlerVersion: ScanValue;
    origin: ExtensionModel['origin'];
  }[];
}

export function buildScanReport(file: string, text: string, model: TemplateModel, parametersFile: string | undefined): ScanReport {
  const lines = new LineIndex(text);
  const errors = capParseErrors(model.parseErrors);
  const leaf = (value: RValue | undefined): ScanValue => toLeaf(value, lines);
  const tree = (prop: RProperty | undefined): ScanTree | null => (prop ? toTree(prop.value, lines) : null);
  return {
    version: 1,
    file,
    kind: model.kind,
    parametersFile: parametersFile ?? null,
    parseErrors: errors.listed.map((e) => ({ message: e.message, range: lines.rangeOf(e.span) })),
    parseErrorsOmitted: errors.omitted,
    scaleSets: model.scaleSets.map((s) => ({
      name: s.displayName,
      path: formatPath(s.path),
      shape: s.shape,
      range: lines.rangeOf(s.span),
      apiVersion: leaf(s.apiVersion),
      location: leaf(s.location),
      capacity: leaf(s.capacity),
      skuName: leaf(s.skuName),
      copyCount: s.copy ? leaf(s.copy.count) : null,
      deployment: s.deployment ? { name: leaf(s.deployment.name), scope: s.deployment.scope } : null,
      mode: leaf(s.mode?.value),
      orchestrationMode: leaf(s.orchestrationMode?.value),
      zones: leaf(s.zones),
      overprovision: leaf(s.overprovision?.value),
      singlePlacementGroup: leaf(s.singlePlacementGroup?.value),
      platformFaultDomainCount: leaf(s.platformFaultDomainCount?.value),
      upgradePolicy: tree(s.upgradePolicy),
      automaticRepairsPolicy: tree(s.automaticRepairsPolicy),
      imageReference: tree(s.imageReference),
      osKind: s.osKind,
      windowsConfiguration: tree(s.windowsConfiguration),
      linuxConfiguration: tree(s.linuxConfiguration),
      healthProbeId: leaf(s.healthProbeId?.value),
      extensions: s.extensions.map((e) => ({
        name: leaf(e.name),
        publisher: leaf(e.publisher),
        type: leaf(e.type),
        typeHandlerVersion: leaf(e.typeHandlerVersion),
        origin: e.origin,
      })),
    })),
  };
}

/** "resources[2].resources[0]" style, as users read JSON paths. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : /^[A-Za-z_$][\w$]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  }
  return out || '$';
}

function toLeaf(value: RValue | undefined, lines: LineIndex): ScanValue {
  if (!value) return { value: null, source: 'absent' };
  const base = {
    value: toPlain(value),
    source: value.source,
    ...(value.expression ? { expression: value.expression } : {}),
    ...(value.kind === 'unknown' ? { unknownReason: value.unknown.reason } : {}),
    range: lines.rangeOf(value.span),
  };
  return base;
}

function toTree(value: RValue, lines: LineIndex): ScanTree {
  if (value.kind !== 'object' || value.expression) return toLeaf(value, lines);
  const out: { [name: string]: ScanTree } = {};
  for (const prop of value.properties) out[prop.name] = toTree(prop.value, lines);
  return out;
}
