import { SERVICE_FABRIC_EXTENSION } from '../../catalog';
import type { RValue } from '../../model/templateModel';
import { asBoolean, asString } from '../../model/values';
import { scaleSetRule } from '../defineRule';
import { automaticOsUpgrade, isEditable } from '../facts';
import type { Fix } from '../ruleTypes';
import { clip, originRelated, originSentence, showValue } from '../valueOrigin';
import { joinSentences } from '../messageText';
import { extensionRelated, nodeTypeRelated, sfContext } from './common';

/** Durability and extension-version rules for Service Fabric node types (reference §3.5 #30, #31; S4, S15). */

/** "1.0" → [1, 0]; undefined when not a dotted version. */
function parseVersion(text: string | undefined): [number, number] | undefined {
  const match = text === undefined ? null : /^\s*(\d+)(?:\.(\d+))?/.exec(text);
  return match ? [Number(match[1]), Number(match[2] ?? 0)] : undefined;
}

const versionText = (value: RValue | undefined) => (value?.kind === 'number' ? String(value.value) : asString(value));

export const SF_DURABILITY = scaleSetRule({
  id: 'sf-durability',
  defaultSeverity: 'error',
  title: 'Service Fabric Bronze durability with automatic OS upgrade',
  description:
    'Automatic OS image upgrade on a Service Fabric node type needs durability Silver or Gold; Bronze is allowed only for stateless-only node types.',
  check: ({ model, scaleSet, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    const aos = automaticOsUpgrade(scaleSet, facts);
    if (!ctx || aos.value !== true || !aos.property) return [];
    const durability = ctx.sf.durability;
    if (durability.value !== 'Bronze' || !durability.property) return [];
    const stateless = ctx.nodeType?.nodeType.isStateless;
    if (stateless?.kind === 'unknown' || asBoolean(stateless) === true) return [];
    const where = ctx.nodeType
      ? `The cluster's node type "${ctx.nodeTypeName}" is not stateless-only (isStateless is ${stateless && stateless.kind !== 'null' ? showValue(stateless) : 'not set, so false'}).`
      : `The cluster is not in this template; unless node type "${ctx.nodeTypeName}" is stateless-only (isStateless: true), this is not allowed.`;
    return [
      {
        message: `Service Fabric node type "${clip(ctx.nodeTypeName)}" has durability Bronze, but automatic OS upgrade needs Silver or Gold unless the node type is stateless-only.`,
        details: {
          explanation: joinSentences(
            originSentence(durability.property.value),
            'Automatic OS upgrades on Service Fabric need durability Silver or Gold, so that Service Fabric can hold an upgrade until its replicas are safe; Bronze is allowed only for stateless-only node types.',
            where,
            "Use Silver or Gold in both the extension and the cluster's node type (with at least 5 instances), or turn automatic OS upgrade off.",
          ),
          sources: ['S4', 'S15'],
        },
        span: durability.property.value.span,
        related: [
          ...originRelated(model, durability.property.value),
          { span: aos.property.value.span, message: 'Automatic OS upgrade is turned on here.' },
          ...nodeTypeRelated(ctx, ' (isStateless)', stateless),
        ],
      },
    ];
  },
});

export const SF_EXTENSION_VERSION = scaleSetRule({
  id: 'sf-extension-version',
  defaultSeverity: 'error',
  title: 'Service Fabric extension too old for automatic OS upgrade',
  description:
    "Automatic OS image upgrade on a Service Fabric node type needs the Service Fabric extension's typeHandlerVersion 1.1 or newer.",
  check: ({ model, scaleSet, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    const aos = automaticOsUpgrade(scaleSet, facts);
    if (!ctx || aos.value !== true || !aos.property) return [];
    const version = ctx.sf.extension.typeHandlerVersion;
    const parsed = parseVersion(versionText(version));
    const minimum = parseVersion(SERVICE_FABRIC_EXTENSION.aosMinimumTypeHandlerVersion)!;
    if (!version || !parsed || parsed[0] > minimum[0] || (parsed[0] === minimum[0] && parsed[1] >= minimum[1])) return [];
    const fixes: Fix[] = isEditable(version)
      ? [
          {
            title: `Change to "${SERVICE_FABRIC_EXTENSION.aosMinimumTypeHandlerVersion}"`,
            edits: [{ kind: 'replaceValue', span: version.span, newValue: SERVICE_FABRIC_EXTENSION.aosMinimumTypeHandlerVersion }],
            isPreferred: true,
          },
        ]
      : [];
    return [
      {
        message: `The Service Fabric extension has typeHandlerVersion ${showValue(version)}, but automatic OS upgrade on Service Fabric needs ${SERVICE_FABRIC_EXTENSION.aosMinimumTypeHandlerVersion} or newer.`,
        details: {
          explanation: joinSentences(
            originSentence(version),
            `Node type "${ctx.nodeTypeName}": older versions of the extension do not coordinate OS upgrades with the cluster. Use typeHandlerVersion "${SERVICE_FABRIC_EXTENSION.aosMinimumTypeHandlerVersion}".`,
          ),
          sources: ['S4', 'S15'],
        },
        span: version.span,
        related: [{ span: aos.property.value.span, message: 'Automatic OS upgrade is turned on here.' }, ...originRelated(model, version)],
        fixes,
      },
    ];
  },
});

export const SF_DURABILITY_MISMATCH = scaleSetRule({
  id: 'sf-durability-mismatch',
  defaultSeverity: 'error',
  title: 'Service Fabric durability differs from the cluster',
  description:
    "The Service Fabric extension's durabilityLevel differs from the durabilityLevel of the node type it joins in the cluster resource of the same template.",
  check: ({ model, scaleSet, facts }) => {
    const ctx = sfContext(model, scaleSet, facts);
    if (!ctx?.nodeType) return [];
    const ours = ctx.sf.durability;
    const theirs = ctx.nodeType.nodeType.durabilityLevel;
    const theirsText = asString(theirs);
    if (ours.value === 'unknown' || !ours.property || theirsText === undefined || theirsText.toLowerCase() === ours.value.toLowerCase())
      return [];
    const fixes: Fix[] = [];
    if (isEditable(ours.property.value))
      fixes.push({
        title: `Use the cluster's durability "${theirsText}" in the extension`,
        edits: [{ kind: 'replaceValue', span: ours.property.value.span, newValue: theirsText }],
        isPreferred: true,
      });
    if (isEditable(theirs))
      fixes.push({
        title: `Change the cluster's node type to "${ours.value}"`,
        edits: [{ kind: 'replaceValue', span: theirs.span, newValue: ours.value }],
      });
    return [
      {
        message: `The Service Fabric extension sets durabilityLevel ${ours.value}, but the cluster's node type "${clip(ctx.nodeTypeName)}" has ${clip(theirsText)}, so Service Fabric rejects it.`,
        details: {
          explanation: joinSentences(
            originSentence(ours.property.value),
            theirs ? originSentence(theirs) : '',
            'The durability of the extension and of the cluster node type must match. Set the same level in both places.',
          ),
          azureError: `Durability Mismatch Detected for NodeType ${ctx.nodeTypeName}. VMSS Durability ${ours.value} does not match the current SFRP NodeType durability level ${theirsText}`,
          sources: ['S4', 'S15'],
        },
        span: ours.property.value.span,
        related: [
          ...nodeTypeRelated(ctx, ' durabilityLevel', theirs),
          extensionRelated(ctx),
          ...originRelated(model, ours.property.value),
          ...(theirs ? originRelated(model, theirs) : []),
        ],
        fixes,
      },
    ];
  },
});
