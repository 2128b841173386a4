// Generates ARM templates with N scale sets (about 6 KB each, with parameters, variables and expressions
// like real ones) for benchmarks. Deterministic: the same N gives the same text.

function scaleSet(i: number): string {
  const zonal = i % 3 === 0;
  return `    {
      "type": "Microsoft.Compute/virtualMachineScaleSets",
      "apiVersion": "2024-07-01",
      "name": "[concat(variables('prefix'), '-vmss-${i}')]",
      "location": "[parameters('location')]",
      ${zonal ? '"zones": ["1", "2", "3"],' : ''}
      "sku": { "name": "Standard_D2s_v5", "tier": "Standard", "capacity": "[parameters('instanceCount')]" },
      "tags": { "environment": "production", "costCenter": "cc-${1000 + i}", "owner": "platform-team", "service": "web-frontend-${i}", "deployedBy": "pipeline" },
      "dependsOn": [ "[resourceId('Microsoft.Network/loadBalancers', concat(variables('prefix'), '-lb-${i}'))]" ],
      "properties": {
        "overprovision": false,
        "singlePlacementGroup": false,
        "orchestrationMode": "Uniform",
        "upgradePolicy": {
          "mode": "Rolling",
          "rollingUpgradePolicy": {
            "maxBatchInstancePercent": ${10 + (i % 5) * 10},
            "maxUnhealthyInstancePercent": 40,
            "maxUnhealthyUpgradedInstancePercent": 20,
            "pauseTimeBetweenBatches": "PT${i % 4}M",
            "enableCrossZoneUpgrade": ${zonal},
            "prioritizeUnhealthyInstances": true
          },
          "automaticOSUpgradePolicy": {
            "enableAutomaticOSUpgrade": true,
            "disableAutomaticRollback": false,
            "useRollingUpgradePolicy": true
          }
        },
        "automaticRepairsPolicy": { "enabled": true, "gracePeriod": "PT30M" },
        "virtualMachineProfile": {
          "osProfile": {
            "computerNamePrefix": "[concat('vm', ${i})]",
            "adminUsername": "[parameters('adminUsername')]",
            "linuxConfiguration": {
              "disablePasswordAuthentication": true,
              "ssh": { "publicKeys": [ { "path": "[concat('/home/', parameters('adminUsername'), '/.ssh/authorized_keys')]", "keyData": "[parameters('sshKey')]" } ] },
              "patchSettings": { "patchMode": "ImageDefault", "assessmentMode": "ImageDefault" }
            }
          },
          "storageProfile": {
            "osDisk": { "createOption": "FromImage", "caching": "ReadWrite", "managedDisk": { "storageAccountType": "Premium_LRS" } },
            "imageReference": { "publisher": "Canonical", "offer": "0001-com-ubuntu-server-jammy", "sku": "22_04-lts-gen2", "version": "latest" },
            "dataDisks": [ { "lun": 0, "createOption": "Empty", "diskSizeGB": 64, "managedDisk": { "storageAccountType": "Premium_LRS" } } ]
          },
          "networkProfile": {
            "networkInterfaceConfigurations": [
              {
                "name": "[concat(variables('prefix'), '-nic-${i}')]",
                "properties": {
                  "primary": true,
                  "enableAcceleratedNetworking": true,
                  "ipConfigurations": [
                    {
                      "name": "ipconfig",
                      "properties": {
                        "subnet": { "id": "[variables('subnetId')]" },
                        "loadBalancerBackendAddressPools": [ { "id": "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', concat(variables('prefix'), '-lb-${i}'), 'pool')]" } ]
                      }
                    }
                  ]
                }
              }
            ]
          },
          "extensionProfile": {
            "extensions": [
              {
                "name": "health",
                "properties": {
                  "publisher": "Microsoft.ManagedServices",
                  "type": "ApplicationHealthLinux",
                  "typeHandlerVersion": "2.0",
                  "autoUpgradeMinorVersion": true,
                  "settings": { "protocol": "http", "port": 80, "requestPath": "/health", "intervalInSeconds": 5, "numberOfProbes": 1, "gracePeriod": 600 }
                }
              },
              {
                "name": "customScript",
                "properties": {
                  "publisher": "Microsoft.Azure.Extensions",
                  "type": "CustomScript",
                  "typeHandlerVersion": "2.1",
                  "settings": { "fileUris": [ "https://example.invalid/install-${i}.sh" ], "commandToExecute": "bash install-${i}.sh --role web --port 80 --health /health" }
                }
              }
            ]
          },
          "diagnosticsProfile": { "bootDiagnostics": { "enabled": true } },
          "securityProfile": { "securityType": "TrustedLaunch", "uefiSettings": { "secureBootEnabled": true, "vTpmEnabled": true }, "encryptionAtHost": false },
          "scheduledEventsProfile": { "terminateNotificationProfile": { "enable": true, "notBeforeTimeout": "PT10M" }, "osImageNotificationProfile": { "enable": true, "notBeforeTimeout": "PT15M" } },
          "priority": "Regular",
          "licenseType": "[if(equals(parameters('location'), 'westeurope'), 'None', 'None')]"
        }
      }
    },
    {
      "type": "Microsoft.Network/loadBalancers",
      "apiVersion": "2024-05-01",
      "name": "[concat(variables('prefix'), '-lb-${i}')]",
      "location": "[parameters('location')]",
      "sku": { "name": "Standard" },
      "properties": {
        "frontendIPConfigurations": [ { "name": "front", "properties": { "subnet": { "id": "[variables('subnetId')]" }, "privateIPAllocationMethod": "Dynamic" } } ],
        "backendAddressPools": [ { "name": "pool" } ],
        "probes": [ { "name": "http", "properties": { "protocol": "Http", "port": 80, "requestPath": "/health", "intervalInSeconds": 15, "numberOfProbes": 2 } } ],
        "loadBalancingRules": [ { "name": "http", "properties": { "frontendPort": 80, "backendPort": 80, "protocol": "Tcp", "frontendIPConfiguration": { "id": "[resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', concat(variables('prefix'), '-lb-${i}'), 'front')]" }, "backendAddressPool": { "id": "[resourceId('Microsoft.Network/loadBalancers/backendAddressPools', concat(variables('prefix'), '-lb-${i}'), 'pool')]" }, "probe": { "id": "[resourceId('Microsoft.Network/loadBalancers/probes', concat(variables('prefix'), '-lb-${i}'), 'http')]" } } } ]
      }
    }`;
}

export function generateTemplate(scaleSetCount: number): string {
  const resources: string[] = [];
  for (let i = 0; i < scaleSetCount; i++) resources.push(scaleSet(i));
  return `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": {
    "location": { "type": "string", "defaultValue": "westeurope" },
    "instanceCount": { "type": "int", "defaultValue": 10, "minValue": 1, "maxValue": 1000 },
    "adminUsername": { "type": "string", "defaultValue": "azureuser" },
    "sshKey": { "type": "securestring" }
  },
  "variables": {
    "prefix": "bench",
    "subnetId": "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')]"
  },
  "resources": [
${resources.join(',\n')}
  ]
}
`;
}
