// The `vmss-upgrade` executable (dist/cli.js): runs the CLI's bundle (dist/cli-main.js, built from main.ts)
// through a V8 code cache (host/codeCache.ts), so that a run after the first does not compile it again.
import { join } from 'node:path';
import { runWithCodeCache } from '../host/codeCache';

runWithCodeCache(join(__dirname, 'cli-main.js'));
