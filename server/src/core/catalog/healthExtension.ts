import { DOCS } from './sources';

/** The Application Health extension (reference §2, S9). */
export const APPLICATION_HEALTH_EXTENSION = {
  publisher: 'Microsoft.ManagedServices',
  types: { linux: 'ApplicationHealthLinux', windows: 'ApplicationHealthWindows' },
  /** typeHandlerVersion → health model: 1.0 reports Healthy/Unhealthy, 2.0 adds Initializing/Unknown. */
  versions: { binary: '1.0', rich: '2.0' },
  protocols: ['http', 'https', 'tcp'],
  settings: {
    /** Optional for http/https, required for tcp. */
    port: { requiredFor: ['tcp'] },
    /** Required for http/https, not allowed for tcp. */
    requestPath: { requiredFor: ['http', 'https'], forbiddenFor: ['tcp'] },
    intervalInSeconds: { default: 5, minimum: 5, maximum: 60 },
    numberOfProbes: { default: 1, minimum: 1, maximum: 24 },
    /**
     * Rich health states only; defaults to intervalInSeconds × numberOfProbes. CONFLICT: S9 says at most
     * 14400 s, S8 says 7200 s; the catalog follows S9, the extension's own page.
     */
    gracePeriod: { maximum: 14400, conflictingMaximum: 7200, richOnly: true },
  },
  docs: DOCS.healthExtension,
} as const;

export function isApplicationHealthType(type: string): boolean {
  const lower = type.toLowerCase();
  return (
    lower === APPLICATION_HEALTH_EXTENSION.types.linux.toLowerCase() || lower === APPLICATION_HEALTH_EXTENSION.types.windows.toLowerCase()
  );
}
