/**
 * Values produced by evaluating ARM template expressions. An expression the engine cannot evaluate
 * (reference(), resourceGroup(), user functions, cycles, limits) yields an Unknown that carries the
 * expression text and why. Unknown is never an error and never a guessed value.
 */
export class Unknown {
  constructor(
    /** The expression text (as written, with brackets) that could not be evaluated. */
    readonly expression: string,
    /** Why, for hovers and logs: e.g. "reference() needs a deployment", "cycle through variables('a')". */
    readonly reason: string,
  ) {}
}

export type EvalValue = null | boolean | number | string | Unknown | EvalValue[] | { [key: string]: EvalValue };

export function isUnknown(value: unknown): value is Unknown {
  return value instanceof Unknown;
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(value: EvalValue, depth = 0): boolean {
  if (value instanceof Unknown) return true;
  if (depth > 64) return true;
  if (Array.isArray(value)) return value.some((v) => containsUnknown(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    for (const key in value) if (containsUnknown(value[key]!, depth + 1)) return true;
  }
  return false;
}

/**
 * Where a resolved value came from, strongest evidence first when several contribute:
 * unknown > parametersFile > default > variable > expression > literal.
 */
export type ValueSource = 'literal' | 'expression' | 'variable' | 'default' | 'parametersFile' | 'unknown';

const SOURCE_RANK: Record<ValueSource, number> = {
  literal: 0,
  expression: 1,
  variable: 2,
  default: 3,
  parametersFile: 4,
  unknown: 5,
};

/** Combines the sources of the parts of a value into the source of the whole. */
export function combineSources(a: ValueSource, b: ValueSource): ValueSource {
  return SOURCE_RANK[a] >= SOURCE_RANK[b] ? a : b;
}

/** Case-insensitive property lookup, as ARM does for object properties. */
export function getPropertyCI(obj: { [key: string]: EvalValue }, name: string): EvalValue | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return obj[name];
  const lower = name.toLowerCase();
  for (const key in obj) if (key.toLowerCase() === lower) return obj[key];
  return undefined;
}
