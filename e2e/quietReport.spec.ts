import { expect, test, type Page } from '@playwright/test';
import { acledCsv, acledRow } from '../src/testing/acledFixture.ts';

// After a file opens, its report is one quiet line when nothing was rejected, and the rest is a
// click away. Rejected rows are always named, and the new data's timeline stays in the first screen.

async function openFile(page: Page, name: string, csv: string) {
  await page.getByLabel('Open data file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

const timelineTop = async (page: Page) => (await page.locator('#timeline').boundingBox())!.y;

test.use({ viewport: { width: 1400, height: 900 } });

test('a clean file: the report is one line with Details; the full report opens on demand and closes', async ({ page }) => {
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  await openFile(page, 'clean.csv', acledCsv([acledRow(), acledRow({ event_id_cnty: 'ARM101', event_date: '14 September 2022' }), acledRow({ event_id_cnty: 'ARM102', location: ' Jermuk ' })], { layout: 'pre2023', hxl: true }));
  const report = page.getByRole('region', { name: 'Import report: clean.csv' });
  const gist = report.locator('.report-gist');
  await expect(gist).toHaveText('ACLED CSV (pre-2023 layout) · 3 events imported');
  // One line: nothing but the head, and no list or count is shown until asked for.
  const box = (await report.boundingBox())!;
  expect(box.height).toBeLessThan(60);
  await expect(report.getByRole('region', { name: 'Fixes' })).toHaveCount(0);
  await expect(report.getByRole('button', { name: 'Download report (CSV)' })).toHaveCount(0);
  expect(await timelineTop(page)).toBeLessThan(450);

  const details = report.getByRole('button', { name: 'Details' });
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.click();
  await expect(report.getByRole('button', { name: 'Hide details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(report).toContainText('3 rows read: 3 imported (1 fixed), 0 rejected.');
  await expect(report.getByRole('region', { name: 'Fixes' })).toContainText('location " Jermuk " had spaces around it, which were trimmed');
  await expect(report.getByRole('region', { name: 'Notes' })).toContainText('is an HXL hashtag row');
  await expect(report.getByRole('button', { name: 'Download report (CSV)' })).toBeVisible();
  await report.getByRole('button', { name: 'Hide details' }).click();
  await expect(report.getByRole('region', { name: 'Fixes' })).toHaveCount(0);

  // A new file's report starts quiet again.
  await details.click();
  await openFile(page, 'clean-again.csv', acledCsv([acledRow()], { layout: 'pre2023' }));
  const again = page.getByRole('region', { name: 'Import report: clean-again.csv' });
  await expect(again.locator('.report-gist')).toHaveText('ACLED CSV (pre-2023 layout) · 1 event imported');
  await expect(again.getByRole('button', { name: 'Details' })).toHaveAttribute('aria-expanded', 'false');
});

test('rejected rows are counted and named at once, and the timeline of the new data stays in the first screen', async ({ page }) => {
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  const bad = Array.from({ length: 40 }, (_, i) => acledRow({ event_id_cnty: `ARM${200 + i}`, event_date: '31 September 2022' }));
  await openFile(page, 'with-bad-rows.csv', acledCsv([acledRow(), ...bad, acledRow({ event_id_cnty: 'ARM101' })], { layout: 'pre2023' }));
  const report = page.getByRole('region', { name: 'Import report: with-bad-rows.csv' });
  await expect(report.locator('.report-gist')).toHaveText('ACLED CSV (pre-2023 layout) · 2 events imported · 40 rows rejected');
  const rejected = report.getByRole('region', { name: 'Rejected rows' });
  await expect(rejected).toBeVisible();
  await expect(rejected).toContainText('(40)');
  await expect(rejected.getByRole('listitem').first()).toContainText('event_date "31 September 2022" is not a date');
  await expect(rejected.getByRole('listitem').first()).toBeVisible();
  await expect(report.getByRole('button', { name: 'Download report (CSV)' })).toBeVisible();
  // The kept-files panel shows too; the timeline still starts in the top half of the screen.
  await expect(page.getByRole('region', { name: 'Kept in this browser' })).toBeVisible();
  expect(await timelineTop(page)).toBeLessThan(450);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText('Showing 2 of 2 events');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('after a file with a rejected row opens, the report, the kept files and the timeline all start in the first screen, with nothing wider than it', async ({ page }) => {
    await page.goto('./');
    await page.locator('.lane-label').first().waitFor();
    await openFile(page, 'a-rather-long-file-name-from-the-field.csv', acledCsv([acledRow(), acledRow({ event_id_cnty: 'ARM101', event_date: '31 September 2022' })], { layout: 'pre2023' }));
    const report = page.getByRole('region', { name: 'Import report: a-rather-long-file-name-from-the-field.csv' });
    await expect(report.getByRole('region', { name: 'Rejected rows' })).toContainText('row 3: event_date "31 September 2022" is not a date');
    await expect(page.getByRole('region', { name: 'Kept in this browser' })).toBeVisible();
    // At least the first lane of the timeline shows without scrolling.
    expect(await timelineTop(page)).toBeLessThan(844 - 150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
