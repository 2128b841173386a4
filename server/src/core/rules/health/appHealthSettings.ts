import { APPLICATION_HEALTH_EXTENSION } from '../../catalog';
import type { ExtensionModel, RProperty, RValue } from '../../model/templateModel';
import { asInteger, asString, getProp } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { healthSources, isEditable } from '../facts';
import type { FindingDraft, Fix } from '../ruleTypes';
import { originNote, showValue } from '../valueOrigin';

/** The Application Health extension's settings (reference §2, S9), one table row per constraint. */

const SETTINGS = APPLICATION_HEALTH_EXTENSION.settings;

interface Settings {
  readonly extension: ExtensionModel;
  readonly object: RValue & { kind: 'object' };
  /** Lower-case protocol, undefined when absent or unknown. */
  readonly protocol: string | undefined;
  readonly protocolProp: RProperty | undefined;
  readonly get: (name: string) => RProperty | undefined;
  readonly rich: boolean | undefined;
  readonly editable: boolean;
}

type Check = (s: Settings) => FindingDraft | undefined;

const present = (p: RProperty | undefined): p is RProperty => p !== undefined && p.value.kind !== 'null';
const replace = (title: string, value: RValue, newValue: number | string): Fix => ({
  title,
  edits: [{ kind: 'replaceValue', span: value.span, newValue }],
  isPreferred: true,
});
const remove = (title: string, p: RProperty): Fix => ({
  title,
  edits: [{ kind: 'removeProperty', keySpan: p.keySpan }],
  isPreferred: true,
});

/** An integer setting with a range: a finding for a non-integer or out-of-range value, with a clamping fix. */
function range(name: 'intervalInSeconds' | 'numberOfProbes' | 'gracePeriod', minimum: number, maximum: number, why: string): Check {
  return (s) => {
    const p = s.get(name);
    if (!present(p) || p.value.kind === 'unknown') return undefined;
    const n = asInteger(p.value);
    if (n !== undefined && n >= minimum && n <= maximum) return undefined;
    const bound = n === undefined ? undefined : n < minimum ? minimum : maximum;
    return {
      message: `Application Health setting ${name} is ${showValue(p.value)}${originNote(p.value)}, but it must be a whole number from ${minimum} to ${maximum}${why}.`,
      span: p.value.span,
      fixes: bound !== undefined && isEditable(p.value) && s.editable ? [replace(`Change to ${bound}`, p.value, bound)] : [],
    };
  };
}

