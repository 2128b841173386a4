/**
 * Scale sets for the advisor's tests, as template text through the facade (the model the CLI and the editor
 * read), built from a few knobs.
 */
import fc from 'fast-check';
import { getLanguageService } from '../../../../server/src/core/languageService';
import type { ScaleSetModel } from '../../../../server/src/core/model/templateModel';

const ls = getLanguageService();

export interface ScaleSetKnobs {
  readonly capacity?: number;
  readonly zones?: readonly string[];
  readonly mode?: 'Rolling' | 'Automatic' | 'Manual';
  readonly apiVersion?: string;
  readonly orchestrationMode?: 'Uniform' | 'Flexible';
  readonly policy?: Readonly<Record<string, number | string | boolean>>;
  readonly aos?: {
    readonly enableAutomaticOSUpgrade: boolean;
    readonly useRollingUpgradePolicy?: boolean;
    readonly disableAutomaticRollback?: boolean;
  };
  /** A Service Fabric node type of this durability. */
  readonly serviceFabric?: string;
}

export function templateText(k: ScaleSetKnobs = {}): string {
  const extensions: unknown[] = [
    {
      name: 'health',
      properties: {
        publisher: 'Microsoft.ManagedServices',
        type: 'ApplicationHealthLinux',
        typeHandlerVersion: '2.0',
        settings: { protocol: 'http', port: 80, requestPath: '/health' },
      },
    },
  ];
  if (k.serviceFabric)
    extensions.push({
      name: 'sf',
      properties: {
        publisher: 'Microsoft.Azure.ServiceFabric',
        type: 'ServiceFabricLinuxNode',
        typeHandlerVersion: '1.1',
        settings: { durabilityLevel: k.serviceFabric, nodeTypeRef: 'nt1' },
      },
    });
  const resource = {
    type: 'Microsoft.Compute/virtualMachineScaleSets',
    apiVersion: k.apiVersion ?? '2024-07-01',
    name: 'web',
    location: 'westeurope',
    sku: { name: 'Standard_D2s_v5', capacity: k.capacity ?? 10 },
    ...(k.zones && k.zones.length > 0 ? { zones: k.zones } : {}),
    properties: {
      orchestrationMode: k.orchestrationMode ?? 'Uniform',
      upgradePolicy: {
        mode: k.mode ?? 'Rolling',
        ...(k.policy ? { rollingUpgradePolicy: k.policy } : {}),
        ...(k.aos ? { automaticOSUpgradePolicy: k.aos } : {}),
      },
      virtualMachineProfile: { extensionProfile: { extensions } },
    },
  };
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [resource],
    },
    null,
    2,
  );
}

export function scaleSetOf(k: ScaleSetKnobs = {}): ScaleSetModel {
  return ls.createDocument('advisor.json', undefined, templateText(k)).model.scaleSets[0]!;
}

const percent = (min: number) => fc.integer({ min, max: 100 });

/** Random rolling scale sets: capacity, zones, policy values, trigger, apiVersion, orchestration. */
export const knobsArb: fc.Arbitrary<ScaleSetKnobs> = fc.record({
  capacity: fc.integer({ min: 1, max: 60 }),
  zones: fc.constantFrom<readonly string[]>([], ['1'], ['1', '2'], ['1', '2', '3']),
  mode: fc.constant('Rolling' as const),
  apiVersion: fc.constantFrom('2020-06-01', '2021-03-01', '2022-11-01', '2024-07-01'),
  orchestrationMode: fc.constantFrom('Uniform' as const, 'Flexible' as const),
  policy: fc.record({
    maxBatchInstancePercent: percent(5),
    maxUnhealthyInstancePercent: percent(5),
    maxUnhealthyUpgradedInstancePercent: percent(0),
    pauseTimeBetweenBatches: fc.constantFrom('PT0S', 'PT1M', 'PT5M'),
  }),
  aos: fc.option(
    fc.record({
      enableAutomaticOSUpgrade: fc.constant(true),
      useRollingUpgradePolicy: fc.boolean(),
      disableAutomaticRollback: fc.boolean(),
    }),
    { nil: undefined },
  ),
});
