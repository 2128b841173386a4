import { loadSeeds, type Seed } from './corpus';
import { PAYLOAD_MUTATORS } from './payloadMutators';
import { Rng } from './rng';
import { TEXT_MUTATORS, type Mutator } from './textMutators';

/**
 * Builds fuzz case `index` of a campaign from its seed alone: a real document, a few mutations of it, an
 * optional parameters file beside it, and the requests and edits a user's editor would send. Offsets in
 * steps are raw numbers taken modulo the document's length when run, so a case stays meaningful while
 * the shrinker cuts the document down.
 */
export interface OpenDocument {
  readonly uri: string;
  readonly languageId: string;
  readonly text: string;
}

export type Step =
  | { readonly op: 'diagnostics' }
  | { readonly op: 'hover'; readonly at: number }
  | { readonly op: 'completion'; readonly at: number; readonly trigger?: string }
  /** Code actions over a diagnostic's range (by index in the last pull) or a range of the text; their fixes are resolved and checked. */
  | { readonly op: 'codeAction'; readonly diagnostic?: number; readonly at?: number; readonly length?: number }
  | { readonly op: 'codeLens' }
  | { readonly op: 'inlayHint'; readonly at: number; readonly length: number }
  | { readonly op: 'symbols' }
  | { readonly op: 'scaleSets' }
  /** The preview's advisor: vmssUpgrade/advise on a scale set (by index), then policyEdit of one evaluated policy, checked as a fix. */
  | { readonly op: 'advise'; readonly scaleSet: number; readonly pick: number; readonly failureRate?: number }
  | { readonly op: 'edit'; readonly at: number; readonly deleteLength: number; readonly text: string }
  /** vmssUpgrade/setParametersFile: the companion as the template's parameters, or back to automatic. */
  | { readonly op: 'parameters'; readonly link: boolean }
  /** A request cancelled as soon as it is sent (VS Code cancels stale ones all the time). */
  | { readonly op: 'cancel'; readonly method: 'hover' | 'completion' | 'codeLens' | 'inlayHint' | 'diagnostics'; readonly at: number };

export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  readonly source: string;
  readonly mutations: readonly string[];
  readonly document: OpenDocument;
  readonly companion?: OpenDocument;
  readonly steps: readonly Step[];
}

const MUTATORS: Readonly<Record<string, Mutator>> = { ...TEXT_MUTATORS, ...PAYLOAD_MUTATORS };
const MUTATION_WEIGHTS: readonly (readonly [number, string])[] = [
  [6, 'truncate'],
  [8, 'deleteRange'],
  [6, 'duplicateRange'],
  [8, 'bracketSwap'],
  [4, 'controlCharacters'],
  [4, 'loneSurrogates'],
  [5, 'lineEndings'],
  [4, 'garbage'],
  [3, 'donorSplice'],
  [6, 'halfTyped'],
  [5, 'deepNesting'],
  [3, 'hugeString'],
  [8, 'hugeNumber'],
  [5, 'cyclicVariables'],
  [5, 'deepExpression'],
  [6, 'markupPayload'],
  [12, 'policyGraft'],
  [10, 'valueSwap'],
  [5, 'keyCase'],
  [1, 'manyScaleSets'],
];
/** Past this size a document takes no further mutations (some make megabytes already). */
const MAX_TEXT = 4_000_000;

const EDIT_TEXTS = [
  '"',
  ':',
  ',',
  '{',
  '}',
  '[',
  ']',
  ' ',
  '\n',
  '\r\n',
  '\t',
  'a',
  '1',
  "'",
  '//',
  '/*',
  '*/',
  '"mode": "Rolling",',
  '"maxBatchInstancePercent": 20',
  "mode: 'Rolling'\n",
  '"rollingUpgradePolicy": {}',
  '"[parameters(\'',
  '${',
  '"upgradePolicy": { "mode": "Automatic" },',
  '\\',
  '\u0000',
  '\ud800',
  '`',
];
const TRIGGERS = ['"', ':', ' '];

