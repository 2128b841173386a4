import { closestName } from '../../catalog/closestName';
import { humaniseDuration, parseIsoDuration } from '../../catalog/durations';
import { HOOK_LIMITS_SOURCE, HOOK_WAIT_LIMITS } from '../../catalog/approvalWaits';
import { LIFECYCLE_HOOK } from '../../catalog/healthAndHooks';
import type { RProperty, RValue } from '../../model/templateModel';
import { getProp } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import type { FindingDraft } from '../ruleTypes';
import { policyObjects } from '../schema/policyWalk';
import { fitMessage } from '../messageText';
import { clip } from '../valueOrigin';

/**
 * lifecycleHooksProfile.lifecycleHooks[] (Compute API 2025-11-01): what the spec leaves open, checked as
 * warnings. The spec gives no waitDuration limits; the ones here come from azure-cli issues #33328 and
 * #33652 and are UNVERIFIED, so they are said to be.
 */

const KNOWN_TYPES = LIFECYCLE_HOOK.properties.find((p) => p.name === 'type')!.enumValues!;
const KNOWN_ACTIONS = LIFECYCLE_HOOK.properties.find((p) => p.name === 'defaultAction')!.enumValues!;

/** The unverified maximum waitDuration per hook type (the catalog's, which the simulator also uses). */
const MAX_WAIT: Readonly<Record<string, { readonly seconds: number; readonly text: string }>> = Object.fromEntries(
  Object.entries(HOOK_WAIT_LIMITS).map(([type, l]) => [type, { seconds: l.maxSeconds, text: l.maxText }]),
);
const SOURCE = HOOK_LIMITS_SOURCE;

const canonical = (list: readonly string[], value: string) => list.find((v) => v.toLowerCase() === value.toLowerCase());

export const LIFECYCLE_HOOK_SETTINGS = scaleSetRule({
  id: 'lifecycle-hook-settings',
  defaultSeverity: 'warning',
  title: 'Lifecycle hook the API may not accept',
  description:
    'A lifecycle hook whose type or defaultAction is not one the Compute API lists, whose waitDuration exceeds the unverified maximum for its type, or whose type appears twice.',
  check: ({ scaleSet, facts }) => {
    const out: FindingDraft[] = [];
    const seen = new Map<string, RProperty>();
    for (const object of policyObjects(scaleSet, facts)) {
      if (object.objectId !== 'lifecycleHook') continue;
      const type = getProp(object.value, 'type');
      const typeName = type?.value.kind === 'string' ? type.value.value : undefined;
      const known = typeName === undefined ? undefined : canonical(KNOWN_TYPES, typeName);
      if (type && typeName !== undefined && !known)
        out.push({
          message: `Hook type "${clip(typeName)}" is not a type the Compute API lists, so the hook may never fire.${closestName(typeName, KNOWN_TYPES) ? ` Did you mean "${closestName(typeName, KNOWN_TYPES)}"?` : ''}`,
          // The known types go to the details: with them a long type name overran the message's length.
          details: {
            explanation: `The Compute API lists ${KNOWN_TYPES.join(' and ')} (the enum is open, so others may come).`,
            sources: ['API2026'],
          },
          span: type.value.span,
        });
      if (type && known) {
        const first = seen.get(known);
        if (first)
          out.push({
            message: `A second ${known} hook. The API keys hooks by type, so only one of them can take effect.`,
            span: type.value.span,
            related: [{ span: first.value.span, message: `The first ${known} hook.` }],
          });
        else seen.set(known, type);
      }
      const action = getProp(object.value, 'defaultAction');
      const actionText = action?.value.kind === 'string' ? action.value.value : undefined;
      if (action && actionText !== undefined && !canonical(KNOWN_ACTIONS, actionText))
        out.push({
          message: fitMessage(
            (q) =>
              `defaultAction "${clip(actionText, q)}" is not Approve or Reject, the values the Compute API lists, so what happens when nobody answers is unknown.`,
          ),
          span: action.value.span,
        });
      const wait = getProp(object.value, 'waitDuration');
      const limit = known ? MAX_WAIT[known] : undefined;
      if (wait && limit) out.push(...waitTooLong(wait.value, known!, limit));
    }
    return out;
  },
});

function waitTooLong(value: RValue, type: string, limit: { readonly seconds: number; readonly text: string }): FindingDraft[] {
  if (value.kind !== 'string') return [];
  const parsed = parseIsoDuration(value.value);
  if (!parsed.ok || parsed.seconds <= limit.seconds) return [];
  return [
    {
      message: `waitDuration ${humaniseDuration(value.value)} is above the ${limit.text} ${SOURCE} give for ${type} (unverified), so Azure may refuse it.`,
      span: value.span,
    },
  ];
}
