import type { ScaleSetRuleContext } from '../ruleTypes';

/**
 * The current time a rule may judge dates against, in epoch milliseconds. The engine has no clock: the
 * runner copies RunRulesOptions.now into the context only when the caller gave it. Undefined (rules stay
 * silent) when absent or unreadable.
 */
export function currentTime(ctx: ScaleSetRuleContext): number | undefined {
  const now = ctx.now;
  const ms = typeof now === 'number' ? now : typeof now === 'string' ? Date.parse(now) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}
