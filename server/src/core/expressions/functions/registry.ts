import { collectionFunctions } from './collections';
import { conversionFunctions } from './conversion';
import { deploymentFunctions } from './deployment';
import { logicFunctions } from './logic';
import { numericFunctions } from './numeric';
import { resourceFunctions } from './resource';
import { searchFunctions } from './search';
import { stringFunctions } from './strings';
import type { FunctionDef } from './functionDef';

export { unsupportedReason } from './unsupported';

/** Every evaluated function by lower-case name. Built once, never changed. */
const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map(
  [
    collectionFunctions,
    conversionFunctions,
    deploymentFunctions,
    logicFunctions,
    numericFunctions,
    resourceFunctions,
    searchFunctions,
    stringFunctions,
  ].flatMap((table) => Object.entries(table)),
);

export function lookupFunction(lowerName: string): FunctionDef | undefined {
  return FUNCTIONS.get(lowerName);
}

/** Names of the functions the engine evaluates (lower case), e.g. for completion or docs. */
export function evaluatedFunctionNames(): string[] {
  return [...FUNCTIONS.keys()];
}
