import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT } from '../../helpers/lspClient';

/** How the harness edits and checks a document: JSON (with comments) or Bicep (also .bicepparam). */
export type Format = 'json' | 'bicep';

/** One real document the mutations start from. */
export interface Seed {
  /** Path from the repository root, which a reproducer names. */
  readonly source: string;
  readonly name: string;
  readonly text: string;
  readonly format: Format;
  /** Language ids an editor may give it (VS Code, ARM Tools, the Bicep extension). */
  readonly languageIds: readonly string[];
  /** A parameters file for it among the seeds (`<stem>.parameters.json`), or a .bicepparam written for it. */
  readonly companion?: { readonly name: string; readonly text: string; readonly languageId: string };
}

/** Where the real documents live: public templates kept byte for byte, the Bicep fixtures, the examples. */
export const SEED_FOLDERS = ['test/fixtures/real-templates', 'test/fixtures/bicep', 'test/fixtures/lsp', 'examples'] as const;

let cached: Seed[] | undefined;

/** Every JSON and Bicep document of the seed folders, in a stable order (so a seed means the same everywhere). */
export function loadSeeds(): readonly Seed[] {
  if (cached) return cached;
  const seeds: Seed[] = [];
  for (const folder of SEED_FOLDERS) {
    const names = readdirSync(join(ROOT, folder))
      .filter((n) => /\.(json|bicep|bicepparam)$/i.test(n))
      .sort();
    for (const name of names) {
      const text = readFileSync(join(ROOT, folder, name), 'utf8');
      const format: Format = /\.json$/i.test(name) ? 'json' : 'bicep';
      const stem = name.replace(/\.(json|bicep)$/i, '');
      const parameters = `${stem}.parameters.json`;
      const companion =
        names.includes(parameters) && !/\.parameters\.json$/i.test(name)
          ? { name: parameters, text: readFileSync(join(ROOT, folder, parameters), 'utf8'), languageId: 'json' }
          : format === 'bicep' && !name.endsWith('.bicepparam')
            ? bicepParamFor(name, text)
            : undefined;
      seeds.push({
        source: `${folder}/${name}`,
        name,
        text,
        format,
        languageIds: format === 'json' ? ['json', 'jsonc', 'arm-template'] : ['bicep'],
        ...(companion ? { companion } : {}),
      });
    }
  }
  // No .bicepparam file exists among the fixtures: the ones written for the Bicep templates are seeds too.
  for (const seed of [...seeds]) {
    if (seed.format === 'bicep' && seed.companion)
      seeds.push({
        source: `${seed.source} (its .bicepparam)`,
        name: seed.companion.name,
        text: seed.companion.text,
        format: 'bicep',
        languageIds: ['bicepparam', 'bicep', 'plaintext'],
      });
  }
  cached = seeds;
  return seeds;
}

/**
 * A .bicepparam file for a Bicep template: `using` it, then one assignment per parameter that has a
 * default (its default as the value) and a capacity-like one for the rest, so parameters reach the model.
 */
function bicepParamFor(name: string, text: string): Seed['companion'] {
  const lines = [`using './${basename(name)}'`, ''];
  for (const m of text.matchAll(/^param\s+([A-Za-z_]\w*)\s+(\w+)(?:\s*=\s*(.+))?$/gm)) {
    const [, param, type, value] = m;
    const fallback = type === 'int' ? '3' : type === 'bool' ? 'true' : type === 'string' ? `'x'` : undefined;
    const written = value?.trim() || fallback;
    if (written && !written.endsWith('{') && !written.endsWith('[')) lines.push(`param ${param} = ${written}`);
  }
  return lines.length > 2
    ? { name: name.replace(/\.bicep$/i, '.bicepparam'), text: `${lines.join('\n')}\n`, languageId: 'bicepparam' }
    : undefined;
}
