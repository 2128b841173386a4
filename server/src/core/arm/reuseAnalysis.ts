import type { Node } from 'jsonc-parser';
import { propertyValue } from '../json/nodes';
import { shiftSpan, shiftSpans, unmoved } from '../model/shiftSpans';
import type { Cursor } from './cursor';
import type { LoadBalancerModel, ScaleSetModel, ServiceFabricClusterModel, TemplateModel } from '../model/templateModel';
import type { Span } from '../text/span';
import type { TextChange } from '../text/textChange';
import type { Lineage } from '../model/lineage';
import { resourceNodes } from './findResources';
import { defineLazyReads, templateVmProfile } from './readScaleSet';
import type { Resolver } from './resolver';

/**
 * Analysing a new version of a template from the analysis of the old one, when the change lies inside one
 * resource of the root template's `resources`: everything outside that resource is the same text at
 * another place, so a scale set outside it reads exactly as before (same resource text, same parameters,
 * variables and functions, same child extensions: checked), and its model is carried over with its spans
 * moved instead of being read again. The resource that changed is read again, as are the load balancers,
 * Service Fabric clusters and parameters (few, and cheap). The result equals a full analysis of the new
 * text (a property test holds the two equal on edits of real templates).
 */

export interface CarryOver {
  /** Where the changed resource is in the new text. */
  readonly changed: Span;
  readonly previous: TemplateModel;
  readonly change: TextChange;
}

/**
 * The root template's resource that strictly contains the change, found in both trees (the old text's and
 * the new one's) at the same place: only then is every other part of the template the same text with the
 * same structure (a change could otherwise join two resources, or move `variables` into one). Both parses
 * must be free of errors, where the tolerant parser's tree could be shaped otherwise.
 */
export function carryOverFor(root: Node, oldRoot: Node | undefined, previous: TemplateModel, change: TextChange): CarryOver | undefined {
  if (previous.kind !== 'template' || previous.parseErrors.length > 0 || !oldRoot) return undefined;
  const now = enclosing(root, change.offset, change.offset + change.inserted);
  const before = enclosing(oldRoot, change.offset, change.offset + change.removed);
  if (!now || !before || now.offset !== before.offset || now.length - before.length !== change.inserted - change.removed) return undefined;
  return { changed: now, previous, change };
}

/** The resource of the root's `resources` whose braces strictly enclose [from, to). */
function enclosing(root: Node, from: number, to: number): Span | undefined {
  for (const node of resourceNodes(propertyValue(root, 'resources'))) {
    if (node.offset >= from) return undefined;
    if (to < node.offset + node.length) return { offset: node.offset, length: node.length };
  }
  return undefined;
}

function inside(span: Span, outer: Span): boolean {
  return span.offset >= outer.offset && span.offset + span.length <= outer.offset + outer.length;
}

/** The changed resource's span in the old text. */
function oldSpanOf(carry: CarryOver): Span {
  return { offset: carry.changed.offset, length: carry.changed.length - carry.change.inserted + carry.change.removed };
}

/** Carries scale sets over from the previous model, one found resource at a time; records where each came from. */
export class ScaleSetCarrier {
  private readonly byPath = new Map<string, number>();
  readonly origins: number[] = [];

  constructor(private readonly carry: CarryOver) {
    const oldChanged = oldSpanOf(carry);
    carry.previous.scaleSets.forEach((s, i) => {
      if (!inside(s.span, oldChanged)) this.byPath.set(pathKey(s.path), i);
    });
  }

  /**
   * The scale set at `node` (its JSON path `path`), carried over when it lies outside the changed resource
   * and has the same child extensions as before; else `read()`.
   */
  scaleSet(
    node: Node,
    path: readonly (string | number)[],
    resolver: Resolver,
    extensionNodes: readonly Node[],
    read: () => ScaleSetModel,
  ): ScaleSetModel {
    const { changed, change, previous } = this.carry;
    const origin = inside({ offset: node.offset, length: node.length }, changed) ? undefined : this.byPath.get(pathKey(path));
    const old = origin === undefined ? undefined : previous.scaleSets[origin]!;
    // The same resource text at the place it moved to (not another resource that took its path).
    const moved = old && shiftSpan(old.span, change);
    if (
      old &&
      moved!.offset === node.offset &&
      moved!.length === node.length &&
      extensionNodes.every((n) => !inside({ offset: n.offset, length: n.length }, changed)) &&
      sameChildExtensions(old, extensionNodes, change)
    ) {
      this.origins.push(origin!);
      return carried(old, change, { node }, resolver);
    }
    this.origins.push(-1);
    return read();
  }

  lineage(loadBalancers: readonly LoadBalancerModel[], clusters: readonly ServiceFabricClusterModel[]): Lineage {
    const { changed, previous, change } = this.carry;
    const oldChanged = oldSpanOf(this.carry);
    const neighbours = (list: readonly { readonly span: Span }[], within: Span) => list.some((n) => inside(n.span, within));
    return {
      from: previous,
      change,
      origins: this.origins,
      neighboursUnchanged:
        !neighbours(loadBalancers, changed) &&
        !neighbours(clusters, changed) &&
        !neighbours(previous.loadBalancers, oldChanged) &&
        !neighbours(previous.serviceFabricClusters, oldChanged),
    };
  }
}

/**
 * The old model in the new text. A scale set's spans all lie in its resource, its child-extension
 * resources and its nested deployment (a test holds this on the real templates); when none of those
 * reaches the change, or the change keeps the length, no span moves and the same object serves, its
 * lazily read parts bound to the new tree again (which reads the same text there, and lets the old tree
 * go). Otherwise it is copied with its spans moved.
 */
function carried(old: ScaleSetModel, change: TextChange, root: Cursor, resolver: Resolver): ScaleSetModel {
  const regions = [
    old.span,
    ...old.extensions.filter((e) => e.origin === 'childResource').map((e) => e.span),
    ...(old.deployment ? [old.deployment.span] : []),
  ];
  const model = regions.every((r) => unmoved(r.offset + r.length, change)) ? old : shiftSpans(old, change);
  defineLazyReads(model, root, resolver, () => templateVmProfile(root, resolver));
  return model;
}

function pathKey(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `#${p}` : `.${p}`)).join('');
}

/**
 * The child-extension resources attached to the scale set now are the ones its old model read, each where
 * it moved (and, as the caller checks, none of them in the changed resource).
 */
function sameChildExtensions(old: ScaleSetModel, nodes: readonly Node[], change: TextChange): boolean {
  const before = old.extensions.filter((e) => e.origin === 'childResource');
  if (before.length !== nodes.length) return false;
  return before.every((e, i) => {
    const moved = shiftSpan(e.span, change);
    return moved.offset === nodes[i]!.offset && moved.length === nodes[i]!.length;
  });
}
