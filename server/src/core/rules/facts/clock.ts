import type { ScaleSetRuleContext } from '../types';

/**
 * The current time a rule may judge dates against, in epoch milliseconds. The engine has no clock: the
 * runner copies RunRulesOptions.now into the context only when the caller gave it (ScaleSetRuleContext
 * does not declare it, so it is read defensively). Undefined (rules stay silent) when absent or unreadable.
 */
export function currentTime(ctx: ScaleSetRuleContext): number | undefined {
  const now: unknown = 'now' in ctx ? ctx.now : undefined;
  const ms = typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}
