import type { Format } from './corpus';
import type { Rng } from './rng';
import { enclosingObjectStart, inFormat, keyedValues, matchingBracket, stringLiteral, type ValueSpan } from './spans';
import { offsetIn, type Mutator } from './textMutators';

/**
 * Mutations aimed at what the engine computes with: nesting depth, the size of strings and numbers
 * (scale-set capacity above all), cycles and depth in expressions, markup in text that hovers quote,
 * and upgrade policies the rules and quick fixes act on.
 */

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** A keyed value, preferring those whose key matches `prefer` (half of the time, when there are any). */
function pickValue(text: string, format: Format, rng: Rng, prefer?: RegExp): ValueSpan | undefined {
  const values = keyedValues(text, format);
  if (values.length === 0) return undefined;
  const preferred = prefer ? values.filter((v) => prefer.test(v.key)) : [];
  return preferred.length > 0 && rng.chance(0.6) ? rng.pick(preferred) : rng.pick(values);
}

/** Up to 100,000 levels of arrays, objects or parentheses, balanced or not, at a value or anywhere. */
const deepNesting: Mutator = (text, rng, ctx) => {
  const depth = rng.weighted([
    [6, rng.logInt(10, 3_000)],
    [3, rng.logInt(3_000, 30_000)],
    [1, rng.logInt(30_000, 100_000)],
  ]);
  const json = ctx.format === 'json';
  const shapes: readonly (readonly [string, string, string])[] = json
    ? [
        ['[', ']', '1'],
        ['{"a":', '}', '1'],
        ['[{"x":', '}]', '[]'],
        ['[', ']', ''],
      ]
    : [
        ['[', ']', '1'],
        ['{\na: ', '\n}', '1'],
        ['(', ')', '1'],
        ['[\n', '\n]', "'x'"],
      ];
  const [open, close, inner] = rng.pick(shapes);
  const balanced = rng.chance(0.8);
  const payload = open.repeat(depth) + inner + (balanced ? close.repeat(depth) : '');
  const target = pickValue(text, ctx.format, rng);
  if (target && rng.chance(0.7)) return splice(text, target.start, target.end, payload);
  const at = offsetIn(text, rng);
  return splice(text, at, at, payload);
};

/** A string value replaced by a long one: plain, all escapes, or many lines. */
const hugeString: Mutator = (text, rng, ctx) => {
  const target = pickValue(text, ctx.format, rng, /name|mode|pause|value|defaultValue|description|image|sku/i);
  if (!target) return text;
  const n = rng.logInt(1_000, 3_000_000);
  const unit = rng.pick(['A', 'ab', '\\n', '\\u0041', '`', ' ', 'é', '\u{1F600}', '<b>', '[', "'"]);
  const body = unit.repeat(Math.ceil(n / unit.length));
  const quote = ctx.format === 'json' ? '"' : "'";
  return splice(
    text,
    target.start,
    target.end,
    quote + (ctx.format === 'json' ? body.replace(/"/g, '\\"') : body.replace(/'/g, "\\'")) + quote,
  );
};

const NUMBERS = [
  '1e308',
  '-1e308',
  '1.7976931348623157e309',
  '9007199254740992',
  '9007199254740993',
  '2147483648',
  '4294967296',
  '1000000000',
  '100000',
  '1001',
  '1000',
  '101',
  '-1',
  '-0',
  '0',
  '1.5',
  '0.5',
  '1e-320',
  '5e-324',
  '123456789012345678901234567890',
  '1'.repeat(400),
  '0x10',
  'NaN',
  '-Infinity',
  '1e',
  '01',
  '+1',
  '1_000',
  '"2147483648"',
  '"1e308"',
];

/** Numbers at the edges: capacity, percentages and counts set to 1e308, 2^53, -1, 1.5, 2^31 and broken literals. */
const hugeNumber: Mutator = (text, rng, ctx) => {
  const target = pickValue(text, ctx.format, rng, /capacity|percent|count|instances|maxSurge|defaultValue|value|minValue|maxValue/i);
  if (!target) return text;
  let value = rng.pick(NUMBERS);
  if (ctx.format === 'bicep') value = value.replace(/^"(.*)"$/, "'$1'");
  return splice(text, target.start, target.end, value);
};

