import type { Node } from 'jsonc-parser';
import { Unknown, type EvalValue } from '../expressions/values';
import { nodeProperties, propertyValue } from '../json/nodes';
import { parseJson } from '../json/parseJson';
import type { ParseProblem } from '../model/templateModel';
import type { SuppliedParameter } from './templateScope';

export interface ParametersFile {
  readonly values: ReadonlyMap<string, SuppliedParameter>;
  readonly errors: readonly ParseProblem[];
}

/**
 * Reads a deployment parameters file ({ "parameters": { "x": { "value": … } } }). Values are literal:
 * ARM does not evaluate expressions in parameter files. Key Vault references are unknown to us.
 */
export function readParametersFile(text: string): ParametersFile {
  const parsed = parseJson(text);
  const values = new Map<string, SuppliedParameter>();
  const container = propertyValue(parsed.root, 'parameters') ?? parsed.root;
  for (const prop of nodeProperties(container)) {
    if (prop.name.startsWith('$') || !prop.value) continue;
    const valueNode = propertyValue(prop.value, 'value');
    if (valueNode) {
      values.set(prop.name.toLowerCase(), { value: literalValue(valueNode), source: 'parametersFile' });
    } else if (propertyValue(prop.value, 'reference')) {
      values.set(prop.name.toLowerCase(), {
        value: new Unknown(`parameters('${prop.name}')`, `parameter '${prop.name}' comes from a Key Vault reference`),
        source: 'unknown',
      });
    }
  }
  return { values, errors: parsed.errors };
}

export function literalValue(node: Node, depth = 0): EvalValue {
  if (depth > 100) return new Unknown('', 'nested too deeply to analyse');
  switch (node.type) {
    case 'array':
      return (node.children ?? []).map((child) => literalValue(child, depth + 1));
    case 'object': {
      const out: { [key: string]: EvalValue } = {};
      for (const prop of nodeProperties(node)) if (prop.value) out[prop.name] = literalValue(prop.value, depth + 1);
      return out;
    }
    default:
      return (node.value ?? null) as EvalValue;
  }
}
