import type { EvalContext } from '../context';
import type { EvalValue } from '../values';
import { Unknown } from '../values';
import { argString } from './args';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

/** parameters() and variables(): the only functions that read the scope, and so contribute sources. */
function read(kind: 'parameters' | 'variables', name: string, ctx: EvalContext): EvalValue {
  const entry = kind === 'parameters' ? ctx.scope.parameter(name) : ctx.scope.variable(name);
  if (!entry) return ctx.unknown(`${kind}('${name}') is not defined in the template`);
  ctx.addSource(entry.source);
  return entry.value instanceof Unknown ? ctx.restate(entry.value) : entry.value;
}

export const deploymentFunctions: FunctionTable = {
  parameters: eager(1, 1, (args, ctx) => read('parameters', argString('parameters', args, 0), ctx)),
  variables: eager(1, 1, (args, ctx) => read('variables', argString('variables', args, 0), ctx)),
};