/** Variables that refer to each other in a cycle (or a very long chain), referenced from values the engine evaluates. */
const cyclicVariables: Mutator = (text, rng, ctx) => {
  const length = rng.weighted([
    [6, rng.int(1, 5)],
    [3, rng.logInt(5, 200)],
    [1, rng.logInt(200, 5_000)],
  ]);
  const cyclic = rng.chance(0.7);
  const prefix = `fz${rng.int(0, 999)}`;
  const name = (i: number) => `${prefix}v${i}`;
  const next = (i: number) => (i + 1 < length ? name(i + 1) : cyclic ? name(0) : undefined);
  const target = pickValue(text, ctx.format, rng, /capacity|mode|percent|pause|enable|name|count/i);
  if (ctx.format === 'json') {
    const entries = Array.from({ length }, (_, i) => {
      const n = next(i);
      return `${JSON.stringify(name(i))}: ${n ? JSON.stringify(`[variables('${n}')]`) : rng.pick(['3', '"Rolling"', `"[add(1, 2)]"`])}`;
    }).join(',\n    ');
    let out = text;
    if (target) out = splice(out, target.start, target.end, JSON.stringify(`[variables('${name(rng.int(0, length - 1))}')]`));
    const section = /"variables"\s*:\s*\{/.exec(out);
    if (section) return splice(out, section.index + section[0].length, section.index + section[0].length, `\n    ${entries},`);
    const root = out.indexOf('{');
    return root === -1 ? out : splice(out, root + 1, root + 1, `\n  "variables": {\n    ${entries}\n  },`);
  }
  const decls = Array.from({ length }, (_, i) => `var ${name(i)} = ${next(i) ?? rng.pick(['3', "'Rolling'", 'length([1, 2])'])}`).join(
    '\n',
  );
  let out = text;
  if (target) out = splice(out, target.start, target.end, name(rng.int(0, length - 1)));
  return rng.chance(0.5) ? `${decls}\n${out}` : `${out}\n${decls}\n`;
};

/** Expressions nested thousands deep: function calls, arithmetic, parentheses, member and index chains, ternaries. */
const deepExpression: Mutator = (text, rng, ctx) => {
  const depth = rng.weighted([
    [6, rng.logInt(5, 500)],
    [3, rng.logInt(500, 5_000)],
    [1, rng.logInt(5_000, 50_000)],
  ]);
  const json = ctx.format === 'json';
  const shapes: (() => string)[] = json
    ? [
        () => `concat(`.repeat(depth) + `'a'` + `)`.repeat(depth),
        () => `add(1, `.repeat(depth) + `1` + `)`.repeat(depth),
        () => `if(true, `.repeat(depth) + `3` + `, 1)`.repeat(depth),
        () => `parameters('p')` + `.a`.repeat(depth),
        () => `variables('x')` + `[0]`.repeat(depth),
        () => `(`.repeat(depth) + `1` + `)`.repeat(depth),
        () => `concat(`.repeat(depth),
      ]
    : [
        () => `concat(`.repeat(depth) + `'a'` + `)`.repeat(depth),
        () => `(`.repeat(depth) + `1` + `)`.repeat(depth),
        () => Array.from({ length: depth }, () => '1').join(' + '),
        () => `true ? (`.repeat(depth) + `3` + `) : 1`.repeat(depth),
        () => `x` + `.a`.repeat(depth),
        () => `x` + `[0]`.repeat(depth),
        () => `'\${`.repeat(Math.min(depth, 2_000)) + `1` + `}'`.repeat(Math.min(depth, 2_000)),
      ];
  const body = rng.pick(shapes)();
  const value = json ? JSON.stringify(`[${body}]`) : body;
  const target = pickValue(text, ctx.format, rng, /capacity|mode|percent|pause|enable|count|name/i);
  if (!target) return text;
  return splice(text, target.start, target.end, value);
};

/** What a renderer would make live if hovers quoted it raw. */
export const MARKUP_PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '`<img src=x onerror=alert(1)>`',
  '``',
  '` ` `',
  '[run](command:workbench.action.terminal.new)',
  '![x](https://evil.example/x.png)',
  '$(alert) $(sync~spin)',
  '```\n<script>alert(1)</script>\n```',
  'javascript:alert(1)',
  '<!-- x -->',
  '**bold** _i_ ~~s~~',
  '\\`',
  '| a | b |\n|---|---|',
  '<a href="command:x">y</a>',
  'https://evil.example/',
  '[x]: command:evil',
  '&lt;b&gt;',
  '\u202e<b>',
];

