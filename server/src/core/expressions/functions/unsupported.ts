/**
 * Why a function is not evaluated, for the Unknown's reason. These functions depend on the deployment
 * (its target, time, randomness, deployed resources) or on code this engine does not run.
 */
const REASONS: Readonly<Record<string, string>> = {
  reference: 'reads a deployed resource, known only at deployment',
  references: 'reads deployed resources, known only at deployment',
  resourcegroup: 'depends on the resource group deployed to',
  subscription: 'depends on the subscription deployed to',
  managementgroup: 'depends on the management group deployed to',
  tenant: 'depends on the tenant deployed to',
  deployment: 'depends on the deployment',
  environment: 'depends on the Azure cloud deployed to',
  copyindex: 'depends on the copy loop iteration',
  newguid: 'is different on every deployment',
  utcnow: 'is the time of the deployment',
  uniquestring: 'is a hash this engine does not compute',
  guid: 'is a hash this engine does not compute',
  pickzones: 'depends on the region and subscription',
  providers: 'reads the resource provider registry',
};

export function unsupportedReason(name: string, lowerName: string): string {
  if (lowerName.includes('.')) return `user-defined function ${name}() is not evaluated`;
  if (lowerName.startsWith('list')) return `${name}() reads secrets or state from a deployed resource, known only at deployment`;
  const reason = REASONS[lowerName];
  return reason ? `${name}() ${reason}` : `${name}() is not evaluated by this engine`;
}
