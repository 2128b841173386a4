import { APPLICATION_HEALTH_EXTENSION } from '../../catalog';
import type { JsonValue } from '../../edits';
import type { ScaleSetModel } from '../../model/templateModel';
import type { Fix } from '../ruleTypes';

/**
 * Quick fixes that add an Application Health extension to virtualMachineProfile.extensionProfile.extensions:
 * Linux or Windows by the scale set's OS (both, none preferred, when the OS is unknown). The settings
 * are a starting point (Rich health states, http on port 80, /health) the user adapts to the app.
 */
export function addAppHealthExtensionFixes(scaleSet: ScaleSetModel, text: string): Fix[] {
  const kinds = scaleSet.osKind === 'unknown' ? (['linux', 'windows'] as const) : [scaleSet.osKind];
  const fixes: Fix[] = [];
  for (const os of kinds) {
    const type = APPLICATION_HEALTH_EXTENSION.types[os];
    const edit = insertExtension(scaleSet, text, appHealthExtension(type));
    if (edit)
      fixes.push({
        title: `Add an ${type} extension (http, port 80, /health: adapt to your app)`,
        edits: [edit],
        ...(kinds.length === 1 ? { isPreferred: true } : {}),
      });
  }
  return fixes;
}

export function appHealthExtension(type: string): JsonValue {
  return {
    name: 'HealthExtension',
    properties: {
      publisher: APPLICATION_HEALTH_EXTENSION.publisher,
      type,
      typeHandlerVersion: APPLICATION_HEALTH_EXTENSION.versions.rich,
      autoUpgradeMinorVersion: true,
      settings: { protocol: 'http', port: 80, requestPath: '/health' },
    },
  };
}

/**
 * The edit that appends `extension` to the scale set's extensions array: after the last extension when
 * there is one (so its comments and formatting stay; the writer of the document's format spells the
 * separator), else by setting the path under `properties`. Undefined when the array or object is built
 * by an expression.
 */
function insertExtension(scaleSet: ScaleSetModel, text: string, extension: JsonValue) {
  const declared = scaleSet.extensions.filter((e) => e.origin === 'extensionProfile');
  const last = declared[declared.length - 1];
  if (last) {
    if (text[last.span.offset] !== '{' || text[last.span.offset + last.span.length - 1] !== '}') return undefined;
    return { kind: 'insertItemAfter' as const, itemSpan: last.span, value: extension };
  }
  const target = scaleSet.shape === 'vmssShow' ? scaleSet.span : scaleSet.properties?.span;
  if (!target || text[target.offset] !== '{') return undefined;
  return {
    kind: 'setProperty' as const,
    objectSpan: target,
    path: ['virtualMachineProfile', 'extensionProfile', 'extensions'],
    value: [extension],
  };
}
