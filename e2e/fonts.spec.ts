import { expect, test } from '@playwright/test';

// The Latin fonts come with the page (a preload in index.html), not after its CSS is read: until
// they come, text is laid out in the system's wider font, and the toolbar could wrap a row more.

test('the Latin fonts are fetched once each, as the page asks for them, and used', async ({ page }) => {
  const warnings: string[] = [];
  page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
  await page.goto('./');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => /noto-sans-latin-(400|600)-normal-.*\.woff2$/.test(entry.name))
      .map((entry) => ({ file: entry.name.replace(/.*\/noto-sans-latin-(\d+)-normal-.*/, '$1'), by: (entry as PerformanceResourceTiming).initiatorType }));
  });
  // Asked for by the preload link (not by the CSS), and not fetched a second time.
  expect(fonts.sort((a, b) => a.file.localeCompare(b.file))).toEqual([
    { file: '400', by: 'link' },
    { file: '600', by: 'link' },
  ]);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"'))).toBe(true);
  // Chromium warns a few seconds after the load when a preloaded file goes unused.
  await page.waitForTimeout(3500);
  expect(warnings.filter((text) => /preload/i.test(text))).toEqual([]);
});
