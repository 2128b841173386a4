import type { Node } from 'jsonc-parser';
import type { EvalScope, ScopeEntry } from '../expressions/scope';
import { Unknown, type EvalValue } from '../expressions/values';
import { nodeProperties, propertyValue } from '../json/nodes';
import { ExpressionParses } from '../expressions/evaluate';
import { Resolver } from './resolver';

/** A value handed to a parameter from outside the template: a parameters file or a nested deployment. */
export interface SuppliedParameter {
  readonly value: EvalValue;
  readonly source: 'parametersFile' | ScopeEntry['source'];
}

/** Parameters and variables evaluated inside one another, at most (real templates chain a handful). */
export const MAX_REFERENCE_DEPTH = 64;

export function referenceTooDeep(): string {
  return `parameters and variables refer to one another more than ${MAX_REFERENCE_DEPTH} levels deep`;
}

/**
 * The names one template's expressions can see: its parameters (supplied value, else defaultValue,
 * else unknown) and its variables, each evaluated once, on first use. A variable or parameter default
 * that refers back to itself ends in an unknown naming the cycle, never in a stack overflow.
 */
export class TemplateScope implements EvalScope {
  private readonly parameterNodes = new Map<string, { name: string; node: Node }>();
  private readonly variableNodes = new Map<string, { name: string; node: Node | undefined }>();
  private readonly parameterCache = new Map<string, ScopeEntry>();
  private readonly variableCache = new Map<string, ScopeEntry>();
  private readonly inProgress = new Set<string>();
  readonly resolver: Resolver;

  constructor(
    template: Node | undefined,
    private readonly supplied: ReadonlyMap<string, SuppliedParameter>,
    /** The analysis's parsed expressions: a nested template's scope shares its parent's. */
    readonly parses: ExpressionParses = new ExpressionParses(),
  ) {
    // Evaluations may be reused only outside parameter and variable computations (see Resolver).
    this.resolver = new Resolver(this, () => this.inProgress.size === 0, parses);
    for (const prop of nodeProperties(propertyValue(template, 'parameters'))) {
      if (prop.value) this.parameterNodes.set(prop.name.toLowerCase(), { name: prop.name, node: prop.value });
    }
    for (const prop of nodeProperties(propertyValue(template, 'variables'))) {
      if (prop.name.toLowerCase() === 'copy') {
        // Variable copy loops: the names they declare are computed per index; leave them unknown.
        for (const loop of prop.value?.children ?? []) {
          const loopName = propertyValue(loop, 'name');
          if (typeof loopName?.value === 'string')
            this.variableNodes.set(loopName.value.toLowerCase(), { name: loopName.value, node: undefined });
        }
        continue;
      }
      this.variableNodes.set(prop.name.toLowerCase(), { name: prop.name, node: prop.value });
    }
  }

  /** Names of the parameters the template declares, as written. */
  parameterNames(): string[] {
    return [...this.parameterNodes.values()].map((p) => p.name);
  }

  parameterNode(name: string): Node | undefined {
    return this.parameterNodes.get(name.toLowerCase())?.node;
  }

  parameter(name: string): ScopeEntry | undefined {
    const key = name.toLowerCase();
    const cached = this.parameterCache.get(key);
    if (cached) return cached;
    const supplied = this.supplied.get(key);
    const declared = this.parameterNodes.get(key);
    let entry: ScopeEntry;
    if (supplied) {
      entry = { value: supplied.value, source: supplied.source };
    } else if (!declared) {
      return undefined;
    } else {
      const defaultNode = propertyValue(declared.node, 'defaultValue');
      entry = defaultNode
        ? this.guarded(`p:${key}`, `parameters('${declared.name}')`, () => {
            const result = this.resolver.toEvalValue(defaultNode);
            return { value: result.value, source: result.source === 'unknown' ? 'unknown' : 'default' };
          })
        : {
            value: new Unknown(`[parameters('${declared.name}')]`, `parameter '${declared.name}' has no default and no value was supplied`),
            source: 'unknown',
          };
    }
    this.parameterCache.set(key, entry);
    return entry;
  }

  variable(name: string): ScopeEntry | undefined {
    const key = name.toLowerCase();
    const cached = this.variableCache.get(key);
    if (cached) return cached;
    const declared = this.variableNodes.get(key);
    if (!declared) return undefined;
    const node = declared.node;
    const entry: ScopeEntry = node
      ? this.guarded(`v:${key}`, `variables('${declared.name}')`, () => {
          const result = this.resolver.toEvalValue(node);
          return { value: result.value, source: result.source === 'literal' ? 'variable' : result.source };
        })
      : { value: new Unknown(`[variables('${declared.name}')]`, `variable '${declared.name}' is built by a copy loop`), source: 'unknown' };
    this.variableCache.set(key, entry);
    return entry;
  }

  private guarded(key: string, label: string, compute: () => ScopeEntry): ScopeEntry {
    if (this.inProgress.has(key)) return { value: new Unknown(`[${label}]`, `${label} refers to itself (a cycle)`), source: 'unknown' };
    // Each parameter default or variable evaluated inside another nests the evaluation: a chain of
    // references (v0 → v1 → … → v50000) is bounded like any other nesting.
    if (this.inProgress.size >= MAX_REFERENCE_DEPTH) return { value: new Unknown(`[${label}]`, referenceTooDeep()), source: 'unknown' };
    this.inProgress.add(key);
    try {
      return compute();
    } finally {
      this.inProgress.delete(key);
    }
  }
}
