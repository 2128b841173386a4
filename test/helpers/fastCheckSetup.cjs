// Loaded before every test file (scripts/run-tests.mjs). Property tests explore new random inputs on
// every local run; under CI they use a fixed seed so a green build stays reproducible. Either way a
// failure prints its seed, and FC_SEED=<seed> replays it. (CommonJS on purpose: the tests load
// fast-check's CommonJS build through tsx, and the setting must reach that same instance.)
const fc = require('fast-check');

const seed = process.env.FC_SEED ?? (process.env.CI ? '20261125' : undefined);
if (seed !== undefined) fc.configureGlobal({ seed: Number(seed) });