export function generateCase(seed: number, index: number): FuzzCase {
  const rng = Rng.forItem(seed, index);
  const seeds = loadSeeds();
  const base = rng.pick(seeds);
  const donors = seeds.map((s) => s.text);
  const mutations: string[] = [];
  let text = base.text;
  const count = rng.weighted([
    [10, 0],
    [40, 1],
    [30, 2],
    [15, 3],
    [5, rng.int(4, 6)],
  ]);
  for (let i = 0; i < count && text.length <= MAX_TEXT; i++) {
    const name = rng.weighted(MUTATION_WEIGHTS);
    mutations.push(name);
    text = MUTATORS[name]!(text, rng, { format: base.format, donors });
  }
  const folder = `file:///tmp/vmss-fuzz/${seed}-${index}`;
  const document = { uri: `${folder}/${base.name}`, languageId: rng.pick(base.languageIds), text };
  const companion = base.companion && rng.chance(0.4) ? companionOf(base, folder, rng, donors) : undefined;
  return {
    seed,
    index,
    source: base.source,
    mutations,
    document,
    ...(companion ? { companion } : {}),
    steps: steps(rng, text.length, companion !== undefined),
  };
}

function companionOf(base: Seed, folder: string, rng: Rng, donors: readonly string[]): OpenDocument {
  const c = base.companion!;
  let text = c.text;
  if (rng.chance(0.5)) {
    const name = rng.pick(['hugeNumber', 'valueSwap', 'cyclicVariables', 'markupPayload', 'bracketSwap', 'truncate', 'deepNesting']);
    text = MUTATORS[name]!(text, rng, { format: /\.json$/i.test(c.name) ? 'json' : 'bicep', donors });
  }
  return { uri: `${folder}/${c.name}`, languageId: c.languageId, text };
}

/** What VS Code sends on opening a file (outline, lenses, hints for the viewport, diagnostics), then a user's session. */
function steps(rng: Rng, length: number, companion: boolean): Step[] {
  const raw = () => rng.int(0, 0x7fffffff);
  const out: Step[] = [{ op: 'symbols' }, { op: 'codeLens' }, { op: 'inlayHint', at: 0, length: 4_000 }, { op: 'diagnostics' }];
  if (companion) out.push({ op: 'parameters', link: true }, { op: 'diagnostics' });
  const n = rng.logInt(4, 40);
  for (let i = 0; i < n; i++) {
    const op = rng.weighted([
      [10, 'hover'],
      [10, 'completion'],
      [12, 'codeActionDiagnostic'],
      [4, 'codeActionRange'],
      [3, 'codeLens'],
      [3, 'inlayHint'],
      [2, 'symbols'],
      [2, 'scaleSets'],
      [1, 'advise'],
      [8, 'edit'],
      [4, 'diagnostics'],
      [companion ? 1 : 0, 'parameters'],
      [2, 'cancel'],
    ] as const);
    switch (op) {
      case 'hover':
        out.push({ op, at: raw() });
        break;
      case 'completion':
        out.push(rng.chance(0.3) ? { op, at: raw(), trigger: rng.pick(TRIGGERS) } : { op, at: raw() });
        break;
      case 'codeActionDiagnostic':
        out.push({ op: 'codeAction', diagnostic: rng.int(0, 1_000) });
        break;
      case 'codeActionRange':
        out.push({ op: 'codeAction', at: raw(), length: rng.logInt(1, Math.max(2, length)) });
        break;
      case 'inlayHint':
        out.push({ op, at: raw(), length: rng.logInt(1, Math.max(2, length)) });
        break;
      case 'edit': {
        const text = rng.chance(0.2) ? 'x'.repeat(rng.logInt(1, 20_000)) : rng.pick(EDIT_TEXTS);
        out.push({ op, at: raw(), deleteLength: rng.chance(0.5) ? 0 : rng.logInt(1, 200), text });
        out.push({ op: 'diagnostics' });
        break;
      }
      case 'parameters':
        out.push({ op, link: rng.chance(0.7) });
        break;
      case 'advise':
        out.push({
          op,
          scaleSet: rng.int(0, 20),
          pick: rng.int(0, 1_000),
          ...(rng.chance(0.3) ? { failureRate: rng.int(0, 20) / 100 } : {}),
        });
        break;
      case 'cancel':
        out.push({ op, method: rng.pick(['hover', 'completion', 'codeLens', 'inlayHint', 'diagnostics'] as const), at: raw() });
        break;
      default:
        out.push({ op });
    }
  }
  return out;
}
