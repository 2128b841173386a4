import type { CompletionItem, CompletionList, Position, TextEdit } from 'vscode-languageserver-types';
import {
  humaniseDuration,
  parseIsoDuration,
  POLICY_OBJECTS,
  SUGGESTED_DURATIONS,
  SUGGESTED_PERCENTS,
  type PolicyObjectId,
  type PolicyProperty,
} from '../catalog';
import type { CompletionOptions, CompletionSyntax, CursorContext, CursorDocument, PathSegment } from '../languageTypes';
import { authoredMarkdown } from '../text/markdown';
import {
  allowedInApiVersion,
  apiVersionOf,
  policyObjectAt,
  policyPropertyAt,
  propertyDetail,
  propertyDocumentation,
} from './catalogContext';
import { blockSnippets, extensionSnippets, snippetDocumentation, type BlockSnippet } from './snippets';

// LSP enum values, written out so the engine imports only types.
const KIND = { Property: 10, Value: 12, Snippet: 15 } as const;
const SNIPPET_FORMAT = 2;

/**
 * Completion inside a scale set's `properties`, its upgrade policy objects and its extensions list:
 * property names allowed by the resource's apiVersion, values, and whole-block snippets. What to offer is
 * decided here for every format; the document's front end says where the cursor is and how items are
 * spelled (JSON: quoted keys, commas; Bicep: bare keys, single quotes, no commas).
 */
export function doComplete(doc: CursorDocument, position: Position, options: CompletionOptions = {}): CompletionList {
  const offset = doc.lines.offsetAt(position);
  const context = doc.frontEnd.cursorContext(doc, offset);
  const items = context ? new Builder(doc, offset, context, doc.frontEnd.completion).items() : [];
  return { isIncomplete: false, items: options.propertyNames === false ? items.filter((i) => i.kind !== KIND.Property) : items };
}

class Builder {
  constructor(
    private readonly doc: CursorDocument,
    private readonly offset: number,
    private readonly context: CursorContext,
    private readonly syntax: CompletionSyntax,
  ) {}

  items(): CompletionItem[] {
    const { path, isKey } = this.context;
    const apiVersion = apiVersionOf(this.context.scaleSet);
    if (isKey) {
      const objectPath = path.slice(0, -1);
      const present = this.syntax.presentKeys(this.doc, this.offset, this.context);
      if (objectPath.length === 1 && String(objectPath[0]).toLowerCase() === 'properties') {
        const snippets = this.snippetItems(blockSnippets('properties', apiVersion), present);
        const catalog = this.catalogItems('scaleSetProperties', apiVersion, present);
        const items = snippets.concat(catalog);
        return this.syntax.offersUpgradePolicyKey && !present.has('upgradepolicy') ? items.concat([this.upgradePolicyItem()]) : items;
      }
      const objectId = policyObjectAt(objectPath);
      if (!objectId) return [];
      return this.catalogItems(objectId, apiVersion, present).concat(this.snippetItems(blockSnippets(objectId, apiVersion), present));
    }
    const last = path[path.length - 1];
    if (
      typeof last === 'number' &&
      isExtensionsArray(path.slice(0, -1)) &&
      (this.syntax.extensionSnippetsReplaceTokens || !this.context.replace)
    ) {
      return this.snippetItems(extensionSnippets(), new Set());
    }
    const found = policyPropertyAt(path);
    return found ? this.valueItems(found.property) : [];
  }

  /** The object's catalog properties that this apiVersion has and the object does not set yet. */
  private catalogItems(objectId: PolicyObjectId, apiVersion: string | undefined, present: Set<string>): CompletionItem[] {
    return POLICY_OBJECTS[objectId].properties
      .filter((p) => allowedInApiVersion(p, apiVersion) && !present.has(p.name.toLowerCase()))
      .map((p) => this.propertyItem(p));
  }

  private edit(text: string): TextEdit {
    const { replace } = this.context;
    const start = replace?.offset ?? this.offset;
    const end = replace ? replace.offset + replace.length : this.offset;
    return { range: { start: this.doc.lines.positionAt(start), end: this.doc.lines.positionAt(end) }, newText: text };
  }

  private withCommas(text: string): string {
    return `${this.context.needsCommaBefore ? ',' : ''}${text}${this.context.needsCommaAfter ? ',' : ''}`;
  }

  /** A property's snippet after the key: a placeholder of the catalog's default, or the enum's choices. */
  private valueSnippet(property: PolicyProperty): string {
    const q = this.syntax.quote;
    switch (property.type) {
      case 'boolean':
        return `\${1|${property.default === true ? 'true,false' : 'false,true'}|}`;
      case 'integer':
        return `\${1:${property.default ?? property.minimum ?? 0}}`;
      case 'enum':
        return `${q}\${1|${(property.enumValues ?? []).join(',')}|}${q}`;
      case 'duration':
        return `${q}\${1:${property.default ?? 'PT0S'}}${q}`;
      case 'object':
        return '{\n\t$0\n}';
      case 'array':
        return '[\n\t$0\n]';
      default:
        return `${q}$1${q}`;
    }
  }

