import type { Connection } from 'vscode-languageserver/node';
import type { ServerSettings } from '../protocol';

export type { ServerSettings } from '../protocol';

export const DEFAULT_SETTINGS: ServerSettings = {
  rules: {},
  inlayHints: { enabled: true },
  codeLens: { enabled: true },
  completion: { propertyNames: 'auto' },
  whatIf: { capacity: 10, failureRate: 0.02 },
};

/** Fills missing or mistyped fields from the defaults, so a bad setting never reaches the features. */
export function normaliseSettings(raw: unknown): ServerSettings {
  const value = isObject(raw) ? raw : {};
  const section = (name: string) => (isObject(value[name]) ? (value[name] as Record<string, unknown>) : {});
  const rules: Record<string, string> = {};
  for (const [id, severity] of Object.entries(section('rules'))) if (typeof severity === 'string') rules[id] = severity;
  const whatIf = section('whatIf');
  const capacity =
    typeof whatIf.capacity === 'number' && Number.isInteger(whatIf.capacity) && whatIf.capacity >= 0
      ? whatIf.capacity
      : DEFAULT_SETTINGS.whatIf.capacity;
  const failureRate =
    typeof whatIf.failureRate === 'number' && whatIf.failureRate >= 0 && whatIf.failureRate <= 1
      ? whatIf.failureRate
      : DEFAULT_SETTINGS.whatIf.failureRate;
  const flag = (name: string, fallback: boolean) =>
    typeof section(name).enabled === 'boolean' ? (section(name).enabled as boolean) : fallback;
  return {
    rules,
    inlayHints: { enabled: flag('inlayHints', DEFAULT_SETTINGS.inlayHints.enabled) },
    codeLens: { enabled: flag('codeLens', DEFAULT_SETTINGS.codeLens.enabled) },
    completion: {
      propertyNames:
        (['auto', 'always', 'never'] as const).find((v) => v === section('completion').propertyNames) ??
        DEFAULT_SETTINGS.completion.propertyNames,
    },
    whatIf: { capacity, failureRate },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SettingsStore {
  private readonly byUri = new Map<string, Promise<ServerSettings>>();
  /** Settings pushed with didChangeConfiguration, for clients that cannot answer workspace/configuration. */
  private global: ServerSettings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<ServerSettings> {
    if (!this.canPull()) return Promise.resolve(this.global);
    let pending = this.byUri.get(uri);
    if (!pending) {
      pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'vmssUpgrade' })
        .then(normaliseSettings, () => DEFAULT_SETTINGS);
      this.byUri.set(uri, pending);
    }
    return pending;
  }

  /** didChangeConfiguration: forget what was pulled; keep what was pushed. */
  changed(pushed: unknown): void {
    this.byUri.clear();
    const section = isObject(pushed) ? pushed.vmssUpgrade : undefined;
    if (section !== undefined) this.global = normaliseSettings(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
