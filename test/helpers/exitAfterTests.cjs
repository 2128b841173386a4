/* global setTimeout */
// Loaded before every test file (scripts/run-tests.mjs), in each file's own process. A file's process must
// end once its tests have: one that does not (a handle left open) keeps `node --test`, and so CI, waiting
// for ever. test/fuzz/driver.test.ts did so now and then: a server it killed mid-answer left the client's
// message reader re-arming a timer (fixed in test/helpers/lspClient.ts). Against the next such leak: ten
// seconds after a file's last test the process ends with the runner's exit code, and says what was still
// open, so the leak shows instead of a hung build.
if (process.env.NODE_TEST_CONTEXT?.startsWith('child')) {
  const { after } = require('node:test');
  after(() => {
    const timer = setTimeout(() => {
      const open = process.getActiveResourcesInfo().join(', ');
      process.stderr.write(`${process.argv[1]}: still running 10 s after its last test (open: ${open}); ended\n`);
      process.exit();
    }, 10_000);
    timer.unref();
  });
}
