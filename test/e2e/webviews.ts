import type { Page } from 'playwright-core';

/**
 * The text of the upgrade preview: VS Code nests a webview's document in two iframes; this finds the
 * frame that holds the preview's root and returns its text, or undefined while there is none.
 */
export function previewText(page: Page): Promise<string | undefined> {
  return webviewText(page, /scale set|batch/i);
}

/** The text of the first webview whose content matches `pattern`, or undefined. */
export async function webviewText(page: Page, pattern: RegExp): Promise<string | undefined> {
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    try {
      const text = await frame.evaluate(() => document.body?.innerText ?? '');
      if (pattern.test(text)) return text;
    } catch {
      // The frame navigated or went away while we looked: try the others.
    }
  }
  return undefined;
}
