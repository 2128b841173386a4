import { fail } from '../context';
import { formatResourceId } from '../resourceIds';
import { argString } from './args';
import type { FunctionTable } from './functionDef';
import { eager } from './functionDef';

export const resourceFunctions: FunctionTable = {
  resourceid: eager(2, Infinity, (args) => {
    const strings = args.map((_, i) => argString('resourceId', args, i));
    const id = formatResourceId(strings);
    return typeof id === 'string' ? id : fail(id.error);
  }),
};
