// Layout measured before the bundled Noto fonts arrive is the fallback font's layout (DejaVu Sans
// here, wider), which wraps the phone's toolbar and pushes the timeline 75 px lower. Tests that
// measure where things sit wait for the fonts first, as a reader's eye would.
import { expect, type Page } from '@playwright/test';

/** Waits until the page's first text is laid out in the bundled fonts, and one frame drawn with them. */
export async function fontsLoaded(page: Page): Promise<void> {
  await expect(page.locator('.lane-label').first()).toBeVisible();
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
}

/** Opens the app at `url` and waits for its fonts. */
export async function openWithFonts(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await fontsLoaded(page);
}
