import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { acledCsv, acledRow } from '../src/testing/acledFixture.ts';

// What the page promises to scripts, embeds and speech-input users about names:
// - only the timeline's own label starts with "Timeline", so `[aria-label^="Timeline"]` finds it;
// - every control's accessible name contains its visible text (WCAG 2.5.3), in English and Arabic.

/** axe's rule (experimental in axe, so off unless asked for). It reads English names only. */
async function axeMismatches(page: Page) {
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: 'rule', values: ['label-content-name-mismatch'] }, rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
}

/**
 * The same rule for any language: a visible control with an aria-label and visible text (letters,
 * not only symbols such as × or ?) must have that text inside its name.
 */
async function nameMismatches(page: Page) {
  return page.evaluate(() => {
    const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleLowerCase();
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, a[href], [role="button"], [role="link"], [role="menuitem"], [role="tab"], summary')) {
      const label = el.getAttribute('aria-label');
      if (label === null || el.getClientRects().length === 0) continue;
      const visible = normal(el.innerText);
      if (!/\p{L}/u.test(visible)) continue;
      if (!normal(label).includes(visible)) out.push(`"${visible}" is not in its name "${label}"`);
    }
    return out;
  });
}

const acledFile = () =>
  Buffer.from(
    acledCsv([acledRow({ event_id_cnty: 'ARM1' }), acledRow({ event_id_cnty: 'ARM2', event_date: '31 September 2022' })], { layout: 'pre2023' }),
  );

for (const lang of ['en', 'ar'] as const) {
  test(`every control's name holds its visible text, with the menus, dialogs and report open (${lang})`, async ({ page }) => {
    await page.goto(`./?lang=${lang}&from=2022-09-12&to=2022-09-16&event=2022-09-14-ceasefire`);
    await page.locator('.lane-label').first().waitFor();
    await page.locator('.detail-panel h2').waitFor();
    const found: string[] = [];
    const check = async (where: string) => {
      for (const m of await nameMismatches(page)) found.push(`${where}: ${m}`);
      if (lang === 'en') for (const m of await axeMismatches(page)) found.push(`${where} (axe): ${m}`);
    };
    await check('main view');
    // Some filters set, so that chips show.
    await page.locator('.filter-block input[type="checkbox"]').first().uncheck();
    await check('with filter chips');
    await page.locator('.export-menu > button').click();
    await check('export menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: lang === 'en' ? 'Share' : 'مشاركة' }).click();
    await check('share dialog');
    await page.keyboard.press('Escape');
    await page.locator('.help-button').click();
    await check('keyboard help');
    await page.keyboard.press('Escape');
    await page.locator('input[type="file"]').setInputFiles({ name: 'names.csv', mimeType: 'text/csv', buffer: acledFile() });
    await page.locator('.import-report').waitFor();
    await check('import report');
    expect(found).toEqual([]);
  });
}

test('only the timeline’s own label starts with "Timeline", in the app and in an embed', async ({ page }) => {
  for (const url of ['./?from=2022-09-12&to=2022-09-16', './?embed=1&from=2022-09-12&to=2022-09-16']) {
    await page.goto(url);
    await page.locator('.lane-label').first().waitFor();
    const labelled = page.locator('[aria-label^="Timeline"]');
    await expect(labelled).toHaveCount(1);
    await expect(labelled).toHaveId('timeline');
    await expect(labelled).toHaveAttribute('aria-label', /^Timeline of events, 12 Sept 2022 to 16 Sept 2022/);
  }
  // The app's main landmark is there, under a name of its own.
  await page.goto('./');
  await expect(page.getByRole('main', { name: 'Event explorer' })).toBeVisible();
});
