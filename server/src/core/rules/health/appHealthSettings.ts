import { APPLICATION_HEALTH_EXTENSION } from '../../catalog';
import type { ExtensionModel, RProperty, RValue } from '../../model/templateModel';
import { asInteger, asString, getProp } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { healthSources, isEditable } from '../facts';
import type { FindingDraft, Fix } from '../ruleTypes';
import type { SourceId } from '../../catalog/sources';
import { originSentence, showValue } from '../valueOrigin';
import { fitMessage, joinSentences } from '../messageText';

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
function range(
  name: 'intervalInSeconds' | 'numberOfProbes' | 'gracePeriod',
  minimum: number,
  maximum: number,
  why: string,
  sources: readonly SourceId[] = ['S9'],
  assumption?: string,
): Check {
  return (s) => {
    const p = s.get(name);
    if (!present(p) || p.value.kind === 'unknown') return undefined;
    const n = asInteger(p.value);
    if (n !== undefined && n >= minimum && n <= maximum) return undefined;
    const bound = n === undefined ? undefined : n < minimum ? minimum : maximum;
    return {
      message: `Application Health setting ${name} is ${showValue(p.value)}; the extension accepts a whole number from ${minimum} to ${maximum}.`,
      details: {
        explanation: joinSentences(originSentence(p.value), why),
        ...(assumption ? { assumption } : {}),
        sources,
      },
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
      message: `Application Health setting protocol is ${showValue(p.value)}; the extension accepts only "http", "https" or "tcp", so instances never report healthy.`,
      details: {
        explanation: joinSentences(
          originSentence(p.value),
          'With any other protocol the extension cannot probe the application, so the instances never report healthy and upgrades that wait for health stop.',
        ),
        sources: ['S9'],
      },
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
        'The Application Health extension uses protocol "tcp" but has no port, so it has nothing to connect to and instances never report healthy.',
      details: { explanation: 'port is mandatory for tcp. Add "port" with the port your application listens on.', sources: ['S9'] },
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
      message: fitMessage(
        (q) =>
          `Application Health setting port is ${showValue(p.value, q)}, but it must be a TCP port number from 1 to 65535, so the extension cannot probe.`,
      ),
      details: {
        explanation: joinSentences(originSentence(p.value), 'A numeric string such as "19000" is read as a number.'),
        sources: ['S9'],
      },
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
      message: `The Application Health extension uses protocol "${s.protocol}" but ${present(p) ? 'its requestPath is empty' : 'has no requestPath'}, which ${s.protocol} requires.`,
      details: {
        explanation: `requestPath is mandatory for http and https: it is the URL path the extension requests on each instance, e.g. "/health".`,
        sources: ['S9'],
      },
      span: present(p) ? p.value.span : s.protocolProp!.value.span,
      fixes,
    };
  },
  (s) => {
    const p = s.get('requestPath');
    if (s.protocol !== 'tcp' || !present(p)) return undefined;
    return {
      message: `The Application Health extension uses protocol "tcp" but sets requestPath ${showValue(p.value)}, which tcp does not allow.`,
      details: {
        explanation: 'A tcp probe only opens a connection. Remove requestPath, or use protocol "http" or "https" to probe that path.',
        sources: ['S9'],
      },
      span: p.keySpan,
      fixes: s.editable ? [remove('Remove requestPath', p)] : [],
    };
  },
  range(
    'intervalInSeconds',
    SETTINGS.intervalInSeconds.minimum,
    SETTINGS.intervalInSeconds.maximum,
    `Without a value it is ${SETTINGS.intervalInSeconds.default}.`,
  ),
  range(
    'numberOfProbes',
    SETTINGS.numberOfProbes.minimum,
    SETTINGS.numberOfProbes.maximum,
    `Without a value it is ${SETTINGS.numberOfProbes.default}.`,
  ),
  range(
    'gracePeriod',
    0,
    SETTINGS.gracePeriod.maximum,
    `gracePeriod is in seconds; the health extension documentation allows at most ${SETTINGS.gracePeriod.maximum}.`,
    ['S9', 'S8'],
    `The custom-metrics page says at most ${SETTINGS.gracePeriod.conflictingMaximum} seconds; the sources disagree, so ${SETTINGS.gracePeriod.conflictingMaximum} is the safe choice.`,
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
      message: `gracePeriod has no effect: typeHandlerVersion ${showValue(version)} is Binary Health States, and gracePeriod needs Rich Health States ("${APPLICATION_HEALTH_EXTENSION.versions.rich}").`,
      details: {
        explanation: `gracePeriod exists only for Rich Health States (typeHandlerVersion "${APPLICATION_HEALTH_EXTENSION.versions.rich}"). Switch to "${APPLICATION_HEALTH_EXTENSION.versions.rich}" or remove gracePeriod.`,
        sources: ['S9'],
      },
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
