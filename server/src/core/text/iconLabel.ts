/**
 * Plain-text labels that VS Code renders with its theme icons: a CodeLens title, a status-bar text, a
 * quick-pick label turn `$(name)` (and `$(name~spin)`) into an icon, and show `\$(name)` as the text
 * `$(name)` (renderLabelWithIcons). Text from a template or a file name goes into such a label through
 * `escapeIcons`, so it shows as written.
 */
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

export function escapeIcons(text: string): string {
  return text.replace(ICON, '\\$&');
}
