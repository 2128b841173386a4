import type { Page } from 'playwright-core';

/**
 * The text of the upgrade preview: VS Code nests a webview's document in two iframes; this finds the
 * frame that holds the preview's root and returns its text, or undefined while there is none.
 */
export async function previewText(page: Page): Promise<string | undefined> {
  for (const frame of page.frames()) {
    if (!frame.url().includes('vscode-webview') && !frame.url().includes('fake.html')) continue;
    try {
      const text = await frame.evaluate(() => document.body?.innerText ?? '');
      if (text.trim().length > 0 && /scale set|batch/i.test(text)) return text;
    } catch {
      // The frame navigated or went away while we looked: try the others.
    }
  }
  return undefined;
}
