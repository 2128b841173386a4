import type * as Crypto from 'node:crypto';
import { relative, sep } from 'node:path';
import type { PathSegment } from '../core/languageService';
import { findingMarkdown, RULES, ruleDocsUrl, type Finding, type Rule, type Severity } from '../core/rules';
import type { LineIndex } from '../core/text/lineIndex';
import type { Span } from '../core/text/span';
import type { LintedFile } from './lintRun';
import { ls } from './loadTemplate';
import { capParseErrors, omittedText } from './parseErrorCap';

/** SARIF 2.1.0 for GitHub code scanning: one run, the whole rule table, one result per finding. */

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub maps security-severity to high (≥ 7), medium (4–6.9) and low (< 4). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.0', warning: '4.0', info: '1.0', hint: '0.5' };

export function buildSarif(files: readonly LintedFile[], options: { version: string; cwd: string }): object {
  const rules = RULES.filter((r) => r.scope !== 'runner' || r.id === 'internal-rule-error');
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const notifications: object[] = [];
  const results = files.flatMap((file) => {
    const { lines } = file.doc;
    const errors = capParseErrors(file.doc.model.parseErrors);
    // JSON paths identify a finding in JSON; Bicep has no JSON tree, so its fingerprint uses the flagged line.
    const pathAt = ls.nodePaths(file.doc);
    const uri = toUri(relative(options.cwd, file.path) || file.path);
    if (errors.omitted > 0) {
      notifications.push({
        level: 'warning',
        message: { text: omittedText(errors.omitted) },
        locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } }],
      });
    }
    return [
      ...errors.listed.map((e) => ({
        ruleId: 'parse-error',
        level: 'error',
        message: { text: e.message },
        locations: [location(uri, e.span, lines)],
      })),
      ...file.findings.map((f) => ({
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        // text: the short message; markdown: the finding in full (explanation, Azure's error, assumption, links), escaped.
        message: { text: f.message, markdown: findingMarkdown(f) },
        locations: [location(uri, f.span, lines)],
        ...(f.related.length
          ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message }, ...location(uri, r.span, lines) })) }
          : {}),
        partialFingerprints: { 'vmssUpgrade/v1': fingerprint(uri, f, pathAt, file) },
      })),
    ];
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'vmss-upgrade',
            fullName: 'VMSS Upgrade Policy',
            version: options.version,
            semanticVersion: options.version,
            informationUri: 'https://github.com/vmss-upgrade-policy/vmss-upgrade-policy',
            rules: rules.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(notifications.length ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }] } : {}),
        results,
      },
    ],
  };
}

function ruleDescriptor(rule: Rule): object {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    helpUri: ruleDocsUrl(rule.id),
    help: {
      text: `${rule.description} Default severity: ${rule.defaultSeverity}. See ${ruleDocsUrl(rule.id)}`,
      markdown: `${rule.description}\n\nDefault severity: **${rule.defaultSeverity}**. [Rule documentation](${ruleDocsUrl(rule.id)})`,
    },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[rule.defaultSeverity],
      tags: ['azure', 'vmss', 'upgrade-policy'],
      precision: 'high',
    },
  };
}

function location(uri: string, span: Span, lines: LineIndex) {
  const range = lines.rangeOf(span);
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  };
}

/**
 * Stable across unrelated edits: the rule, the file, the scale set's name and the JSON path of the flagged
 * node inside that scale set (not its line, nor the resource's index), so adding a resource above does
 * not turn an old finding into a new alert.
 */
function fingerprint(
  uri: string,
  finding: Finding,
  pathAt: (offset: number) => readonly PathSegment[] | undefined,
  file: LintedFile,
): string {
  const found = pathAt(finding.span.offset);
  let path: readonly PathSegment[] = found ?? [];
  const owner = file.doc.model.scaleSets.find(
    (s) => finding.span.offset >= s.span.offset && finding.span.offset <= s.span.offset + s.span.length,
  );
  if (owner && path.length >= owner.path.length && owner.path.every((part, i) => path[i] === part)) path = path.slice(owner.path.length);
  const where = found ? path.join('/') : `line:${lineText(file.doc.text, finding.span.offset)}`;
  // Required here, not imported: only SARIF output hashes, and loading crypto took 1.5 ms of every CLI start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof Crypto;
  return createHash('sha256')
    .update([finding.ruleId, uri, finding.scaleSet ?? '', where].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/** The flagged line without its indentation: stable when lines are added or removed elsewhere. */
function lineText(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end).trim();
}

function toUri(path: string): string {
  return path.split(sep).map(encodeURIComponent).join('/');
}
