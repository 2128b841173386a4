// Service Fabric pieces for rule tests: the node extension and a cluster resource with node types.
import { scaleSetTemplate, type ScaleSetOptions } from './healthFixtures';

export function sfExtension(o: { durability?: string; version?: string; nodeTypeRef?: string; type?: string } = {}): string {
  return `{
  "name": "nt1_ServiceFabricNode", // joins the cluster
  "properties": {
    "publisher": "Microsoft.Azure.ServiceFabric",
    "type": "${o.type ?? 'ServiceFabricNode'}",
    "typeHandlerVersion": ${o.version ?? '"1.1"'},
    "autoUpgradeMinorVersion": true,
    "settings": { "nodeTypeRef": ${o.nodeTypeRef ?? '"nt1"'}, "dataPath": "D:\\\\SvcFab", "durabilityLevel": ${o.durability ?? '"Silver"'} }
  }
}`;
}

export function sfCluster(nodeType = '{ "name": "nt1", "isPrimary": true, "durabilityLevel": "Silver", "vmInstanceCount": 5 }'): string {
  return `{
  "type": "Microsoft.ServiceFabric/clusters",
  "apiVersion": "2021-06-01",
  "name": "cluster1",
  "location": "westeurope",
  "properties": {
    "reliabilityLevel": "Silver",
    "nodeTypes": [
      ${nodeType}
    ]
  }
}`;
}

/** A Windows SF node type: Automatic mode, overprovision false, automatic updates off, 5 instances, unless overridden. */
export function sfTemplate(o: ScaleSetOptions & { extension?: string } = {}): string {
  return scaleSetTemplate({
    os: 'windows',
    capacity: '5',
    upgradePolicy: '{ "mode": "Automatic" }',
    windowsConfiguration: '{ "provisionVMAgent": true, "enableAutomaticUpdates": false }',
    properties: ['"overprovision": false'],
    extensions: [o.extension ?? sfExtension()],
    resources: [sfCluster()],
    ...o,
  });
}

export const AOS_ON = '{\n  "mode": "Automatic",\n  "automaticOSUpgradePolicy": { "enableAutomaticOSUpgrade": true }\n}';
