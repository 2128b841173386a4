// Scale-set templates for the automatic-OS-upgrade and rolling-policy rule tests: real JSONC text with
// comments, fed through analyzeTemplate and runRules like every other rule test (see harness.ts).
import { analyzeTemplate } from '../../../../server/src/core/arm/analyzeTemplate';
import { runRules, type Finding } from '../../../../server/src/core/rules';

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

const indent = (text: string, by: string) => text.trim().split('\n').map((line, i) => (i === 0 ? line : by + line)).join('\n');

export function scaleSetTemplate(parts: ScaleSetParts = {}): string {
  const props: string[] = [];
  if (parts.properties) props.push(...parts.properties.trim().split('\n').map((l) => `        ${l.trim()}`));
  if (parts.overprovision !== null) props.push(`        "overprovision": ${parts.overprovision ?? 'false'},`);
  if (parts.vmProfile !== undefined) props.push(`        "virtualMachineProfile": ${indent(parts.vmProfile, '        ')},`);
  if (parts.upgradePolicy !== undefined) props.push(`        "upgradePolicy": ${indent(parts.upgradePolicy, '        ')},`);
  props.push('        "singlePlacementGroup": true // keeps the last line comma-free');
  return [
    '{',
    '  // A scale set for rule tests.',
    '  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",',
    '  "contentVersion": "1.0.0.0",',
    `  "parameters": {${parts.parameters ? `\n    ${indent(parts.parameters, '    ')}\n  ` : ''}},`,
    '  "resources": [',
    '    {',
    '      "type": "Microsoft.Compute/virtualMachineScaleSets",',
    `      "apiVersion": "${parts.apiVersion ?? '2024-11-01'}",`,
    '      "name": "vmss1",',
    '      "location": "westeurope",',
    ...(parts.resource ? parts.resource.trim().split('\n').map((l) => `      ${l.trim()}`) : []),
    `      "sku": { "name": "Standard_D2s_v3", "capacity": ${parts.capacity ?? '10'} }, /* the instance count */`,
    '      "properties": {',
    ...props,
    '      }',
    '    }',
    '  ]',
    '}',
    '',
  ].join('\n');
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
export function linuxProfile(imageReference = '"publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-LTS-Gen2", "version": "latest"', extra = ''): string {
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
  return runRules(analyzeTemplate(text), text, now === undefined ? {} : { now }).filter((f) => f.ruleId === ruleId);
}