const CHECKS: readonly Check[] = [
  (s) => {
    const p = s.protocolProp;
    if (
      !present(p) ||
      p.value.kind !== 'string' ||
      (APPLICATION_HEALTH_EXTENSION.protocols as readonly string[]).includes(p.value.value.toLowerCase())
    )
      return undefined;
    return {
      message: `Application Health setting protocol is ${showValue(p.value)}${originNote(p.value)}, but the extension accepts only "http", "https" or "tcp"; with anything else it cannot probe the application and the instances never report healthy.`,
      span: p.value.span,
      fixes:
        isEditable(p.value) && s.editable
          ? APPLICATION_HEALTH_EXTENSION.protocols.map((v, i) => ({ ...replace(`Change to "${v}"`, p.value, v), isPreferred: i === 0 }))
          : [],
    };
  },
  (s) => {
    if (s.protocol !== 'tcp' || present(s.get('port'))) return undefined;
    return {
      message:
        'The Application Health extension uses protocol "tcp" but has no port. port is mandatory for tcp (S9): the extension has nothing to connect to, so the instances never report healthy. Add "port" with the port your application listens on.',
      span: s.protocolProp!.value.span,
    };
  },
  (s) => {
    const p = s.get('port');
    if (!present(p) || p.value.kind === 'unknown') return undefined;
    // A numeric string ("19000", as in the Service Fabric samples) is read as a number; only non-numbers are wrong.
    const n = asInteger(p.value);
    if (n !== undefined && n >= 1 && n <= 65535) return undefined;
    return {
      message: `Application Health setting port is ${showValue(p.value)}${originNote(p.value)}, but it must be a TCP port number from 1 to 65535.`,
      span: p.value.span,
    };
  },
  (s) => {
    if (s.protocol !== 'http' && s.protocol !== 'https') return undefined;
    const p = s.get('requestPath');
    if (present(p) && (p.value.kind !== 'string' || p.value.value.trim() !== '')) return undefined;
    const fixes: Fix[] =
      s.editable && !present(p)
        ? [
            {
              title: 'Add requestPath "/" (adapt to your health endpoint)',
              edits: [{ kind: 'setProperty', objectSpan: s.object.span, path: ['requestPath'], value: '/' }],
              isPreferred: true,
            },
          ]
        : s.editable && p && isEditable(p.value)
          ? [replace('Change to "/" (adapt to your health endpoint)', p.value, '/')]
          : [];
    return {
      message: `The Application Health extension uses protocol "${s.protocol}" but ${present(p) ? 'its requestPath is empty' : 'has no requestPath'}. requestPath is mandatory for http and https (S9): it is the URL path the extension requests on each instance, e.g. "/health".`,
      span: present(p) ? p.value.span : s.protocolProp!.value.span,
      fixes,
    };
  },
  (s) => {
    const p = s.get('requestPath');
    if (s.protocol !== 'tcp' || !present(p)) return undefined;
    return {
      message: `The Application Health extension uses protocol "tcp" but sets requestPath ${showValue(p.value)}. requestPath is not allowed for tcp (S9): a tcp probe only opens a connection. Remove requestPath, or use protocol "http"/"https" to probe that path.`,
      span: p.keySpan,
      fixes: s.editable ? [remove('Remove requestPath', p)] : [],
    };
  },
  range(
    'intervalInSeconds',
    SETTINGS.intervalInSeconds.minimum,
    SETTINGS.intervalInSeconds.maximum,
    ` (S9; default ${SETTINGS.intervalInSeconds.default})`,
  ),
  range(
    'numberOfProbes',
    SETTINGS.numberOfProbes.minimum,
    SETTINGS.numberOfProbes.maximum,
    ` (S9; default ${SETTINGS.numberOfProbes.default})`,
  ),
  range(
    'gracePeriod',
    0,
    SETTINGS.gracePeriod.maximum,
    ` seconds (the health extension documentation, S9; the custom-metrics page, S8, says at most ${SETTINGS.gracePeriod.conflictingMaximum}, so ${SETTINGS.gracePeriod.conflictingMaximum} is the safe choice)`,
  ),
  (s) => {
    const p = s.get('gracePeriod');
    if (!present(p) || s.rich !== false) return undefined;
    const version = s.extension.typeHandlerVersion!;
    const fixes: Fix[] = [];
    if (isEditable(version) && s.editable)
      fixes.push(
        replace(
          `Use Rich health states (typeHandlerVersion "${APPLICATION_HEALTH_EXTENSION.versions.rich}")`,
          version,
          APPLICATION_HEALTH_EXTENSION.versions.rich,
        ),
      );
    if (s.editable) fixes.push({ ...remove('Remove gracePeriod', p), isPreferred: false });
    return {
      message: `The Application Health extension sets gracePeriod, but its typeHandlerVersion ${showValue(version)} is Binary Health States; gracePeriod exists only for Rich Health States (typeHandlerVersion "${APPLICATION_HEALTH_EXTENSION.versions.rich}", S9), so it has no effect. Switch to "${APPLICATION_HEALTH_EXTENSION.versions.rich}" or remove gracePeriod.`,
      span: p.keySpan,
      related: [{ span: version.span, message: 'typeHandlerVersion selects Binary (1.0) or Rich (2.0) health states.' }],
      fixes,
    };
  },
];

function readSettings(extension: ExtensionModel): Settings | undefined {
  const object = extension.settings;
  if (object?.kind !== 'object') return undefined;
  const protocolProp = getProp(object, 'protocol');
  const version = extension.typeHandlerVersion;
  const major = version?.kind === 'string' || version?.kind === 'number' ? Number.parseInt(String(version.value), 10) : Number.NaN;
  return {
    extension,
    object,
    protocol: protocolProp?.value.kind === 'string' ? asString(protocolProp.value)!.toLowerCase() : undefined,
    protocolProp,
    get: (name) => getProp(object, name),
    rich: Number.isNaN(major) ? undefined : major >= 2,
    editable: isEditable(object),
  };
}

export const APP_HEALTH_SETTINGS = scaleSetRule({
  id: 'app-health-settings',
  defaultSeverity: 'error',
  title: 'Invalid Application Health extension settings',
  description:
    "The Application Health extension's settings break its documented rules: port for tcp, requestPath for http/https (and not for tcp), intervalInSeconds 5–60, numberOfProbes 1–24, gracePeriod at most 14400 s and only with Rich health states.",
  check: ({ scaleSet, facts }) => {
    const out: FindingDraft[] = [];
    for (const extension of healthSources(scaleSet, facts).appHealth) {
      const settings = readSettings(extension);
      if (!settings) continue;
      for (const check of CHECKS) {
        const draft = check(settings);
        if (draft) out.push(draft);
      }
    }
    return out;
  },
});
