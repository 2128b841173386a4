import { readParametersFile } from '../arm/parametersFile';
import type { SuppliedParameter } from '../arm/templateScope';
import type { ParseProblem } from '../model/templateModel';
import { BicepScope } from './bicepScope';
import { parseBicep } from './parser';

export interface BicepParameters {
  /** By lower-case name, as the JSON parameters file gives them. */
  readonly values: ReadonlyMap<string, SuppliedParameter>;
  readonly errors: readonly ParseProblem[];
  /** The template a .bicepparam file is `using`, as written; undefined for JSON or when absent. */
  readonly using: string | undefined;
}

/** True when the text is a JSON parameters file rather than a .bicepparam file. */
export function isJsonParameters(text: string): boolean {
  const first = /[^\s\uFEFF]/.exec(text);
  return first?.[0] === '{';
}

/**
 * Reads parameter values for a Bicep template: a `.bicepparam` file (`using '…'` then `param x = …`,
 * whose values are expressions evaluated with the file's own `var`s), or a JSON parameters file.
 */
export function readBicepParameters(text: string): BicepParameters {
  if (isJsonParameters(text)) {
    const json = readParametersFile(text);
    return { values: json.values, errors: json.errors, using: undefined };
  }
  const file = parseBicep(text);
  // The .bicepparam file's own params are its assignments; evaluated in a scope that supplies nothing.
  const scope = new BicepScope(file, text, new Map());
  const values = new Map<string, SuppliedParameter>();
  let using: string | undefined;
  for (const statement of file.statements) {
    if (statement.kind === 'using') using = statement.path;
    if (statement.kind !== 'param' || !statement.defaultValue) continue;
    const result = scope.evaluate(statement.defaultValue);
    values.set(statement.name.toLowerCase(), { value: result.value, source: result.source === 'unknown' ? 'unknown' : 'parametersFile' });
  }
  return { values, errors: file.problems, using };
}
