import type { ScopeEntry } from '../expressions/scope';
import { formatResourceId } from '../expressions/resourceIds';
import { Unknown, type EvalResult, type EvalValue } from '../expressions/index';
import { MAX_REFERENCE_DEPTH, referenceTooDeep, type SuppliedParameter } from '../arm/templateScope';
import { evaluateBicep, type BicepNames, type Locals } from './evaluate';
import type { BicepFile, Expr, ObjectExpr, ParamDecl, ResourceDecl, VarDecl } from './syntax';

/** One `resource` declaration with what it takes from its parent (nested or `parent:`). */
export interface ResourceEntry {
  readonly decl: ResourceDecl;
  /** The full type, e.g. Microsoft.Compute/virtualMachineScaleSets/extensions (a nested `'extensions'` gets its parent's prefix). */
  readonly fullType: string;
  readonly parent: ResourceEntry | undefined;
  readonly body: ResourceBody;
}

/** A resource or module body: the object, and the `if` condition or `for` loop around it. */
export interface ResourceBody {
  readonly object: ObjectExpr | undefined;
  readonly condition: Expr | undefined;
  readonly loop: Extract<Expr, { kind: 'for' }> | undefined;
}

export function resourceBody(body: Expr): ResourceBody {
  let condition: Expr | undefined;
  let loop: Extract<Expr, { kind: 'for' }> | undefined;
  let at = body;
  if (at.kind === 'for') {
    loop = at;
    at = at.body;
  }
  if (at.kind === 'if') {
    condition = at.condition;
    at = at.body;
  }
  return { object: at.kind === 'object' ? at : undefined, condition, loop };
}

export function findProperty(object: ObjectExpr | undefined, name: string): Expr | undefined {
  let found: Expr | undefined;
  for (const prop of object?.properties ?? []) if (!prop.spread && prop.key.toLowerCase() === name.toLowerCase()) found = prop.value;
  return found;
}

/**
 * The names a Bicep file's expressions see: parameters (supplied value, else default, else unknown),
 * variables (evaluated once, on first use; a cycle ends in an unknown) and resource symbols.
 */
export class BicepScope implements BicepNames {
  readonly params = new Map<string, ParamDecl>();
  private readonly vars = new Map<string, VarDecl>();
  private readonly resources = new Map<string, ResourceEntry>();
  private readonly modules = new Set<string>();
  private readonly cache = new Map<string, ScopeEntry>();
  private readonly inProgress = new Set<string>();

  constructor(
    file: BicepFile,
    readonly text: string,
    private readonly supplied: ReadonlyMap<string, SuppliedParameter>,
  ) {
    const pending: ResourceDecl[] = [];
    for (const s of file.statements) {
      if (s.kind === 'param') this.params.set(s.name, s);
      else if (s.kind === 'var') this.vars.set(s.name, s);
      else if (s.kind === 'module') this.modules.add(s.name);
      else if (s.kind === 'resource') pending.push(s);
    }
    // `parent:` may name a resource declared further down: enter top-level symbols twice, then children.
    for (let pass = 0; pass < 2; pass++) for (const decl of pending) this.resources.set(decl.name, this.entry(decl, undefined));
    const queue: [ResourceDecl, ResourceEntry][] = [];
    for (const decl of pending)
      for (const child of this.resources.get(decl.name)!.body.object?.resources ?? []) queue.push([child, this.resources.get(decl.name)!]);
    for (let i = 0; i < queue.length && i < 10_000; i++) {
      const [decl, lexicalParent] = queue[i]!;
      const entry = this.entry(decl, lexicalParent);
      this.resources.set(decl.name, entry);
      for (const child of entry.body.object?.resources ?? []) queue.push([child, entry]);
    }
  }