/** A string value (name, mode, expression, default, description) replaced by a markup payload, or one appended to it. */
const markupPayload: Mutator = (text, rng, ctx) => {
  const target = pickValue(text, ctx.format, rng, /name|mode|pause|defaultValue|value|description|capacity|percent|type/i);
  if (!target) return text;
  const payload = rng.pick(MARKUP_PAYLOADS);
  const content = rng.chance(0.3) && ctx.format === 'json' ? `[concat('${payload.replace(/'/g, "''")}')]` : payload;
  return splice(text, target.start, target.end, stringLiteral(content, ctx.format));
};

const POLICY_KEYS = [
  'mode',
  'Mode',
  'rollingUpgradePolicy',
  'RollingUpgradePolicy',
  'automaticOSUpgradePolicy',
  'automaticOSUpgrade',
  'autoOSUpgradePolicy',
  'maxBatchInstancePercent',
  'BatchInstancePercent',
  'MaxSurge',
  'maxSurge',
  'pauseTimeBetweenBatches',
  'maxUnhealthyInstancePercent',
  'maxUnhealthyUpgradedInstancePercent',
  'enableAutomaticOSUpgrade',
  'disableAutoRollback',
  'disableAutomaticRollback',
  'useRollingUpgradePolicy',
  'prioritizeUnhealthyInstances',
  'rollbackFailedInstancesOnPolicyBreach',
  'enableCrossZoneUpgrade',
  'osRollingUpgradeDeferral',
  'colour',
  'upgradePolicy',
];
const POLICY_VALUES = [
  '20',
  '150',
  '-1',
  '2.5',
  '0',
  '100',
  '"20"',
  '"true"',
  'true',
  'false',
  'null',
  '"abc"',
  '"Rolling"',
  '"rolling"',
  '"Automatic"',
  '"Manual"',
  '"Rollng"',
  '"PT5M"',
  '"PT0S"',
  '"P1D"',
  '"00:05:00"',
  '"PT"',
  '[1, 2]',
  '{}',
  `"[parameters('p')]"`,
  `"[variables('v')]"`,
  `"[reference('x').y]"`,
];

function randomPolicy(rng: Rng, depth: number): string {
  const members = Array.from({ length: rng.int(0, 5) }, () => {
    const key = rng.pick(POLICY_KEYS);
    const value = depth < 2 && rng.chance(0.3) ? randomPolicy(rng, depth + 1) : rng.pick(POLICY_VALUES);
    return `${JSON.stringify(key)}: ${value}`;
  });
  const pad = '  '.repeat(depth + 4);
  return members.length === 0 ? '{}' : `{\n${pad}${members.join(`,\n${pad}`)}\n${'  '.repeat(depth + 3)}}`;
}

/** An upgrade policy of random keys and values (valid, misspelt, out of range, misplaced) put where one is or could be. */
const policyGraft: Mutator = (text, rng, ctx) => {
  const policy = inFormat(randomPolicy(rng, 0), ctx.format);
  const existing = keyedValues(text, ctx.format).filter((v) =>
    /^(upgradePolicy|rollingUpgradePolicy|automaticOSUpgradePolicy)$/i.test(v.key),
  );
  if (existing.length > 0 && rng.chance(0.7)) {
    const target = rng.pick(existing);
    return splice(text, target.start, target.end, policy);
  }
  const objects = keyedValues(text, ctx.format).filter((v) => /^(properties|virtualMachineProfile)$/.test(v.key) && text[v.start] === '{');
  if (objects.length === 0) return text;
  const at = rng.pick(objects).start + 1;
  return ctx.format === 'json'
    ? splice(text, at, at, `\n  "upgradePolicy": ${policy},`)
    : splice(text, at, at, `\n  upgradePolicy: ${policy}\n`);
};

