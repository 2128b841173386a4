import type { Node, ParseError } from 'jsonc-parser';
import { parseTree, printParseErrorCode } from 'jsonc-parser';
import { closestName } from '../catalog/closestName';
import { boundJsonDepth } from '../json/depthGuard';
import type { Span } from '../text/span';
import type { SeverityOverride } from './ruleTypes';
import { SEVERITY_OVERRIDES } from './ruleTypes';

/**
 * `.vmss-upgrade.json`: `{ "rules": { "<rule-id>": "off" | "hint" | "info" | "warning" | "error" } }`
 * (schema: schemas/vmss-upgrade.schema.json). Bad entries are reported as problems and skipped, never
 * thrown, so one typo does not turn all configuration off.
 */
export interface RuleConfig {
  readonly rules: Readonly<Record<string, SeverityOverride>>;
}

export interface ConfigProblem {
  readonly message: string;
  /** Where in the config text; undefined when the config came as an object (e.g. editor settings). */
  readonly span: Span | undefined;
}

export interface ParsedRuleConfig {
  readonly config: RuleConfig;
  readonly problems: readonly ConfigProblem[];
}

export const EMPTY_CONFIG: RuleConfig = { rules: {} };
const TOP_LEVEL_KEYS = ['$schema', 'rules'];

/** Reads config text (JSON with comments allowed). */
export function parseRuleConfigText(text: string, knownRuleIds: ReadonlySet<string>): ParsedRuleConfig {
  const errors: ParseError[] = [];
  const root = parseTree(boundJsonDepth(text).text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `The configuration is not valid JSON: ${printParseErrorCode(e.error)}.`,
    span: { offset: e.offset, length: e.length },
  }));
  if (!root)
    return {
      config: EMPTY_CONFIG,
      problems: problems.length ? problems : [{ message: 'The configuration is empty; expected an object.', span: undefined }],
    };
  const read = readConfigNode(root, knownRuleIds, true);
  return { config: read.config, problems: [...problems, ...read.problems] };
}

/** Reads a config that is already an object (editor settings, CLI options). */
export function parseRuleConfig(value: unknown, knownRuleIds: ReadonlySet<string>): ParsedRuleConfig {
  const root = parseTree(JSON.stringify(value ?? null) ?? 'null');
  if (!root) return { config: EMPTY_CONFIG, problems: [{ message: 'The configuration is not an object.', span: undefined }] };
  return readConfigNode(root, knownRuleIds, false);
}

function readConfigNode(root: Node, known: ReadonlySet<string>, withSpans: boolean): ParsedRuleConfig {
  const problems: ConfigProblem[] = [];
  const report = (message: string, node: Node) =>
    problems.push({ message, span: withSpans ? { offset: node.offset, length: node.length } : undefined });
  const rules: Record<string, SeverityOverride> = {};
  if (root.type !== 'object') {
    report(`The configuration must be an object like { "rules": { "unknown-property": "warning" } }, not ${describe(root)}.`, root);
    return { config: { rules }, problems };
  }
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    const name = String(key.value);
    if (!TOP_LEVEL_KEYS.includes(name)) {
      report(`Unknown setting "${name}"; the configuration has only "rules" (and "$schema"). It is ignored.`, key);
      continue;
    }
    if (name !== 'rules') continue;
    if (value.type !== 'object') {
      report(`"rules" must be an object mapping rule ids to a severity, not ${describe(value)}.`, value);
      continue;
    }
    for (const entry of value.children ?? []) readRuleEntry(entry, known, rules, report);
  }
  return { config: { rules }, problems };
}

function readRuleEntry(
  entry: Node,
  known: ReadonlySet<string>,
  rules: Record<string, SeverityOverride>,
  report: (message: string, node: Node) => void,
): void {
  const [key, value] = entry.children ?? [];
  if (!key || !value) return;
  const id = String(key.value);
  if (!known.has(id)) {
    const suggestion = closestName(id, [...known]);
    report(`Unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : '.'} The entry is ignored.`, key);
    return;
  }
  const allowed = SEVERITY_OVERRIDES.map((s) => `"${s}"`).join(', ');
  if (value.type !== 'string') {
    report(`The severity of "${id}" must be one of ${allowed}, not ${describe(value)}. The rule keeps its default.`, value);
    return;
  }
  const text = String(value.value);
  const match = SEVERITY_OVERRIDES.find((s) => s === text.toLowerCase());
  if (!match) {
    report(`"${text}" is not a severity; use one of ${allowed}. "${id}" keeps its default.`, value);
    return;
  }
  if (match !== text) report(`Write the severity in lower case: "${match}" (applied anyway).`, value);
  rules[id] = match;
}

function describe(node: Node): string {
  return node.type === 'string'
    ? `the string ${JSON.stringify(node.value)}`
    : node.type === 'null'
      ? 'null'
      : `${node.type === 'array' ? 'an' : 'a'} ${node.type}`;
}
