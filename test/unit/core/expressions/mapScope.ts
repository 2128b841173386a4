// A scope backed by plain maps, as the template model would provide, with lookups case-insensitive.
import type { EvalScope, ScopeEntry } from '../../../../server/src/core/expressions/scope';
import type { EvalValue, ValueSource } from '../../../../server/src/core/expressions/values';
import type { EvalLimits, EvalResult } from '../../../../server/src/core/expressions/scope';
import { evaluateTemplateString } from '../../../../server/src/core/expressions/evaluate';

export interface MapScopeInit {
  parameters?: Record<string, EvalValue>;
  variables?: Record<string, EvalValue>;
  /** Source of parameters (variables always have 'variable'). */
  parameterSource?: ValueSource;
}

export interface RecordingScope extends EvalScope {
  /** Names looked up, in order, as "parameters:x" / "variables:y". */
  readonly reads: string[];
}

function lowerKeys(record: Record<string, EvalValue> | undefined): Map<string, EvalValue> {
  return new Map(Object.entries(record ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

export function mapScope(init: MapScopeInit = {}): RecordingScope {
  const parameters = lowerKeys(init.parameters);
  const variables = lowerKeys(init.variables);
  const reads: string[] = [];
  const entry = (map: Map<string, EvalValue>, name: string, source: ValueSource): ScopeEntry | undefined => {
    const value = map.get(name.toLowerCase());
    return value === undefined ? undefined : { value, source };
  };
  return {
    reads,
    parameter(name) {
      reads.push(`parameters:${name}`);
      return entry(parameters, name, init.parameterSource ?? 'parametersFile');
    },
    variable(name) {
      reads.push(`variables:${name}`);
      return entry(variables, name, 'variable');
    },
  };
}

/** Evaluates `text` and returns the value only. */
export function ev(text: string, scope: EvalScope = mapScope(), limits?: EvalLimits): EvalValue {
  return evaluateTemplateString(text, scope, limits).value;
}

export function evr(text: string, scope: EvalScope = mapScope(), limits?: EvalLimits): EvalResult {
  return evaluateTemplateString(text, scope, limits);
}
