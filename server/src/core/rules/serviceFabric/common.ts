import type { RValue, ScaleSetModel, TemplateModel } from '../../model/templateModel';
import { asString } from '../../model/values';
import { clusterNodeType, serviceFabric, type ClusterNodeType, type ServiceFabricFacts } from '../facts';
import type { RelatedInformation } from '../ruleTypes';
import type { FactMemo } from '../facts/memo';

/** What every Service Fabric rule starts from: the scale set's SF extension and, when in this template, its cluster node type. */
export interface SfContext {
  readonly sf: ServiceFabricFacts;
  readonly nodeType: ClusterNodeType | undefined;
  /** The node type's name for messages: nodeTypeRef, else the scale set's name. */
  readonly nodeTypeName: string;
}

/** Undefined when the scale set has no Service Fabric extension or it cannot be told. */
export function sfContext(model: TemplateModel, scaleSet: ScaleSetModel, facts: FactMemo): SfContext | undefined {
  const sf = serviceFabric(scaleSet, facts);
  if (!sf || sf === 'unknown') return undefined;
  return { sf, nodeType: clusterNodeType(model, sf), nodeTypeName: asString(sf.nodeTypeRef?.value) ?? scaleSet.displayName };
}

export function extensionRelated(ctx: SfContext): RelatedInformation {
  return { span: ctx.sf.extension.span, message: 'The Service Fabric extension.' };
}

export function nodeTypeRelated(ctx: SfContext, what: string, value?: RValue): RelatedInformation[] {
  if (!ctx.nodeType) return [];
  return [
    {
      span: value && value.kind !== 'null' ? value.span : ctx.nodeType.nodeType.span,
      message: `The cluster's node type "${ctx.nodeTypeName}"${what}.`,
    },
  ];
}
