// Experiment, not shipped: runs a CommonJS bundle as the main module the way Node does, with two knobs that
// Node 20 has no switch for (its compile cache, module.enableCompileCache / NODE_COMPILE_CACHE, is Node 22):
//   --cache FILE      V8 code cache for the bundle (vm.Script cachedData): used when FILE exists and V8
//                     accepts it, else written at exit, with every function compiled by then
//   --v8-flags FLAGS  v8.setFlagsFromString(FLAGS) before the bundle is compiled
// Usage: node loader.cjs [--cache FILE] [--v8-flags FLAGS] BUNDLE ARGS...
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const v8 = require('node:v8');
const Module = require('node:module');

const args = process.argv.slice(2);
let cacheFile;
while (args[0] === '--cache' || args[0] === '--v8-flags') {
  const [flag, value] = args.splice(0, 2);
  if (flag === '--cache') cacheFile = value;
  else v8.setFlagsFromString(value);
}
const bundle = path.resolve(args.shift());
process.argv = [process.argv[0], bundle, ...args];

const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
let cachedData;
try {
  if (cacheFile) cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
const main = new Module(bundle, null);
main.filename = bundle;
main.paths = Module._nodeModulePaths(path.dirname(bundle));
main.loaded = true;
process.mainModule = main;
const localRequire = Module.createRequire(bundle);
localRequire.main = main;
script.runInThisContext()(main.exports, localRequire, main, bundle, path.dirname(bundle));
