import { optionValue, oneOf, parseArgs, type ParsedArgs } from '../args';
import type { CliCommand } from '../commands';
import { CliError, type CliIo } from '../io';
import { loadTemplate, ls } from '../loadTemplate';
import { intOption, optional, parseInteger } from '../numberOptions';
import { pickScaleSet } from '../pickScaleSet';
import {
  approvalSeconds,
  buildReport,
  closedForm,
  MAX_SIMULATED_INSTANCES,
  DEFAULT_TARGET_VERSION,
  expected,
  inRange,
  mergeChunks,
  osUpgradeHistory,
  targetVersionProblem,
  WHAT_IF_LIMITS,
  whatIfProblem,
  renderText,
  rollingUpgradeStatus,
  sensitivity,
  simInputFromScaleSet,
  simulate,
  summarizeTrials,
  TrialRunner,
  type ApprovalKey,
  type SimInput,
  type TrialChunk,
  type WhatIf,
  type WhatIfNumber,
} from '../../core/sim';

const USAGE = `Usage: vmss-upgrade simulate FILE [options]

Simulates how an upgrade of a scale set in FILE unfolds: batches, duration, capacity left serving,
rollbacks and halts (with Azure's error codes), optionally over many seeded trials.
  --parameters FILE        parameter values, JSON or .bicepparam (default: <name>.parameters.json or,
                           for Bicep, <name>.bicepparam beside FILE)
  --scale-set NAME         which scale set (required when FILE has several)
  --trigger T              aos | manual-os | model (default: aos when automatic OS upgrade is on, else model)
  --capacity N             instance count, 1 to 1000 (default: the template's sku.capacity, else 10, flagged as assumed)
  --zones 1,2,3            zones (default: the template's)
  --unhealthy K            instances unhealthy before the upgrade, at most the capacity (which ones is drawn from the seed)
  --failure-rate P         probability that one upgraded instance fails its health check (0..1, default 0)
  --fail IDS               instances that always fail, e.g. 0,3 (ids below the capacity)
  --bad-image              every upgraded instance fails
  --flap P                 probability that a healthy instance looks unhealthy at a pre-batch gate (0..1)
  --upgrade-seconds N      time to reimage or create one instance (default 240)
  --healthy-seconds N      time from upgrade to healthy (default 60; over 300 counts as failed)
  --seed S                 random seed (default 1)
  --start TIME             ISO 8601 start time, stamps the Azure-shaped outputs
  --target-version V       the image version an OS upgrade goes to, for --format history (default ${DEFAULT_TARGET_VERSION},
                           made up: no template says which version comes next)
  --at SECONDS             with --format status: rollingUpgrades/latest as it reads that many seconds into the run
  --trials N               also run N Monte Carlo trials (at most 1000000)
  --assume NAME=VALUE      switch a documented assumption (repeatable; see docs/simulator.md)
  --approved-after W=TIME  what-if: wait W is approved TIME after its event (ISO 8601 like PT10M, or
                           seconds); W: UpgradeAutoOSScheduling | UpgradeAutoOSRollingBatchStarting |
                           deferral | osImageNotification (repeatable; default: nobody answers, each
                           wait runs its full time; deferral: approved at once)
  --ignore-blockers        simulate even when a finding says Azure rejects the template or the upgrade
                           cannot run (the run is then marked with what it ignored)
  --format F               text | json | status (rollingUpgrades/latest) | history (osUpgradeHistory, { "value": [ … ] })`;

