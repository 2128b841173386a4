// Shared helpers for rule tests: real template text in, findings and fixed text out, always through
// analyzeTemplate and runRules, never hand-built models.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseError } from 'jsonc-parser';
import { parseTree } from 'jsonc-parser';
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { getRule, runRules, type Finding, type Fix, type RuleConfig } from '../../../../server/src/core/rules';
import { applyNeutralEdits } from '../../../../server/src/core/frontEnds/json/jsonWriter';

/** Re-indents multi-line JSON text to its place: continuation lines get `by` in front. */
export function indent(text: string, by: string): string {
  return text
    .trim()
    .split('\n')
    .map((line, i) => (i === 0 ? line : by + line))
    .join('\n');
}

/** What a rule test's template is made of: one scale set (and neighbours), as JSON text. */
export interface TemplateSpec {
  /** The line comment under the opening brace. */
  readonly comment: string;
  /** The body of the template's "parameters" object. */
  readonly parameters?: string;
  readonly apiVersion?: string;
  /** Lines of the scale-set resource after "location" (each with its comma). */
  readonly resourceLines?: readonly string[];
  /** sku.capacity as JSON text, and the block comment after the sku. */
  readonly capacity?: string;
  readonly skuComment: string;
  /** The members of the resource's "properties", as JSON text (continuation lines re-indented). */
  readonly properties: readonly string[];
  /** Other resources (load balancers, clusters), as JSON text. */
  readonly otherResources?: readonly string[];
}

/**
 * The one template builder of the rule tests: a commented, 2-space-indented template around one
 * scale set. The presets (vmssTemplate here, scaleSetTemplate in aosHarness.ts and healthFixtures.ts)
 * only choose what goes in.
 */
export function buildTemplate(spec: TemplateSpec): string {
  const others = (spec.otherResources ?? []).map((r) => `,\n    ${indent(r, '    ')}`).join('');
  return [
    '{',
    `  // ${spec.comment}`,
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "contentVersion": "1.0.0.0",',
    `  "parameters": {${spec.parameters ? `\n    ${indent(spec.parameters, '    ')}\n  ` : ''}},`,
    '  "resources": [',
    '    {',
    '      "type": "Microsoft.Compute/virtualMachineScaleSets",',
    `      "apiVersion": "${spec.apiVersion ?? '2024-11-01'}",`,
    '      "name": "vmss1",',
    '      "location": "westeurope",',
    ...(spec.resourceLines ?? []).map((l) => `      ${l.trim()}`),
    `      "sku": { "name": "Standard_D2s_v3", "capacity": ${spec.capacity ?? '10'} }, /* ${spec.skuComment} */`,
    '      "properties": {',
    `        ${spec.properties.map((p) => indent(p, '        ')).join(',\n        ')}`,
    '      }',
    `    }${others}`,
    '  ]',
    '}',
    '',
  ].join('\n');
}

export interface TemplateOptions {
  readonly apiVersion?: string;
  /** The body of the template's "parameters" object. */
  readonly parameters?: string;
}

/**
 * A scale-set template with comments, 2-space indentation and `upgradePolicy` set to the given JSON
 * text (re-indented to its place).
 */
export function vmssTemplate(upgradePolicy: string, options: TemplateOptions = {}): string {
  return buildTemplate({
    comment: 'A scale set for rule tests.',
    ...options,
    skuComment: 'ten instances',
    properties: ['"overprovision": false', `"upgradePolicy": ${upgradePolicy.trim()}`],
  });
}

/**
 * `RECORD_RULE_TEMPLATES=<folder>`: every template the rule tests lint is also written there, one JSON file
 * each, for the message snapshot's corpus (scripts/collect-rule-templates.mjs; see messages.snapshot.test.ts).
 */
function record(entry: { text: string; config?: RuleConfig; parametersText?: string; now?: string | number }): void {
  const folder = process.env.RECORD_RULE_TEMPLATES;
  if (!folder) return;
  const json = JSON.stringify(entry);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`), json);
}

/** Every rule's findings on a template (analysed as the CLI and the server do), with a clock when given. */
export function lint(text: string, config?: RuleConfig, parametersText?: string, now?: string | number): Finding[] {
  record({
    text,
    ...(config ? { config } : {}),
    ...(parametersText === undefined ? {} : { parametersText }),
    ...(now === undefined ? {} : { now }),
  });
  return runRules(analyzeTemplate(text, parametersText === undefined ? {} : { parametersText }), text, {
    ...(config ? { config } : {}),
    ...(now === undefined ? {} : { now }),
  });
}

export function findingsOf(text: string, ruleId: string, parametersText?: string): Finding[] {
  assert.ok(getRule(ruleId), `no rule ${ruleId}`);
  return lint(text, undefined, parametersText).filter((f) => f.ruleId === ruleId);
}

export function textAt(text: string, finding: Finding): string {
  return text.slice(finding.span.offset, finding.span.offset + finding.span.length);
}

export function parseErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  return errors;
}

/** Applies a fix and checks the result is JSON(C) that parses without errors. */
export function applyFix(text: string, fix: Fix): string {
  const fixed = applyNeutralEdits(text, fix.edits);
  assert.ok(fixed !== undefined, `fix "${fix.title}" could not be written`);
  assert.deepEqual(parseErrors(fixed), [], `fix "${fix.title}" produced invalid JSON:\n${fixed}`);
  return fixed;
}

/**
 * Applies the first fix of the only finding of `ruleId`, then checks: the result parses, every comment
 * survives, and re-analysing no longer reports the rule. Returns the fixed text.
 */
export function fixAndRecheck(text: string, ruleId: string, fixTitle?: RegExp): string {
  const findings = findingsOf(text, ruleId);
  assert.equal(findings.length, 1, `expected one ${ruleId} finding, got ${findings.map((f) => f.message).join(' | ')}`);
  const fix = fixTitle ? findings[0]!.fixes.find((f) => fixTitle.test(f.title)) : findings[0]!.fixes[0];
  assert.ok(fix, `no fix offered for ${ruleId}`);
  const fixed = applyFix(text, fix);
  for (const comment of text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? []) assert.ok(fixed.includes(comment), `comment lost: ${comment}`);
  assert.deepEqual(findingsOf(fixed, ruleId), [], `${ruleId} still reported after "${fix.title}":\n${fixed}`);
  return fixed;
}

/** What a user can read about a finding: its message and the details the hover shows (explanation, Azure's text, assumption). */
export function fullText(finding: Finding): string {
  const d = finding.details;
  return [finding.message, d?.explanation, d?.azureError && `Azure's error: "${d.azureError}"`, d?.assumption]
    .filter((t) => t !== undefined && t !== '')
    .join(' ');
}
