import { optionValue, oneOf, parseArgs } from '../args';
import type { CliCommand } from '../commands';
import { CliError } from '../io';
import { loadTemplate, ls } from '../loadTemplate';
import { GitShowError, readAtRevision } from '../../host/gitShow';
import { findParametersFile } from '../../host/parametersDiscovery';
import { moduleReader } from '../../host/readTextFile';
import type { TemplateDocument } from '../../core/languageService';
import {
  compareScaleSets,
  IMPACT_CLASSES,
  renderImpactMarkdown,
  renderImpactText,
  type ImpactClass,
  type ImpactReport,
} from '../../core/impact';

const USAGE = `Usage: vmss-upgrade diff BASE NEW [options]
       vmss-upgrade diff --rev REV FILE [options]

What deploying NEW over BASE does to each scale set's running instances: every changed setting with its
class (refused, newResource, deallocate, reimage, model, none, instances, platform), its effect under the
new upgrade mode, and the rollout of a model update (the simulator's plan and run).
BASE may be a template (JSON or Bicep) or \`az vmss show\` output of the live scale set.
  --rev REV                 compare FILE with its text at git revision REV (HEAD, a branch, a commit)
  --parameters FILE         parameter values of NEW (default: found beside it)
  --base-parameters FILE    parameter values of BASE (default: found beside it; with --rev, the same file at REV)
  --format F                text | json | markdown (a pull-request comment)
  --fail-on LIST            classes that exit 1, comma-separated: refused, newResource, reimage, model
                            (default: refused,newResource)`;

const FAIL_CLASSES: readonly ImpactClass[] = ['refused', 'newResource', 'reimage', 'model'];

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'change impact: what deploying a template edit does to the running instances',
  usage: USAGE,
  run(argv, io) {
    const args = parseArgs(argv, {
      rev: { value: true },
      parameters: { value: true },
      'base-parameters': { value: true },
      format: { value: true },
      'fail-on': { value: true },
    });
    const format = oneOf(args, 'format', ['text', 'json', 'markdown'] as const, 'text');
    const failOn = failClasses(optionValue(args, 'fail-on'));
    const rev = optionValue(args, 'rev');
    const expected = rev === undefined ? 2 : 1;
    if (args.positionals.length !== expected)
      throw new CliError(
        `expected ${rev === undefined ? 'BASE and NEW' : 'one FILE with --rev'}, got ${args.positionals.length} file(s)\n${USAGE}`,
      );

    const newPath = args.positionals[expected - 1]!;
    const after = loadTemplate(newPath, optionValue(args, 'parameters'));
    const before =
      rev === undefined
        ? loadTemplate(args.positionals[0]!, optionValue(args, 'base-parameters')).doc
        : loadAtRevision(newPath, rev, optionValue(args, 'base-parameters') ?? after.parametersPath);
    const baseName = rev === undefined ? args.positionals[0]! : `${newPath} at ${rev}`;
    checkReadable(before, baseName, true);
    checkReadable(after.doc, newPath, false);

    const report = compareScaleSets(before.model, after.doc.model);
    io.stdout(
      format === 'json'
        ? JSON.stringify(report, null, 2) + '\n'
        : format === 'markdown'
          ? renderImpactMarkdown(report)
          : renderImpactText(report),
    );
    return failing(report, failOn) ? 1 : 0;
  },
};

function failClasses(value: string | undefined): ReadonlySet<ImpactClass> {
  if (value === undefined) return new Set<ImpactClass>(['refused', 'newResource']);
  const out = new Set<ImpactClass>();
  for (const part of value.split(',').map((p) => p.trim())) {
    const found = IMPACT_CLASSES.find((c) => c.toLowerCase() === part.toLowerCase());
    if (!found || !FAIL_CLASSES.includes(found)) throw new CliError(`--fail-on takes ${FAIL_CLASSES.join(', ')} (got '${part}')`);
    out.add(found);
  }
  return out;
}

function failing(report: ImpactReport, failOn: ReadonlySet<ImpactClass>): boolean {
  return report.scaleSets.some((s) => s.changes.some((c) => failOn.has(c.class)));
}

/** The file's text at a git revision, parsed with its parameters (those at the revision when it has them). */
function loadAtRevision(path: string, rev: string, parametersPath: string | undefined): TemplateDocument {
  let text: string;
  try {
    text = readAtRevision(path, rev);
  } catch (error) {
    throw error instanceof GitShowError ? new CliError(error.message) : error;
  }
  let parametersText: string | undefined;
  const paramsPath = parametersPath ?? findParametersFile(path);
  if (paramsPath !== undefined) {
    try {
      parametersText = readAtRevision(paramsPath, rev);
    } catch {
      parametersText = undefined;
    }
  }
  return ls.createDocument(path, undefined, text, {
    ...(parametersText === undefined ? {} : { parametersText }),
    readFile: moduleReader(path),
    readUnrelated: true,
  });
}

/** A side that does not parse (a partial reading would report changes nobody made), or a base with no scale set, is an error (exit 2) rather than a report of nonsense. */
function checkReadable(doc: TemplateDocument, name: string, isBase: boolean): void {
  const problem = doc.model.parseErrors[0];
  if (problem !== undefined) {
    const at = doc.lines.positionAt(problem.span.offset);
    throw new CliError(`${name} does not parse: ${problem.message} (line ${at.line + 1})`);
  }
  if (isBase && doc.model.scaleSets.length === 0) throw new CliError(`no virtual machine scale set found in ${name}`);
}