const SENSITIVITY_TRIALS = 1000;
/** Trials are kept per trial (25 bytes each, twice while merging): a million is ≈ 50 MB and a few minutes at 1,000 instances. */
const MAX_TRIALS = 1_000_000;

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: "simulate a scale set's upgrade: batches, timeline, capacity, halts, Monte Carlo",
  usage: USAGE,
  run(argv, io) {
    const args = parseArgs(argv, {
      parameters: { value: true },
      'scale-set': { value: true },
      trigger: { value: true },
      capacity: { value: true },
      zones: { value: true },
      unhealthy: { value: true },
      'failure-rate': { value: true },
      fail: { value: true },
      'bad-image': {},
      flap: { value: true },
      'upgrade-seconds': { value: true },
      'healthy-seconds': { value: true },
      seed: { value: true },
      start: { value: true },
      'target-version': { value: true },
      at: { value: true },
      trials: { value: true },
      assume: { value: true, repeat: true },
      'approved-after': { value: true, repeat: true },
      format: { value: true },
      'ignore-blockers': {},
    });
    if (args.positionals.length !== 1) throw new CliError(`expected one FILE, got ${args.positionals.length}\n${USAGE}`);
    const format = oneOf(args, 'format', ['text', 'json', 'status', 'history'] as const, 'text');
    const at = intOption(args, 'at', 0, Number.MAX_SAFE_INTEGER, 'seconds');
    if (at !== undefined && format !== 'status')
      throw new CliError('--at goes with --format status (rollingUpgrades/latest at that moment)');
    const loaded = loadTemplate(args.positionals[0]!, optionValue(args, 'parameters'));
    const scaleSet = pickScaleSet(loaded.doc.model.scaleSets, optionValue(args, 'scale-set'), loaded.path);
    let mapped;
    try {
      mapped = simInputFromScaleSet(scaleSet, whatIf(args));
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
    checkAgainstFleet(mapped.input);
    const all = ls.simulationFindings(loaded.doc, { now: Date.now() }).get(scaleSet) ?? { blockedBy: [] };
    // --capacity replaces the template's count, so the template's capacity no longer blocks the upgrade.
    const found = args.options.has('capacity')
      ? { ...all, blockedBy: all.blockedBy.filter((b) => b.ruleId !== 'capacity-out-of-range') }
      : all;
    const input: SimInput = {
      ...mapped.input,
      ...(found.blockedBy.length > 0 ? { blockedBy: found.blockedBy } : {}),
      ...(found.firstBatchFails !== undefined ? { firstBatchFails: found.firstBatchFails } : {}),
      ...(args.options.has('ignore-blockers') ? { ignoreBlockers: true } : {}),
    };
    mapped = { ...mapped, input };
    const run = simulate(input);
    if (run.status === 'Blocked' && (format === 'status' || format === 'history'))
      throw new CliError(`no upgrade runs: ${run.message} (--ignore-blockers runs it anyway)`);
    if (run.errorCode === 'OperationNotAllowed' && (format === 'status' || format === 'history'))
      throw new CliError(`no upgrade runs: the osRollingUpgrade call is refused with OperationNotAllowed: ${run.message}`);
    if (format === 'status' || format === 'history') {
      const shape = format === 'status' ? rollingUpgradeStatus(run, input, at) : osUpgradeHistory(run, input);
      if (shape === null)
        throw new CliError(
          format === 'status'
            ? `no rolling upgrade runs for this scale set (${run.notes[0] ?? run.strategy})`
            : 'osUpgradeHistory lists OS image upgrades only: use --trigger aos or manual-os',
        );
      io.stdout(JSON.stringify(shape, null, 2) + '\n');
      return 0;
    }
    const trials = intOption(args, 'trials', 0, MAX_TRIALS) ?? 0;
    let mc;
    if (trials > 0 && run.status !== 'Blocked') {
      const summary = summarizeTrials(runWithProgress(new TrialRunner(input), trials, io));
      const sensitivityTrials = Math.min(trials, SENSITIVITY_TRIALS);
      mc = { ...summary, closedForm: closedForm(input), sensitivity: sensitivity(input, sensitivityTrials), sensitivityTrials };
    }
    const report = buildReport(mapped, run, mc);
    io.stdout(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderText(report, run));
    return 0;
  },
};

