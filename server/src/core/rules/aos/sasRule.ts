import type { ExtensionModel, RValue } from '../../model/templateModel';
import { asString } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { currentTime } from '../facts/clock';
import type { FindingDraft } from '../ruleTypes';
import { aosOn } from './aosOn';
import { fitMessage } from '../messageText';
import { clip } from '../valueOrigin';

/**
 * SAS URLs in extension settings that have expired or expire soon (reference §3.3 #21, S4: external
 * resources must stay valid or the first upgraded batch fails). Needs the current time from the caller.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** Warn this long before expiry: a month covers the usual release cadence of OS images. */
export const SAS_WARNING_DAYS = 30;
const SIGNED_EXPIRY = /(?:^|[?&])se=([^&#\s]*)/i;
const SIGNATURE = /(?:^|[?&])sig=/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

interface SasString {
  readonly value: RValue & { kind: 'string' };
  /** Where in settings, e.g. "fileUris[0]". */
  readonly path: string;
}

function sasStrings(value: RValue | undefined, path: string, out: SasString[]): SasString[] {
  if (value?.kind === 'string' && SIGNATURE.test(value.value) && SIGNED_EXPIRY.test(value.value)) out.push({ value, path });
  else if (value?.kind === 'array') value.items.forEach((item, i) => sasStrings(item, `${path}[${i}]`, out));
  else if (value?.kind === 'object') for (const p of value.properties) sasStrings(p.value, path ? `${path}.${p.name}` : p.name, out);
  return out;
}

/** The signed expiry (se=) in epoch ms, also URL-encoded ("2024-05-01T00%3A00%3A00Z"); undefined when unreadable. */
export function sasExpiry(url: string): { readonly ms: number; readonly text: string } | undefined {
  const raw = SIGNED_EXPIRY.exec(url)?.[1];
  if (raw === undefined) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(raw.replace(/\+/g, ' ')).trim();
  } catch {
    return undefined;
  }
  if (!ISO_DATE.test(text)) return undefined;
  // A date without a zone is UTC in SAS tokens; Date.parse reads a bare date as UTC but a bare date-time as local.
  const ms = Date.parse(/T.*(Z|[+-]\d{2}:\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  return Number.isFinite(ms) ? { ms, text } : undefined;
}

/** How a message names the SAS: the URL without its query (never the signature), or "SAS token" for a bare query. */
function describe(url: string): string {
  const base = url.split('?')[0]!.trim();
  return base && !base.includes('=') ? `SAS URL ${base}` : 'SAS token';
}

function extensionLabel(ext: ExtensionModel): string {
  return asString(ext.name) ?? asString(ext.type) ?? 'an extension';
}

export const EXPIRED_SAS_TOKEN = scaleSetRule({
  id: 'expired-sas-token',
  defaultSeverity: 'warning',
  title: 'Expired or expiring SAS URL in extension settings',
  description: `A SAS URL in an extension's settings (e.g. fileUris) whose expiry (se=) has passed or is less than ${SAS_WARNING_DAYS} days away: every instance that runs the extension again, starting with the first batch of an upgrade, fails.`,
  check: (ctx) => {
    const now = currentTime(ctx);
    if (now === undefined) return [];
    const { scaleSet, facts } = ctx;
    const aos = aosOn(scaleSet, facts);
    const out: FindingDraft[] = [];
    for (const ext of scaleSet.extensions) {
      for (const sas of sasStrings(ext.settings, '', [])) {
        const expiry = sasExpiry(sas.value.value);
        if (!expiry || expiry.ms - now >= SAS_WARNING_DAYS * DAY_MS) continue;
        const days = Math.floor(Math.abs(expiry.ms - now) / DAY_MS);
        const when =
          expiry.ms <= now
            ? `expired on ${expiry.text}${days > 0 ? `, ${days} day${days === 1 ? '' : 's'} ago` : ''}`
            : `expires on ${expiry.text}, in ${days === 0 ? 'less than a day' : `${days} day${days === 1 ? '' : 's'}`}`;
        const trigger = aos
          ? 'Automatic OS upgrade reimages every instance and runs its extensions again, so the first upgraded batch fails and the upgrade stops (the automatic OS upgrade documentation: SAS URIs and secrets the model refers to must stay valid).'
          : 'Every instance that runs the extension again (a reimage, a repair, a scale-out, or the first batch of a rolling or OS upgrade) fails to download it.';
        out.push({
          message: fitMessage(
            (q) =>
              `The SAS token in settings.${clip(sas.path, q)} of extension "${clip(extensionLabel(ext), q)}" ${when}, so instances that run the extension again fail.`,
          ),
          details: {
            explanation: `The ${describe(sas.value.value)} ${when}. ${trigger} Issue a new SAS with a later expiry (and rotate it before then), or let the extension read the file with a managed identity instead of a SAS.`,
            sources: ['S4'],
          },
          span: sas.value.span,
          related: aos ? [aos.related] : [],
        });
      }
    }
    return out;
  },
});
