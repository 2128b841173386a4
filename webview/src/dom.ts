/**
 * DOM builders. Text goes in through textContent only and attributes through setAttribute, so nothing
 * from a template is ever parsed as HTML; event-handler and style attributes are refused outright.
 */
type Child = Node | string | null | undefined | false;
export type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(node: Element, attrs: Attrs, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing attribute ${name}`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  apply(node, attrs, children);
  return node;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, attrs, children);
  return node;
}

/** A table from a header row and string cells; `caption` names it for screen readers. */
export function table(caption: string, head: readonly string[], rows: readonly (readonly string[])[], testId?: string): HTMLTableElement {
  return el(
    'table',
    { class: 'data', 'data-testid': testId },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))),
  );
}

export function clear(node: Element): void {
  while (node.firstChild) node.firstChild.remove();
}