function whatIf(args: ParsedArgs): WhatIf {
  const trigger =
    optionValue(args, 'trigger') === undefined ? undefined : oneOf(args, 'trigger', ['aos', 'manual-os', 'model'] as const, 'model');
  const zones = optionValue(args, 'zones');
  const fail = optionValue(args, 'fail');
  const assumptions: Record<string, string> = {};
  for (const pair of args.options.get('assume') ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new CliError(`--assume takes NAME=VALUE (got '${pair}')`);
    assumptions[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  const start = optionValue(args, 'start');
  if (start !== undefined && Number.isNaN(Date.parse(start))) throw new CliError(`--start must be an ISO 8601 date-time (got '${start}')`);
  const rate = limitedOption(args, 'failure-rate', 'failureRate');
  const upgradeSeconds = limitedOption(args, 'upgrade-seconds', 'upgradeSeconds');
  const healthySeconds = limitedOption(args, 'healthy-seconds', 'healthySeconds');
  const capacity = limitedOption(args, 'capacity', 'capacity');
  const unhealthy = limitedOption(args, 'unhealthy', 'unhealthy');
  const failing = fail?.split(',').map((id) => parseInteger('fail', id.trim(), 0, MAX_SIMULATED_INSTANCES - 1));
  const target = optionValue(args, 'target-version');
  if (target !== undefined && targetVersionProblem(target))
    throw new CliError(`--target-version must be an image version such as 1.2.3 (got '${target}')`);
  return {
    ...(trigger ? { trigger } : {}),
    ...optional('capacity', capacity),
    ...(zones !== undefined
      ? {
          zones: zones
            .split(',')
            .map((z) => z.trim())
            .filter((z) => z.length > 0),
        }
      : {}),
    ...optional('unhealthy', unhealthy),
    ...optional('failureRate', rate),
    ...(failing !== undefined ? { failingInstances: failing } : {}),
    ...(args.options.has('bad-image') ? { badImage: true } : {}),
    ...optional('flapProbability', limitedOption(args, 'flap', 'flapProbability')),
    ...(upgradeSeconds !== undefined || healthySeconds !== undefined
      ? { timings: { ...optional('upgradeSeconds', upgradeSeconds), ...optional('healthySeconds', healthySeconds) } }
      : {}),
    ...optional('seed', limitedOption(args, 'seed', 'seed')),
    ...(start !== undefined ? { startTime: start } : {}),
    ...(target !== undefined ? { targetVersion: target } : {}),
    assumptions,
    ...approvedAfter(args),
  };
}

const APPROVAL_KEYS: readonly ApprovalKey[] = [
  'UpgradeAutoOSScheduling',
  'UpgradeAutoOSRollingBatchStarting',
  'deferral',
  'osImageNotification',
];

/** --approved-after W=TIME, repeatable: the what-if answers to the waits for approval. */
function approvedAfter(args: ParsedArgs): Pick<WhatIf, 'approvedAfter'> {
  const pairs = args.options.get('approved-after') ?? [];
  if (pairs.length === 0) return {};
  const out: Partial<Record<ApprovalKey, number>> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const name = eq > 0 ? pair.slice(0, eq).trim().toLowerCase() : '';
    const key = APPROVAL_KEYS.find((k) => k.toLowerCase() === name);
    if (!key) throw new CliError(`--approved-after takes W=TIME with W one of ${APPROVAL_KEYS.join(', ')} (got '${pair}')`);
    const text = pair.slice(eq + 1).trim();
    const seconds = approvalSeconds(text);
    if (seconds === undefined || seconds > MAX_APPROVAL_SECONDS)
      throw new CliError(
        `--approved-after ${key}: TIME must be an ISO 8601 duration such as PT10M or whole seconds, at most 30 days (got '${text}')`,
      );
    out[key] = seconds;
  }
  return { approvedAfter: out };
}

/** Longer than any documented wait (the hooks' unverified maxima are 2 days and 4 hours). */
const MAX_APPROVAL_SECONDS = 30 * 86_400;

/** What-if instances must exist in the fleet simulated: more unhealthy instances than instances, or an id past the last, is an error. */
function checkAgainstFleet(input: SimInput): void {
  const n = input.fleet.capacity;
  const unhealthy = input.fleet.unhealthy;
  const problem = typeof unhealthy === 'number' ? whatIfProblem('unhealthy', unhealthy, n) : undefined;
  if (problem) throw new CliError(`--unhealthy: ${problem}`);
  const outside = input.failures.failingInstances.filter((id) => id >= n);
  if (outside.length > 0)
    throw new CliError(`--fail ${outside.join(',')}: the scale set simulated has instances 0 to ${n - 1} only (capacity ${n})`);
}

/** A what-if number held to the engine's limits (WHAT_IF_LIMITS): the error says what it must be and why. */
function limitedOption(args: ParsedArgs, name: string, key: WhatIfNumber): number | undefined {
  const text = optionValue(args, name);
  if (text === undefined) return undefined;
  const limit = WHAT_IF_LIMITS[key];
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!inRange(limit, n)) throw new CliError(`--${name} must be ${expected(limit)} (got '${text}')${limit.why ? `: ${limit.why}` : ''}`);
  return n;
}

/** Runs trials in chunks; draws a progress bar on stderr when it is a terminal and the run is long. */
function runWithProgress(runner: TrialRunner, trials: number, io: CliIo): TrialChunk {
  const chunk = Math.max(100, Math.ceil(trials / 100));
  const show = io.stderrIsTTY && trials * Math.max(1, runner.prepared.fleet.size) >= 1_000_000;
  const chunks: TrialChunk[] = [];
  for (let from = 0; from < trials; from += chunk) {
    chunks.push(runner.run({ from, count: Math.min(chunk, trials - from) }));
    if (show) {
      const done = Math.min(trials, from + chunk);
      const filled = Math.round((30 * done) / trials);
      io.stderr(`\rsimulating [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round((100 * done) / trials)}% (${done}/${trials})`);
    }
  }
  if (show) io.stderr('\n');
  return mergeChunks(chunks);
}
