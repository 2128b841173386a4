// Bicep benchmark: parse + analyse (and lint) a generated Bicep file with N scale sets against the JSON
// engine on the equivalent JSON template (generateTemplate(N)), measured as alternating pairs.
// Target: Bicep within 2× JSON at 1,000 scale sets.
import { analyzeBicep } from '../../server/src/core/bicep/analyzeBicep';
import { analyzeTemplate } from '../../server/src/core/arm/analyzeTemplate';
import { runRules } from '../../server/src/core/rules/runner';
import { generateTemplate } from './generateTemplate';
import { formatBytes, formatMs, measurePair } from './measure';
import type { BenchSection } from './benchSection';

function scaleSet(i: number): string {
  const zonal = i % 3 === 0;
  return `resource vmss${i} 'Microsoft.Compute/virtualMachineScaleSets@2024-07-01' = {
  name: '\${prefix}-vmss-${i}'
  location: location
  ${zonal ? "zones: ['1', '2', '3']" : ''}
  sku: { name: 'Standard_D2s_v5', tier: 'Standard', capacity: instanceCount }
  tags: { environment: 'production', costCenter: 'cc-${1000 + i}', owner: 'platform-team', service: 'web-frontend-${i}', deployedBy: 'pipeline' }
  dependsOn: [
    lb${i}
  ]
  properties: {
    overprovision: false
    singlePlacementGroup: false
    orchestrationMode: 'Uniform'
    upgradePolicy: {
      mode: 'Rolling'
      rollingUpgradePolicy: {
        maxBatchInstancePercent: ${10 + (i % 5) * 10}
        maxUnhealthyInstancePercent: 40
        maxUnhealthyUpgradedInstancePercent: 20
        pauseTimeBetweenBatches: 'PT${i % 4}M'
        enableCrossZoneUpgrade: ${zonal}
        prioritizeUnhealthyInstances: true
      }
      automaticOSUpgradePolicy: {
        enableAutomaticOSUpgrade: true
        disableAutomaticRollback: false
        useRollingUpgradePolicy: true
      }
    }
    automaticRepairsPolicy: { enabled: true, gracePeriod: 'PT30M' }
    virtualMachineProfile: {
      osProfile: {
        computerNamePrefix: 'vm${i}'
        adminUsername: adminUsername
        linuxConfiguration: {
          disablePasswordAuthentication: true
          ssh: { publicKeys: [ { path: '/home/\${adminUsername}/.ssh/authorized_keys', keyData: sshKey } ] }
          patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' }
        }
      }
      storageProfile: {
        osDisk: { createOption: 'FromImage', caching: 'ReadWrite', managedDisk: { storageAccountType: 'Premium_LRS' } }
        imageReference: { publisher: 'Canonical', offer: '0001-com-ubuntu-server-jammy', sku: '22_04-lts-gen2', version: 'latest' }
        dataDisks: [ { lun: 0, createOption: 'Empty', diskSizeGB: 64, managedDisk: { storageAccountType: 'Premium_LRS' } } ]
      }
      networkProfile: {
        networkInterfaceConfigurations: [
          {
            name: '\${prefix}-nic-${i}'
            properties: {
              primary: true
              enableAcceleratedNetworking: true
              ipConfigurations: [
                {
                  name: 'ipconfig'
                  properties: {
                    subnet: { id: subnetId }
                    loadBalancerBackendAddressPools: [ { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', '\${prefix}-lb-${i}', 'pool') } ]
                  }
                }
              ]
            }
          }
        ]
      }
      extensionProfile: {
        extensions: [
          {
            name: 'health'
            properties: {
              publisher: 'Microsoft.ManagedServices'
              type: 'ApplicationHealthLinux'
              typeHandlerVersion: '2.0'
              autoUpgradeMinorVersion: true
              settings: { protocol: 'http', port: 80, requestPath: '/health', intervalInSeconds: 5, numberOfProbes: 1, gracePeriod: 600 }
            }
          }
          {
            name: 'customScript'
            properties: {
              publisher: 'Microsoft.Azure.Extensions'
              type: 'CustomScript'
              typeHandlerVersion: '2.1'
              settings: { fileUris: [ 'https://example.invalid/install-${i}.sh' ], commandToExecute: 'bash install-${i}.sh --role web --port 80 --health /health' }
            }
          }
        ]
      }
      diagnosticsProfile: { bootDiagnostics: { enabled: true } }
      securityProfile: { securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true }, encryptionAtHost: false }
      scheduledEventsProfile: { terminateNotificationProfile: { enable: true, notBeforeTimeout: 'PT10M' }, osImageNotificationProfile: { enable: true, notBeforeTimeout: 'PT15M' } }
      priority: 'Regular'
      licenseType: location == 'westeurope' ? 'None' : 'None'
    }
  }
}

resource lb${i} 'Microsoft.Network/loadBalancers@2024-05-01' = {
  name: '\${prefix}-lb-${i}'
  location: location
  sku: { name: 'Standard' }
  properties: {
    frontendIPConfigurations: [ { name: 'front', properties: { subnet: { id: subnetId }, privateIPAllocationMethod: 'Dynamic' } } ]
    backendAddressPools: [ { name: 'pool' } ]
    probes: [ { name: 'http', properties: { protocol: 'Http', port: 80, requestPath: '/health', intervalInSeconds: 15, numberOfProbes: 2 } } ]
    loadBalancingRules: [ { name: 'http', properties: { frontendPort: 80, backendPort: 80, protocol: 'Tcp', frontendIPConfiguration: { id: resourceId('Microsoft.Network/loadBalancers/frontendIPConfigurations', '\${prefix}-lb-${i}', 'front') }, backendAddressPool: { id: resourceId('Microsoft.Network/loadBalancers/backendAddressPools', '\${prefix}-lb-${i}', 'pool') }, probe: { id: resourceId('Microsoft.Network/loadBalancers/probes', '\${prefix}-lb-${i}', 'http') } } } ]
  }
}
`;
}

