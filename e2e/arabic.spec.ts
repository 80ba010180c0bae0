import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import seed from '../data/seed.json' with { type: 'json' };

test('the Arabic UI: right to left, mirrored, translated controls, Arabic dates and titles', async ({ page }) => {
  await page.goto('./?lang=ar&from=2022-09-12&to=2022-09-16');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  // Translated controls, found by their Arabic names.
  await expect(page.getByRole('button', { name: 'تكبير', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'تصغير', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'عرض الكل' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'مشاركة' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'تصدير' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'نوع الحدث' })).toBeChecked();
  await expect(page.getByRole('searchbox', { name: 'البحث في الأحداث' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'عوامل التصفية' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'الأحداث', exact: true })).toBeVisible();
  const twelve = await page.evaluate(() => [new Intl.NumberFormat('ar').format(12), new Intl.NumberFormat('ar').format(16)]);
  await expect(page.getByRole('status').filter({ hasText: /^الأحداث المعروضة/ })).toHaveText(`الأحداث المعروضة: ${twelve[0]} من ${twelve[1]}`);
  await expect(page.locator('.lane-label')).toHaveText(['اشتباك', 'احتجاج', 'وقف إطلاق النار', 'اتفاق', 'تصريح', 'دبلوماسية', 'حصيلة ضحايا']);
  const table = page.getByRole('table', { name: 'الأحداث' });
  await expect(table.getByRole('columnheader')).toHaveText(['التاريخ', 'النوع', 'العنوان', 'الجهات']);
  // Event text in Arabic, where the data has it; dates with Arabic month names.
  const ceasefireRow = table.getByRole('row').filter({ hasText: 'وقف إطلاق النار يدخل حيز التنفيذ' });
  await expect(ceasefireRow).toContainText('14 سبتمبر 2022');
  await expect(page.getByRole('region', { name: /^الخط الزمني للأحداث، من .*سبتمبر/ })).toBeVisible();

  // The layout is mirrored: filters on the right, lane names to the right of the marks...
  const filters = (await page.getByRole('complementary', { name: 'عوامل التصفية' }).boundingBox())!;
  const plot = (await page.locator('canvas.marks').boundingBox())!;
  const laneNames = (await page.locator('.lane-labels').boundingBox())!;
  expect(filters.x).toBeGreaterThan(plot.x + plot.width);
  expect(laneNames.x).toBeGreaterThanOrEqual(plot.x + plot.width - 1);
  // ...and time still runs from left to right: 13 Sep is left of 14 Sep on the axis.
  const tick = async (label: string) => (await page.locator('svg.axis .tick', { hasText: label }).first().boundingBox())!.x;
  expect(await tick('13 سبتمبر')).toBeLessThan(await tick('14 سبتمبر'));

  // Mixed text keeps its order: the Arabic page shows the English source name inside Arabic words.
  await expect(page.getByText(/^المصدر: Al Jazeera Arabic/)).toBeVisible();
  await page.screenshot({ path: 'test-results/arabic-ui.png' });

  // The details, in Arabic.
  await ceasefireRow.getByRole('button').click();
  const details = page.getByRole('complementary', { name: 'تفاصيل الحدث' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(/^وقف إطلاق النار يدخل حيز التنفيذ/);
  await expect(details.getByRole('heading', { name: 'المصادر' })).toBeVisible();
  await expect(details).toContainText('بالتوقيت المحلي (Asia/Yerevan, UTC+4)');
  await page.screenshot({ path: 'test-results/arabic-ui-detail.png' });

  // The permalink keeps the language.
  await page.getByRole('button', { name: 'مشاركة' }).click();
  await expect(page.getByRole('textbox', { name: 'رابط هذا العرض' })).toHaveValue(/[?&]lang=ar&/);
  const share = page.getByRole('dialog', { name: 'مشاركة هذا العرض' });
  await share.getByRole('button', { name: 'إغلاق' }).click();
  await expect(share).toBeHidden();

  // Switching to English turns the page around and writes lang=en into the address.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('button', { name: 'Show all' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  expect(new URL(page.url()).searchParams.get('event')).toBe('2022-09-14-ceasefire');
});

test('without lang, the browser’s language chooses', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ar-EG' });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('button', { name: 'عرض الكل' })).toBeVisible();
  await context.close();
});

test('an Arabic embed is right to left, and its link to the full view keeps the language', async ({ page }) => {
  await page.goto('./?embed=1&lang=ar&from=2022-09-12&to=2022-09-16');
  await expect(page.locator('.lane-label').first()).toHaveText('اشتباك');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: /فتح في العرض الكامل/ })).toHaveAttribute('href', /[?&]lang=ar&/);
});

test('in Arabic the overview strip sits under the plot, as in English, at desktop and tablet widths', async ({ page }) => {
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./?lang=ar&from=2022-09-12&to=2022-09-16');
    await page.locator('.lane-label').first().waitFor();
    const plot = (await page.locator('.timeline-plot').boundingBox())!;
    const overview = (await page.locator('.overview').boundingBox())!;
    expect(Math.abs(overview.x - plot.x)).toBeLessThan(2);
    expect(Math.abs(overview.x + overview.width - (plot.x + plot.width))).toBeLessThan(2);
  }
});

test('Export CSV in Arabic writes the Arabic texts, and the app opens that file again', async ({ page }) => {
  await page.goto('./?lang=ar');
  await page.getByRole('button', { name: 'تصدير', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير CSV' }).click();
  const csv = readFileSync((await (await download).path())!);
  const rows = Papa.parse<Record<string, string>>(csv.toString('utf8').replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data;
  const ceasefire = rows.find((r) => r.id === '2022-09-14-ceasefire')!;
  const arabic = seed.events.find((e) => e.id === '2022-09-14-ceasefire')!.title.ar!;
  expect(ceasefire).toMatchObject({ title: arabic, title_language: 'ar' });
  expect(ceasefire.actors).toMatch(/[\u0600-\u06ff]/);

  await page.getByLabel('فتح ملف بيانات').setInputFiles({ name: 'events-ar.csv', mimeType: 'text/csv', buffer: csv });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events from events-ar.csv');
  await expect(page.getByRole('table', { name: 'الأحداث' })).toContainText(arabic);
});
