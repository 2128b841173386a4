// The "warm engine" floor of the process benchmark: what a whole `lint` process would cost if no code were
// cold. Loads the built CLI bundle (dist/cli-main.js exports `main`; it runs itself only as the main module)
// and calls `main(ARGV)` WARMUP + RUNS times in this one process, each run writing its output to OUT as the
// command writes to stdout. The last RUNS are timed; prints their milliseconds as a JSON array on stdout.
// Usage: node warmRuns.cjs CLI_MAIN OUT WARMUP RUNS ARGV...
const { closeSync, openSync, writeSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

async function run() {
  const [cliMain, out, warmup, runs, ...argv] = process.argv.slice(2);
  const { main } = require(cliMain);
  if (typeof main !== 'function') throw new Error(`${cliMain} does not export main`);
  const times = [];
  for (let i = 0; i < Number(warmup) + Number(runs); i++) {
    const fd = openSync(out, 'w');
    const io = {
      stdout: (text) => writeSync(fd, text),
      stderr: (text) => process.stderr.write(text),
      env: process.env,
      cwd: process.cwd(),
    };
    const t0 = performance.now();
    const code = await main(argv, io);
    const ms = performance.now() - t0;
    closeSync(fd);
    if (code !== 0 && code !== 1) throw new Error(`main exited with ${code}`);
    if (i >= Number(warmup)) times.push(ms);
  }
  process.stdout.write(JSON.stringify(times));
}

run().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
