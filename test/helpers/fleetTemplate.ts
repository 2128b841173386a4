// A template past the server's large-document thresholds (analysis reused from the previous version, answers
// carried through edits) made of a real one, for the protocol tests of editing large documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lspClient';

/**
 * The real template's scale set copied 30 times (renamed, rolling), and a long variable (`fillerLength`
 * characters) that takes it past 1 MB.
 */
export function fleet(fillerLength = 1_050_000): string {
  const base = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/real-templates/qs-multi-vmss-linux-lb-zones.json'), 'utf8')) as {
    variables: Record<string, unknown>;
    resources: { type: string; name: string; properties: Record<string, unknown> }[];
  };
  const vmss = base.resources.find((r) => r.type === 'Microsoft.Compute/virtualMachineScaleSets')!;
  const copies = Array.from({ length: 30 }, (_, i) => ({
    ...vmss,
    name: `fleet-${i}`,
    properties: {
      ...vmss.properties,
      upgradePolicy: {
        mode: 'Rolling',
        rollingUpgradePolicy: { maxBatchInstancePercent: 20 + i, maxUnhealthyInstancePercent: 40, pauseTimeBetweenBatches: 'PT0S' },
      },
    },
  }));
  return JSON.stringify(
    { ...base, variables: { ...base.variables, filler: 'x'.repeat(fillerLength) }, resources: [...base.resources, ...copies] },
    null,
    2,
  );
}
