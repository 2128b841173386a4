import { buildTemplate, indent } from './harness';

// Template builders for the health and Service Fabric rule tests: a commented, 2-space-indented scale
// set with the pieces a test needs (policy, extensions, probe, neighbours) as JSON text.

export interface ScaleSetOptions {
  /** upgradePolicy as JSON text; omitted when undefined. */
  readonly upgradePolicy?: string;
  /** Extra "key": value lines inside properties (each without a trailing comma). */
  readonly properties?: readonly string[];
  /** Extension objects as JSON text; no extensionProfile when undefined. */
  readonly extensions?: readonly string[];
  /** healthProbe.id as JSON text. */
  readonly healthProbe?: string;
  /** networkProfile.networkInterfaceConfigurations as JSON text. */
  readonly networkInterfaceConfigurations?: string;
  /** osProfile.windowsConfiguration or linuxConfiguration body, by OS. */
  readonly os?: 'linux' | 'windows';
  readonly windowsConfiguration?: string;
  /** Other resources (load balancers, clusters) as JSON text. */
  readonly resources?: readonly string[];
  readonly capacity?: string;
  readonly parameters?: string;
}

export function scaleSetTemplate(o: ScaleSetOptions = {}): string {
  const os = o.os ?? 'linux';
  const vmProfile: string[] = [];
  vmProfile.push(
    `"storageProfile": { "imageReference": ${
      os === 'linux'
        ? '{ "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" }'
        : '{ "publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2022-Datacenter", "version": "latest" }'
    } }`,
  );
  const osConfig =
    os === 'windows'
      ? `"windowsConfiguration": ${indent(o.windowsConfiguration ?? '{ "provisionVMAgent": true }', '            ')}`
      : '"linuxConfiguration": { "disablePasswordAuthentication": true }';
  vmProfile.push(
    `"osProfile": {\n            "computerNamePrefix": "vm",\n            "adminUsername": "azureuser",\n            ${osConfig}\n          }`,
  );
  if (o.healthProbe !== undefined || o.networkInterfaceConfigurations !== undefined) {
    const members: string[] = [];
    if (o.healthProbe !== undefined) members.push(`// the load balancer's probe\n            "healthProbe": { "id": ${o.healthProbe} }`);
    if (o.networkInterfaceConfigurations !== undefined)
      members.push(`"networkInterfaceConfigurations": ${indent(o.networkInterfaceConfigurations, '            ')}`);
    vmProfile.push(`"networkProfile": {\n            ${members.join(',\n            ')}\n          }`);
  }
  if (o.extensions !== undefined) {
    const items = o.extensions.map((e) => `              ${indent(e, '              ')}`).join(',\n');
    vmProfile.push(`"extensionProfile": {\n            "extensions": [${items ? `\n${items}\n            ` : ''}]\n          }`);
  }
  const props: string[] = [];
  if (o.upgradePolicy !== undefined) props.push(`"upgradePolicy": ${o.upgradePolicy.trim()}`);
  for (const p of o.properties ?? []) props.push(p);
  // Written at its place in the template (8 spaces in); the builder indents members itself.
  props.push(
    `"virtualMachineProfile": {\n          ${vmProfile.join(',\n          ')}\n        }`
      .split('\n')
      .map((line, i) => (i === 0 ? line : line.replace(/^ {8}/, '')))
      .join('\n'),
  );
  return buildTemplate({
    comment: 'A scale set for health and Service Fabric rule tests.',
    ...(o.parameters ? { parameters: o.parameters } : {}),
    ...(o.capacity ? { capacity: o.capacity } : {}),
    skuComment: 'instances',
    properties: props,
    ...(o.resources ? { otherResources: o.resources } : {}),
  });
}

export const UNKNOWN = `"[reference('elsewhere').value]"`;

export function appHealth(
  settings = '{ "protocol": "http", "port": 80, "requestPath": "/health" }',
  type = 'ApplicationHealthLinux',
  version = '2.0',
): string {
  return `{
  "name": "health",
  "properties": {
    "publisher": "Microsoft.ManagedServices",
    "type": "${type}",
    "typeHandlerVersion": "${version}",
    "settings": ${indent(settings, '    ')}
  }
}`;
}

export const CUSTOM_SCRIPT = `{
  "name": "script", // installs the app
  "properties": { "publisher": "Microsoft.Azure.Extensions", "type": "CustomScript", "typeHandlerVersion": "2.1", "settings": {} }
}`;

export function loadBalancer(
  probe = '{ "name": "http", "properties": { "protocol": "Http", "port": 80, "requestPath": "/", "intervalInSeconds": 5, "numberOfProbes": 2 } }',
  sku = '{ "name": "Standard" }',
): string {
  return `{
  "type": "Microsoft.Network/loadBalancers",
  "apiVersion": "2023-09-01",
  "name": "lb1",
  "location": "westeurope",${sku ? `\n  "sku": ${sku},` : ''}
  "properties": {
    "probes": [
      ${indent(probe, '      ')}
    ]
  }
}`;
}

export const PROBE_ID = `"[resourceId('Microsoft.Network/loadBalancers/probes', 'lb1', 'http')]"`;
