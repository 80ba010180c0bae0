import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// axe-core finds no serious or critical violation of WCAG 2.1 A and AA (and best practices) in the
// views a reader meets: the full app, an event's details, an embed, the Arabic UI, the dark theme
// and the keyboard-shortcuts dialog.

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const views: [string, string, string][] = [
  ['the normal view', './?from=2022-09-12&to=2022-09-16', '.lane-label'],
  ['an event’s details', './?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire', '.detail-panel h2'],
  ['an embed', './?embed=1&from=2022-09-12&to=2022-09-16&event=2022-09-14-ceasefire', '.detail-panel h2'],
  ['the Arabic UI', './?lang=ar&from=2022-09-12&to=2022-09-16&event=2022-09-14-ceasefire', '.detail-panel h2'],
  ['the dark theme', './?theme=dark&from=2022-09-12&to=2022-09-16&event=2022-09-14-ceasefire', '.detail-panel h2'],
];

for (const [name, url, ready] of views) {
  test(`axe finds no serious or critical violation in ${name}`, async ({ page }) => {
    await page.goto(url);
    await page.locator(ready).first().waitFor();
    await page.locator('.lane-label').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe finds no serious or critical violation in the keyboard-shortcuts dialog, in Arabic', async ({ page }) => {
  await page.goto('./?lang=ar');
  await page.locator('.lane-label').first().waitFor();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