/** A policy-relevant value swapped for another: what users get wrong and the rules look for. */
const valueSwap: Mutator = (text, rng, ctx) => {
  const target = pickValue(
    text,
    ctx.format,
    rng,
    /^(mode|apiVersion|capacity|maxBatchInstancePercent|maxUnhealthy\w*|pauseTimeBetweenBatches|enableAutomaticOSUpgrade|maxSurge|type|publisher|offer|sku|name|singlePlacementGroup|orchestrationMode|zones|platformFaultDomainCount|durabilityLevel)$/i,
  );
  if (!target) return text;
  const pool = [
    ...POLICY_VALUES,
    '"2017-03-30"',
    '"2018-10-01"',
    '"2020-12-01"',
    '"2024-11-01"',
    '"Flexible"',
    '"Uniform"',
    '"Microsoft.Compute/virtualMachineScaleSets"',
    '["1", "2", "3"]',
    '"Bronze"',
    '"Silver"',
  ];
  return splice(text, target.start, target.end, inFormat(rng.pick(pool), ctx.format));
};

/** Property names re-cased or misspelt (rules suggest the right one; fixes rename). */
const keyCase: Mutator = (text, rng, ctx) => {
  const values = keyedValues(text, ctx.format).filter((v) => /policy|mode|percent|batch|upgrade|capacity|sku|extension/i.test(v.key));
  if (values.length === 0) return text;
  const target = rng.pick(values);
  const keyStart = text.lastIndexOf(target.key, target.start);
  if (keyStart === -1) return text;
  const key = target.key;
  const changed = rng.pick([
    key.toUpperCase(),
    key[0]!.toUpperCase() + key.slice(1),
    key.slice(0, -1),
    `${key}s`,
    key.replace(/[aeiou]/, ''),
  ]);
  return splice(text, keyStart, keyStart + key.length, changed);
};

/** A scale-set resource copied many times: large documents with many scale sets. */
/**
 * What the copies of manyScaleSets may add up to. Azure deploys templates up to 4 MB, the generator stops
 * mutating past 4 MB, and an editor hands an extension files up to 50 MB; unbounded, 1,500 copies of a
 * scale set another mutation had nested 100,000 deep made an 82 MB template (seed 20261204, case 1518),
 * whose first request took more than 2 s for its size alone.
 */
export const MAX_COPIES_LENGTH = 8_000_000;

const manyScaleSets: Mutator = (text, rng, ctx) => {
  const marker = ctx.format === 'json' ? /"Microsoft\.Compute\/virtualMachineScaleSets"/i : /Microsoft\.Compute\/virtualMachineScaleSets@/i;
  const m = marker.exec(text);
  if (!m) return text;
  const start = ctx.format === 'json' ? enclosingObjectStart(text, m.index) : text.lastIndexOf('\n', m.index) + 1;
  if (start === -1) return text;
  const open = ctx.format === 'json' ? start : text.indexOf('{', m.index);
  if (open === -1) return text;
  const end = matchingBracket(text, open, ctx.format);
  const copy = text.slice(start, end);
  // Drawn first, then bounded, so that every case within the bound stays what it was.
  const copies = Math.min(rng.logInt(2, 1_500), Math.max(1, Math.floor(MAX_COPIES_LENGTH / Math.max(1, copy.length))));
  const joined = Array.from({ length: copies }, (_, i) =>
    ctx.format === 'json' ? copy : copy.replace(/^resource\s+(\w+)/, `resource $1${i}`),
  ).join(ctx.format === 'json' ? ',\n' : '\n');
  return splice(text, end, end, (ctx.format === 'json' ? ',\n' : '\n') + joined);
};

export const PAYLOAD_MUTATORS: Readonly<Record<string, Mutator>> = {
  deepNesting,
  hugeString,
  hugeNumber,
  cyclicVariables,
  deepExpression,
  markupPayload,
  policyGraft,
  valueSwap,
  keyCase,
  manyScaleSets,
};
