// The `vmss-upgrade` executable (dist/cli.js): runs the CLI's bundle (dist/cli-main.js, built from main.ts)
// through a V8 code cache (host/codeCache.ts), so that a run after the first does not compile it again.
import { join } from 'node:path';
import { runWithCodeCache } from '../host/codeCache';

// One cache per command (lint, simulate, …): each runs its own functions, and a cache is kept as first written.
const command = /^[a-z]+$/.test(process.argv[2] ?? '') ? process.argv[2]! : 'other';
runWithCodeCache(join(__dirname, 'cli-main.js'), command);