  private entry(decl: ResourceDecl, lexicalParent: ResourceEntry | undefined): ResourceEntry {
    const body = resourceBody(decl.body);
    const parentRef = findProperty(body.object, 'parent');
    const parent = lexicalParent ?? (parentRef?.kind === 'identifier' ? this.resources.get(parentRef.name) : undefined);
    const fullType = parent && !decl.type.includes('/') ? `${parent.fullType}/${decl.type}` : decl.type;
    return { decl, fullType, parent, body };
  }

  allResources(): ResourceEntry[] {
    return [...this.resources.values()];
  }

  evaluate(expr: Expr, locals?: Locals): EvalResult {
    return evaluateBicep(expr, this.text, this, locals);
  }

  parameter(name: string): ScopeEntry | undefined {
    const decl = this.params.get(name);
    const supplied = this.supplied.get(name.toLowerCase());
    if (!decl && !supplied) return undefined;
    return this.cached(`p:${name}`, () => {
      if (supplied) return { value: supplied.value, source: supplied.source };
      if (decl?.defaultValue) {
        const result = this.evaluate(decl.defaultValue);
        return { value: result.value, source: result.source === 'unknown' ? 'unknown' : 'default' };
      }
      // An optional parameter (`string?`) without a value is null.
      if (decl?.type?.endsWith('?')) return { value: null, source: 'default' };
      return { value: new Unknown(name, `parameter '${name}' has no default and no value was supplied`), source: 'unknown' };
    });
  }

  variable(name: string): ScopeEntry | undefined {
    const decl = this.vars.get(name);
    if (!decl) return undefined;
    return this.cached(`v:${name}`, () => {
      const result = this.evaluate(decl.value);
      return { value: result.value, source: result.source === 'literal' ? 'variable' : result.source };
    });
  }

  isSymbol(name: string): boolean {
    return this.resources.has(name) || this.modules.has(name);
  }

  resourceMember(symbol: string, member: string): EvalValue | undefined {
    const entry = this.resources.get(symbol);
    if (!entry) return undefined;
    switch (member) {
      case 'id':
        return this.resourceId(entry);
      case 'name':
        return this.nameOf(entry);
      case 'type':
        return entry.fullType;
      case 'apiVersion':
        return entry.decl.apiVersion ?? new Unknown(symbol, 'the resource has no API version');
      default:
        return undefined;
    }
  }

  private nameOf(entry: ResourceEntry): EvalValue {
    if (entry.body.loop) return new Unknown(entry.decl.name, 'a resource in a loop has one name per iteration');
    const nameExpr = findProperty(entry.body.object, 'name');
    return nameExpr ? this.evaluate(nameExpr).value : new Unknown(entry.decl.name, 'the resource has no name');
  }

  /** The canonical id resourceId() would give: names of the parent chain, then this one's. */
  private resourceId(entry: ResourceEntry): EvalValue {
    const names: string[] = [];
    for (let at: ResourceEntry | undefined = entry; at && names.length < 32; at = at.parent) {
      const name = this.nameOf(at);
      if (typeof name !== 'string')
        return name instanceof Unknown ? name : new Unknown(entry.decl.name, 'the resource name is not a string');
      names.unshift(name);
    }
    const id = formatResourceId([entry.fullType, ...names]);
    return typeof id === 'string' ? id : new Unknown(`${entry.decl.name}.id`, id.error);
  }

  private cached(key: string, compute: () => ScopeEntry): ScopeEntry {
    const hit = this.cache.get(key);
    if (hit) return hit;
    if (this.inProgress.has(key))
      return { value: new Unknown(key.slice(2), `'${key.slice(2)}' refers to itself (a cycle)`), source: 'unknown' };
    // Each name evaluated inside another's value nests the evaluation: a chain of references is bounded.
    if (this.inProgress.size >= MAX_REFERENCE_DEPTH) return { value: new Unknown(key.slice(2), referenceTooDeep()), source: 'unknown' };
    this.inProgress.add(key);
    try {
      const entry = compute();
      this.cache.set(key, entry);
      return entry;
    } finally {
      this.inProgress.delete(key);
    }
  }
}
