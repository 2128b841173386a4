import type { Summary } from './campaign';

/** The campaign's figures as the CLI prints them. */
export function formatSummary(s: Summary): string {
  const c = s.counts;
  const growth =
    s.rssGrowth.map((g) => `${Math.round(g.baselineMb)} → ${Math.round(g.finalMb)} MB over ${g.documents} documents`).join('; ') ||
    'not measured (too few documents)';
  // "resident memory floor": the least resident size over 50 documents, after the warm-up and at the end.
  const lines = [
    `seed ${s.seed}: ${s.documents} documents, ${s.requests} requests in ${(s.elapsedMs / 1000).toFixed(1)} s (${(s.shrinkMs / 1000).toFixed(1)} s shrinking), ${s.servers} server${s.servers === 1 ? '' : 's'}${s.harnessErrors ? `, ${s.harnessErrors} harness errors (see the log)` : ''}`,
    `requests by method: ${Object.entries(s.byMethod)
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
    `quick fixes: ${s.fixesChecked} checked on the text, ${s.fixesApplied} applied through the server and re-diagnosed`,
    `crashes ${c.crash}, out of memory ${c.memory}, hangs ${c.hang}, errors ${c.error}, invalid ranges ${c['invalid-range']}, corrupting fixes ${c['corrupting-fix']}, fixes keeping their finding ${c['fix-keeps-finding']}, unstable diagnostics ${c['unstable-diagnostics']}, markup leaks ${c.markup}`,
    `peak RSS ${Math.round(s.peakRssMb)} MB (VmHWM ${Math.round(s.peakHwmMb)} MB${s.peakCase ? `, reached in case ${s.peakCase.index}: ${s.peakCase.source}, ${s.peakCase.mutations.join(', ') || 'unmutated'}, ${s.peakCase.length} characters` : ''}); resident memory floor ${growth}`,
    `answers past the deadline in wall time but not in the server's CPU time (a busy machine): ${s.slowUnderLoad}`,
    `slowest answer per request: ${Object.entries(s.slowest)
      .sort((a, b) => b[1] - a[1])
      .map(([m, ms]) => `${m} ${ms} ms`)
      .join(', ')}`,
  ];
  if (s.distinct.length > 0) {
    lines.push(`${s.distinct.length} distinct failure${s.distinct.length === 1 ? '' : 's'}:`);
    for (const d of s.distinct)
      lines.push(
        `- ${d.count}× ${d.first.kind} in ${d.first.method} (first: case ${d.first.index}): ${d.first.detail.slice(0, 200)}${d.reproducer ? `\n  ${d.reproducer}${d.reproducedOnFreshServer === false ? ' (did not fail on a fresh server)' : ''}` : ''}`,
      );
  }
  return `${lines.join('\n')}\n`;
}