/** The Bicep equivalent of generateTemplate(n): the same resources, parameters, variables and values. */
export function generateBicep(scaleSetCount: number): string {
  const resources: string[] = [];
  for (let i = 0; i < scaleSetCount; i++) resources.push(scaleSet(i));
  return `param location string = 'westeurope'
@minValue(1)
@maxValue(1000)
param instanceCount int = 10
param adminUsername string = 'azureuser'
@secure()
param sshKey string

var prefix = 'bench'
var subnetId = resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'default')

${resources.join('\n')}`;
}

export default async function bicepBench(): Promise<BenchSection> {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const count of [10, 100, 1000]) {
    const bicep = generateBicep(count);
    const json = generateTemplate(count);
    const model = analyzeBicep(bicep);
    if (model.scaleSets.length !== count || model.parseErrors.length)
      throw new Error(`generator/engine mismatch: ${model.scaleSets.length} ≠ ${count}, ${model.parseErrors.length} problems`);
    const runs = { minRuns: count >= 1000 ? 7 : 15 };
    const [jsonAnalyze, bicepAnalyze] = measurePair(
      () => analyzeTemplate(json),
      () => analyzeBicep(bicep),
      runs,
    );
    const [jsonLint, bicepLint] = measurePair(
      () => runRules(analyzeTemplate(json), json),
      () => runRules(analyzeBicep(bicep), bicep),
      runs,
    );
    const analyzeRatio = bicepAnalyze.medianMs / jsonAnalyze.medianMs;
    const lintRatio = bicepLint.medianMs / jsonLint.medianMs;
    rows.push([
      String(count),
      formatBytes(bicep.length),
      formatBytes(json.length),
      formatMs(jsonAnalyze.medianMs),
      formatMs(bicepAnalyze.medianMs),
      `${analyzeRatio.toFixed(2)}×`,
      formatMs(jsonLint.medianMs),
      formatMs(bicepLint.medianMs),
      `${lintRatio.toFixed(2)}×`,
    ]);
    if (count === 1000) {
      verdicts.push(
        `1,000 scale sets, parse + analyse: Bicep ${analyzeRatio.toFixed(2)}× JSON (target ≤ 2×) — ${analyzeRatio <= 2 ? 'met' : 'NOT met'}`,
      );
      verdicts.push(
        `1,000 scale sets, parse + analyse + lint: Bicep ${lintRatio.toFixed(2)}× JSON (target ≤ 2×) — ${lintRatio <= 2 ? 'met' : 'NOT met'}`,
      );
    }
  }
  return {
    title: 'Bicep: analyzeBicep (+ runRules) vs the JSON engine on the equivalent template (median ms)',
    header: ['scale sets', 'Bicep size', 'JSON size', 'JSON analyse', 'Bicep analyse', 'ratio', 'JSON lint', 'Bicep lint', 'ratio'],
    rows,
    verdicts,
  };
}
