// Preloaded into a CLI child by processLimits.ts: on exit, writes the process's peak resident set
// (getrusage maxRSS, in kB: V8 heap, typed arrays and native memory alike) and its CPU time (user + system,
// in microseconds) to file descriptor 3, as "maxRSS cpu".
process.on('exit', () => {
  try {
    const usage = process.resourceUsage();
    require('node:fs').writeSync(3, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  } catch {
    // No fd 3: run without the probe's pipe.
  }
});
