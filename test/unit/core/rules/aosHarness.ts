// Scale-set templates for the automatic-OS-upgrade and rolling-policy rule tests: real JSONC text with
// comments, fed through analyzeTemplate and runRules like every other rule test (see harness.ts).
import type { Finding } from '../../../../server/src/core/rules';
import { buildTemplate, lint } from './harness';

export interface ScaleSetParts {
  /** JSON text of properties.upgradePolicy; omitted when undefined. */
  readonly upgradePolicy?: string;
  /** JSON text of properties.virtualMachineProfile; omitted when undefined. */
  readonly vmProfile?: string;
  /** Extra lines at the start of `properties`, each ending in a comma, e.g. '"orchestrationMode": "Flexible",'. */
  readonly properties?: string;
  /** Extra resource-level lines, each ending in a comma, e.g. '"zones": ["1", "2"],'. */
  readonly resource?: string;
  /** sku.capacity as JSON text (default 10). */
  readonly capacity?: string;
  /** properties.overprovision as JSON text (default false); null leaves it out. */
  readonly overprovision?: string | null;
  readonly apiVersion?: string;
  /** The body of the template's "parameters" object. */
  readonly parameters?: string;
}

export function scaleSetTemplate(parts: ScaleSetParts = {}): string {
  const props: string[] = [];
  // Extra lines each end with their comma; the builder writes the commas between members.
  if (parts.properties)
    props.push(
      ...parts.properties
        .trim()
        .split('\n')
        .map((l) => l.trim().replace(/,$/, '')),
    );
  if (parts.overprovision !== null) props.push(`"overprovision": ${parts.overprovision ?? 'false'}`);
  if (parts.vmProfile !== undefined) props.push(`"virtualMachineProfile": ${parts.vmProfile.trim()}`);
  if (parts.upgradePolicy !== undefined) props.push(`"upgradePolicy": ${parts.upgradePolicy.trim()}`);
  props.push('"singlePlacementGroup": true // keeps the last line comma-free');
  return buildTemplate({
    comment: 'A scale set for rule tests.',
    ...(parts.parameters ? { parameters: parts.parameters } : {}),
    ...(parts.apiVersion ? { apiVersion: parts.apiVersion } : {}),
    resourceLines: parts.resource ? parts.resource.trim().split('\n') : [],
    ...(parts.capacity ? { capacity: parts.capacity } : {}),
    skuComment: 'the instance count',
    properties: props,
  });
}

/** AOS on, with the given extra automaticOSUpgradePolicy members (JSON text, may be empty). */
export function aosPolicy(mode = 'Rolling', extraAos = '', extra = ''): string {
  return `{
  "mode": "${mode}",${extra ? `\n  ${extra},` : ''}
  "automaticOSUpgradePolicy": {
    // roll out new images automatically
    "enableAutomaticOSUpgrade": true${extraAos ? `,\n    ${extraAos}` : ''}
  }
}`;
}

/** A Linux profile on a documented platform image, with the given imageReference members replaced. */
export function linuxProfile(
  imageReference = '"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-LTS-Gen2", "version": "latest"',
  extra = '',
): string {
  return `{
  "storageProfile": {
    // the OS image
    "imageReference": { ${imageReference} }
  },
  "osProfile": { "computerNamePrefix": "vm", "adminUsername": "azureuser", "linuxConfiguration": { "disablePasswordAuthentication": true${extra ? `, ${extra}` : ''} } }
}`;
}

export function windowsProfile(windowsConfiguration: string): string {
  return `{
  "storageProfile": {
    "imageReference": { "publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-Datacenter", "version": "latest" }
  },
  "osProfile": {
    "computerNamePrefix": "vm",
    // Windows settings under test
    "windowsConfiguration": ${windowsConfiguration}
  }
}`;
}

/** An expression the engine cannot evaluate. */
export const UNKNOWN = `"[reference('settings').value]"`;

export function lintAt(text: string, now: string | number | undefined, ruleId: string): Finding[] {
  return lint(text, undefined, undefined, now).filter((f) => f.ruleId === ruleId);
}
