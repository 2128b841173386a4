/**
 * Small ARM templates for language-feature tests, built around one scale set. `properties` is the
 * scale set's `properties` body as text, so tests can put a `|` cursor or broken JSON anywhere in it.
 */
export function templateWith(
  properties: string,
  options: { apiVersion?: string; capacity?: number | string; extra?: string } = {},
): string {
  const capacity =
    options.capacity === undefined ? '10' : typeof options.capacity === 'number' ? String(options.capacity) : options.capacity;
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "instanceCount": { "type": "int", "defaultValue": 12 },
    "pause": { "type": "string", "defaultValue": "PT5M" }
  },
  "resources": [
    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "${options.apiVersion ?? '2024-07-01'}",
      "name": "web",
      "location": "westeurope",
      "sku": { "name": "Standard_D2s_v5", "capacity": ${capacity} },${options.extra ?? ''}
      "properties": ${properties}
    }
  ]
}
`;
}