  private propertyItem(property: PolicyProperty): CompletionItem {
    const filterText = this.syntax.propertyFilterText(property.name);
    return {
      label: property.name,
      kind: KIND.Property,
      detail: propertyDetail(property),
      documentation: { kind: 'markdown', value: propertyDocumentation(property) },
      ...(filterText === undefined ? {} : { filterText }),
      insertTextFormat: SNIPPET_FORMAT,
      textEdit: this.edit(this.withCommas(`${this.syntax.key(property.name)}: ${this.valueSnippet(property)}`)),
      ...(property.removedIn ? { tags: [1] } : {}),
    };
  }

  /** `upgradePolicy` itself, in a scale set's `properties` that has none. */
  private upgradePolicyItem(): CompletionItem {
    const name = 'upgradePolicy';
    const object = POLICY_OBJECTS.upgradePolicy;
    const filterText = this.syntax.propertyFilterText(name);
    return {
      label: name,
      kind: KIND.Property,
      detail: 'object · Manual, Automatic or Rolling',
      documentation: { kind: 'markdown', value: authoredMarkdown(`${object.description}\n\n[Azure documentation](${object.docs})`) },
      ...(filterText === undefined ? {} : { filterText }),
      insertTextFormat: SNIPPET_FORMAT,
      textEdit: this.edit(this.withCommas(`${this.syntax.key(name)}: {\n\t$0\n}`)),
      ...(object.properties[0]!.removedIn ? { tags: [1] } : {}),
    };
  }

  private snippetItems(snippets: readonly BlockSnippet[], present: Set<string>): CompletionItem[] {
    const { context, syntax } = this;
    return snippets
      .filter((s) => !s.property || !present.has(s.property.toLowerCase()))
      .map((s, i) => {
        const body = syntax.snippetBody(s.body);
        return {
          label: s.label,
          kind: KIND.Snippet,
          detail: s.property ? `snippet: ${syntax.key(s.property)}` : 'snippet',
          documentation: { kind: 'markdown', value: snippetDocumentation(s.description, body, syntax.snippetLanguage) },
          filterText: s.property ? syntax.key(s.property) : s.label,
          sortText: `~${i}`,
          insertTextFormat: SNIPPET_FORMAT,
          textEdit: this.edit(context.isKey ? this.withCommas(body) : body + (context.needsCommaAfter ? ',' : '')),
        };
      });
  }

  private valueItems(property: PolicyProperty): CompletionItem[] {
    const { context, syntax } = this;
    const values: { text: string; label: string; detail: string }[] = [];
    const isDefault = (v: unknown) => (property.default === v ? ' (default)' : '');
    const apiVersion = apiVersionOf(context.scaleSet);
    switch (property.type) {
      case 'enum':
        for (const v of property.enumValues ?? []) {
          const since = property.enumValueSince?.[v];
          if (since && !allowedInApiVersion({ since }, apiVersion)) continue;
          values.push({ text: syntax.stringLiteral(v), label: v, detail: `${property.name}${isDefault(v)}` });
        }
        break;
      case 'boolean':
        for (const v of [true, false]) values.push({ text: String(v), label: String(v), detail: `${property.name}${isDefault(v)}` });
        break;
      case 'duration':
        for (const [v, words] of durationChoices(property))
          values.push({ text: syntax.stringLiteral(v), label: v, detail: `${words}${isDefault(v)}` });
        break;
      case 'integer':
        // Percent suggestions only where the property is a percentage.
        if (!/percent/i.test(property.name) && property.name !== 'value') break;
        for (const v of SUGGESTED_PERCENTS) {
          if ((property.minimum !== undefined && v < property.minimum) || (property.maximum !== undefined && v > property.maximum))
            continue;
          values.push({ text: String(v), label: String(v), detail: `${v} %${isDefault(v)}` });
        }
        break;
      default:
        break;
    }
    const onLiteral = syntax.filterValuesOnLiteral === 'always' || context.replace !== undefined;
    return values.map((v, i) => ({
      label: v.label,
      kind: KIND.Value,
      detail: v.detail,
      filterText: onLiteral ? v.text : v.label,
      sortText: String(i).padStart(3, '0'),
      textEdit: this.edit(v.text + (context.needsCommaAfter ? ',' : '')),
    }));
  }
}

/** The suggested durations inside the property's stated range, with the range's ends (the catalog's own words). */
function durationChoices(property: PolicyProperty): readonly (readonly [string, string])[] {
  const seconds = (d: string | undefined) => (d === undefined ? undefined : (parseIsoDuration(d) as { seconds?: number }).seconds);
  const min = seconds(property.minimumDuration);
  const max = seconds(property.maximumDuration);
  if (min === undefined && max === undefined) return SUGGESTED_DURATIONS;
  const inRange = (d: string) => {
    const s = seconds(d);
    return s !== undefined && (min === undefined || s >= min) && (max === undefined || s <= max);
  };
  const ends = [property.minimumDuration, property.maximumDuration].filter((d): d is string => d !== undefined);
  const out: (readonly [string, string])[] = SUGGESTED_DURATIONS.filter(([d]) => inRange(d));
  for (const end of ends) if (!out.some(([d]) => d === end)) out.push([end, humaniseDuration(end) ?? end]);
  return out;
}

function isExtensionsArray(path: readonly PathSegment[]): boolean {
  const names = ['properties', 'virtualMachineProfile', 'extensionProfile', 'extensions'];
  return path.length === names.length && names.every((n, i) => String(path[i]).toLowerCase() === n.toLowerCase());
}
