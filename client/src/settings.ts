import { workspace, type ConfigurationScope } from 'vscode';
import type { ServerSettings } from '../../server/src/protocol';

export const SECTION = 'vmssUpgrade';

/**
 * The `vmssUpgrade.*` settings the language server pulls with `workspace/configuration`, read with
 * their types (the manifest gives the defaults; the server normalises whatever arrives again).
 */
export function readServerSettings(scope?: ConfigurationScope): ServerSettings {
  const config = workspace.getConfiguration(SECTION, scope);
  return {
    rules: config.get<Record<string, string>>('rules', {}),
    inlayHints: { enabled: config.get<boolean>('inlayHints.enabled', true) },
    codeLens: { enabled: config.get<boolean>('codeLens.enabled', true) },
    // Coexistence with ARM Tools and Bicep: the server leaves property names to them in `auto`.
    completion: { propertyNames: config.get<ServerSettings['completion']['propertyNames']>('completion.propertyNames', 'auto') },
    whatIf: {
      capacity: config.get<number>('whatIf.capacity', 10),
      failureRate: config.get<number>('whatIf.failureRate', 0.02),
    },
  };
}
