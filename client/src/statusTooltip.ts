import type { ScaleSetInfo } from '../../server/src/protocol';
import { authoredMarkdown, code, escapeText, md, type Markdown } from '../../server/src/core/text/markdown';

/** Which parameters file feeds the template, as the status bar says it. */
export type ParametersUse = { readonly how: 'chosen' | 'found'; readonly path: string } | { readonly how: 'none' };

/**
 * The status bar item's tooltip (markdown): each scale set with its size and policy summary, and the
 * parameters file. Names, summaries and paths come from the template and the workspace, so they go in
 * through the markup-safe helpers; the MarkdownString it fills keeps HTML, icons and commands off.
 */
export function statusTooltip(
  scaleSets: readonly Pick<ScaleSetInfo, 'name' | 'capacity' | 'summary'>[],
  parameters: ParametersUse,
): Markdown {
  const lines: Markdown[] = [md`**VMSS Upgrade Policy**`, md``];
  for (const s of scaleSets) {
    const capacity = `${s.capacity.count} instance${s.capacity.count === 1 ? '' : 's'}${s.capacity.known ? '' : ' (assumed)'}`;
    lines.push(md`- ${code(s.name)} · ${escapeText(capacity)}: ${escapeText(s.summary)}`);
  }
  const file =
    parameters.how === 'none'
      ? authoredMarkdown(
          'none found beside the template (`<name>.parameters.json`, `azuredeploy.parameters.json` or a `.bicepparam`); parameter defaults are used',
        )
      : md`${code(parameters.path)} (${escapeText(parameters.how === 'chosen' ? 'chosen' : 'found beside the template')})`;
  lines.push(md``, md`Parameters file: ${file}`, md``, md`Click to select another.`);
  return lines.join('\n') as Markdown;
}
