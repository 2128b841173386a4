import { DOCS } from './sources';

/** The Service Fabric node extension on a scale set (reference §2, §3.5; S4, S15). */
export const SERVICE_FABRIC_EXTENSION = {
  publisher: 'Microsoft.Azure.ServiceFabric',
  types: { windows: 'ServiceFabricNode', linux: 'ServiceFabricLinuxNode' },
  durabilityLevels: ['Bronze', 'Silver', 'Gold'],
  /** Automatic OS upgrades need Silver or Gold (Bronze only for stateless-only node types). */
  aosDurabilityLevels: ['Silver', 'Gold'],
  /** Automatic OS upgrades need typeHandlerVersion 1.1 or newer. */
  aosMinimumTypeHandlerVersion: '1.1',
  /** SFRP MinVMCountValidation: Silver and Gold node types need at least this many VMs. */
  minimumInstancesForSilverOrGold: 5,
  docs: DOCS.automaticOsUpgrade,
} as const;

export function isServiceFabricType(type: string): boolean {
  const lower = type.toLowerCase();
  return lower === SERVICE_FABRIC_EXTENSION.types.windows.toLowerCase() || lower === SERVICE_FABRIC_EXTENSION.types.linux.toLowerCase();
}
