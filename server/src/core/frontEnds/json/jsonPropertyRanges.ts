/**
 * Where each upgrade-policy property sits in the template text, so "reveal" can select the exact property
 * behind a gate or a policy value. Reads the JSON under the scale set's `upgradePolicy` key (the server
 * gives its range); property names match case-insensitively, as ARM does. No vscode import: unit-tested.
 */
import { getNodeValue, parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { boundJsonDepth } from '../../json/depthGuard';
import type { Range } from '../../text/span';

const POLICY_PROPERTIES = [
  'mode',
  'rollingUpgradePolicy',
  'automaticOSUpgradePolicy',
  'maxBatchInstancePercent',
  'maxUnhealthyInstancePercent',
  'maxUnhealthyUpgradedInstancePercent',
  'pauseTimeBetweenBatches',
  'enableCrossZoneUpgrade',
  'prioritizeUnhealthyInstances',
  'rollbackFailedInstancesOnPolicyBreach',
  'maxSurge',
  'enableAutomaticOSUpgrade',
  'disableAutomaticRollback',
  'useRollingUpgradePolicy',
];
const CANONICAL = new Map(POLICY_PROPERTIES.map((p) => [p.toLowerCase(), p]));

export function propertyRanges(
  text: string,
  upgradePolicyOffset: number,
  rangeAt: (start: number, end: number) => Range,
): Record<string, Range> {
  const out: Record<string, Range> = {};
  // Depth-bounded (same length, same offsets): parseTree and the walks below recurse per nesting level.
  const root = parseTree(boundJsonDepth(text).text, [], { allowTrailingComma: true });
  if (!root) return out;
  const key = nodeAt(root, upgradePolicyOffset);
  const property = key?.parent?.type === 'property' ? key.parent : undefined;
  const value = property?.children?.[1];
  if (!value || value.type !== 'object') return out;
  const walk = (obj: Node) => {
    for (const p of obj.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      const name = CANONICAL.get(String(getNodeValue(k)).toLowerCase());
      if (name) out[name] = rangeAt(p.offset, p.offset + p.length);
      if (v.type === 'object') walk(v);
    }
  };
  walk(value);
  return out;
}

/** The innermost node containing `offset` (jsonc-parser's findNodeAtOffset, inclusive of the start). */
function nodeAt(node: Node, offset: number): Node | undefined {
  if (offset < node.offset || offset >= node.offset + node.length) return undefined;
  for (const child of node.children ?? []) {
    const hit = nodeAt(child, offset);
    if (hit) return hit;
  }
  return node;
}
