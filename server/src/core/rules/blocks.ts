/**
 * Which findings stop an upgrade before it starts (issue 13): `deployment` when Azure rejects the template,
 * `upgrade` when the upgrade cannot run or fails at once; rules absent here block nothing. The simulator
 * reports a scale set with such a finding as Blocked (sim/simulate.ts) unless asked to run it anyway.
 * Kept apart from the rule files so the table is one place to read and review against the reference.
 */
import type { Blocks } from './ruleTypes';

export const BLOCKS: Readonly<Record<string, Blocks>> = {
  // Azure's documented rejections, each quoted in its rule's docs page.
  'aos-image-version': 'deployment',
  'aos-requires-health': 'deployment',
  'multiple-health-sources': 'deployment',
  'rolling-requires-health': 'deployment',
  'aos-windows-automatic-updates': 'deployment',
  'capacity-out-of-range': 'deployment',
  'value-out-of-range': 'deployment',
  'value-type': 'deployment',
  'invalid-enum-value': 'deployment',
  'sf-durability-mismatch': 'deployment',
  'sf-overprovision': 'deployment',
  // Not a documented rejection, but nothing can be upgraded: a managed image has no versions to roll out;
  // a Flexible scale set's probe gives rolling upgrades no health signal; a health extension that cannot
  // probe never reports healthy.
  'aos-custom-image': 'upgrade',
  'flexible-requires-health-extension': 'upgrade',
  'app-health-settings': 'upgrade',
};
