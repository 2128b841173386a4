import { optionValue, oneOf, parseArgs, type ParsedArgs } from '../args';
import type { CliCommand } from '../commands';
import { CliError } from '../io';
import { loadTemplate, ls } from '../loadTemplate';
import { intOption, numberOption, optional } from '../numberOptions';
import { pickScaleSet } from '../pickScaleSet';
import {
  adviceContract,
  assumptionEffects,
  MAX_TRIALS,
  parseIsoDuration,
  renderAdviceMarkdown,
  renderAdviceText,
  type AdvisorGoals,
  type AdvisorWhatIf,
} from '../../core/advisor';
import { MAX_SIMULATED_INSTANCES } from '../../core/sim';

const USAGE = `Usage: vmss-upgrade advise FILE [options]

The rolling policy that meets your goals, found by the simulator: every policy that changes the upgrade
(batch size, health gates, and maxSurge where the apiVersion has it) scored on P(halt) under random failures,
duration, instances serving and how far a bad image gets; the Pareto front and the recommendation (the
fastest policy meeting every goal, else the closest). Exit 0 with advice, 1 when no policy meets every goal.
  --parameters FILE        parameter values, JSON or .bicepparam (default: found beside FILE)
  --scale-set NAME         which scale set (required when FILE has several)
  --failure-rate P         probability that one upgraded instance fails (0..1, default 0.02)
  --max-halt P             largest acceptable P(halt) (0..1, default 0.05)
  --max-bad-image N        most instances a bad image may touch (default: what the current policy lets it touch)
  --min-serving N          fewest instances serving during the upgrade (default: the current policy's)
  --max-duration D         longest acceptable duration, 90th percentile: ISO 8601 (PT2H) or seconds (default: none)
  --trials N               Monte Carlo trials per policy (default 100, at most ${MAX_TRIALS})
  --seed S                 random seed of the trials (default 1)
  --assume NAME=VALUE      switch a documented assumption (repeatable; see docs/simulator.md)
  --format F               text | json | markdown (a pull-request comment)`;

export const adviseCommand: CliCommand = {
  name: 'advise',
  summary: 'the rolling policy that meets your goals: Pareto front and recommendation',
  usage: USAGE,
  run(argv, io) {
    const args = parseArgs(argv, {
      parameters: { value: true },
      'scale-set': { value: true },
      'failure-rate': { value: true },
      'max-halt': { value: true },
      'max-bad-image': { value: true },
      'min-serving': { value: true },
      'max-duration': { value: true },
      trials: { value: true },
      seed: { value: true },
      assume: { value: true, repeat: true },
      format: { value: true },
    });
    if (args.positionals.length !== 1) throw new CliError(`expected one FILE, got ${args.positionals.length}\n${USAGE}`);
    const format = oneOf(args, 'format', ['text', 'json', 'markdown'] as const, 'text');
    const goals = goalsOf(args);
    const whatIf = whatIfOf(args);
    const trials = intOption(args, 'trials', 1, MAX_TRIALS);
    const loaded = loadTemplate(args.positionals[0]!, optionValue(args, 'parameters'));
    const problem = loaded.doc.model.parseErrors[0];
    if (problem !== undefined) {
      const at = loaded.doc.lines.positionAt(problem.span.offset);
      throw new CliError(`${loaded.path} does not parse: ${problem.message} (line ${at.line + 1})`);
    }
    const scaleSet = pickScaleSet(loaded.doc.model.scaleSets, optionValue(args, 'scale-set'), loaded.path);
    const result = ls.advisePolicy(scaleSet, goals, whatIf, trials === undefined ? {} : { trials });
    if (result.kind !== 'advice') throw new CliError(result.message);
    if (format === 'json') io.stdout(JSON.stringify(adviceContract(result), null, 2) + '\n');
    else {
      const effects = assumptionEffects(scaleSet, result, whatIf);
      io.stdout(format === 'markdown' ? renderAdviceMarkdown(result, effects) : renderAdviceText(result, effects));
    }
    return result.missedGoals.length > 0 ? 1 : 0;
  },
};

function goalsOf(args: ParsedArgs): AdvisorGoals {
  const duration = optionValue(args, 'max-duration');
  return {
    ...optional('maxHalt', numberOption(args, 'max-halt', 0, 1)),
    ...optional('maxBadImageTouched', intOption(args, 'max-bad-image', 0, MAX_SIMULATED_INSTANCES)),
    ...optional('minServing', intOption(args, 'min-serving', 0, MAX_SIMULATED_INSTANCES)),
    ...optional('maxDurationSeconds', duration === undefined ? undefined : durationSeconds(duration)),
  };
}

function durationSeconds(text: string): number {
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const parsed = parseIsoDuration(text.trim());
  if (!parsed.ok) throw new CliError(`--max-duration takes an ISO 8601 duration such as PT2H, or seconds (got '${text}')`);
  return parsed.seconds;
}

function whatIfOf(args: ParsedArgs): AdvisorWhatIf {
  const assumptions: Record<string, string> = {};
  for (const pair of args.options.get('assume') ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--assume takes NAME=VALUE (got '${pair}')`);
    assumptions[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return {
    ...optional('failureRate', numberOption(args, 'failure-rate', 0, 1)),
    ...optional('seed', intOption(args, 'seed', 0, Number.MAX_SAFE_INTEGER)),
    assumptions,
  };
}
