// Preloaded into a CLI child by processLimits.ts: on exit, writes the process's peak resident set
// (getrusage maxRSS, in kB: V8 heap, typed arrays and native memory alike) to file descriptor 3.
process.on('exit', () => {
  try {
    require('node:fs').writeSync(3, String(process.resourceUsage().maxRSS));
  } catch {
    // No fd 3: run without the probe's pipe.
  }
});
