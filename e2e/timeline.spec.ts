import { expect, test, type Page } from '@playwright/test';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const axisUnit = (page: Page) => page.locator('svg.axis').getAttribute('data-unit');
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

async function windowSpan(page: Page): Promise<number> {
  const from = Date.parse(urlParam(page, 'from')!);
  const to = Date.parse(urlParam(page, 'to')!);
  return to - from;
}

test('loads the seed data: lanes, legend, status line and the Events table', async ({ page }) => {
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Armenia–Azerbaijan border clashes, September 2022');
  const timeline = page.getByRole('region', { name: /^Timeline/ });
  await expect(timeline).toBeVisible();
  await expect(page.locator('.lane-label')).toHaveText(['Clash', 'Protest', 'Ceasefire', 'Agreement', 'Statement', 'Diplomacy', 'Casualty report']);
  await expect(page.getByRole('figure', { name: 'Legend' })).toContainText('Ceasefire');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('row')).toHaveCount(17);
  await expect(table.getByRole('row').nth(1)).toContainText('5 May 1994');
  await expect(page.getByText(/^Source: Al Jazeera Arabic/)).toBeVisible();
  await expect.poll(() => axisUnit(page)).toBe('year');
});

test('zooming in with the wheel narrows the window and turns the axis to days, then hours', async ({ page }) => {
  await page.goto('./?from=2022-08-01&to=2022-11-01');
  await expect(status(page)).toHaveText(/Showing \d+ of 16 events/);
  await expect.poll(() => axisUnit(page)).toMatch(/day|month/);
  const canvas = page.locator('canvas.marks');
  const box = (await canvas.boundingBox())!;
  // The seed's September days sit near the middle of this window; zoom around them.
  const x = box.x + box.width * ((Date.UTC(2022, 8, 14) - Date.UTC(2022, 7, 1)) / (Date.UTC(2022, 10, 1) - Date.UTC(2022, 7, 1)));
  await page.mouse.move(x, box.y + 40);
  const before = await windowSpan(page);
  // Small wheel steps, noting each axis unit on the way down: months → days → hours.
  const seen: string[] = [];
  for (let i = 0; i < 40 && seen.at(-1) !== 'hour'; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(60);
    const unit = await axisUnit(page);
    if (unit && unit !== seen.at(-1)) seen.push(unit);
  }
  expect(seen).toContain('day');
  expect(seen.indexOf('hour')).toBeGreaterThan(seen.indexOf('day'));
  await expect.poll(() => windowSpan(page)).toBeLessThan(before / 10);
  await expect(page.locator('svg.axis .tick text:not([visibility="hidden"])').first()).toHaveText(/^\d{2}:\d{2}$|^\d{1,2} \w+$/);
});

test('the + and − buttons and the keyboard zoom too', async ({ page }) => {
  await page.goto('./?from=2022-09-01&to=2022-10-01');
  const span = await windowSpan(page);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => windowSpan(page)).toBeCloseTo(span / 2, -4);
  await page.getByRole('region', { name: /^Timeline/ }).focus();
  await page.keyboard.press('+');
  await expect.poll(() => windowSpan(page)).toBeCloseTo(span / 4, -4);
  await page.keyboard.press('-');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => windowSpan(page)).toBeCloseTo(span, -4);
});

test('selecting the 14 Sep 2022 ceasefire shows 20:00 local and 16:00 UTC, with its sources', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  await page.getByRole('table', { name: 'Events' }).getByRole('button', { name: /^Negotiated ceasefire takes effect/ }).click();
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(/Negotiated ceasefire takes effect/);
  await expect(details.locator('.time-local')).toHaveText('14 Sept 2022, 20:00');
  await expect(details).toContainText('Asia/Yerevan, UTC+4');
  await expect(details.locator('.time-utc')).toHaveText('14 Sept 2022, 16:00 UTC');
  await expect(details).toContainText('Precision: minute');
  await expect(details).toContainText('Original (Arabic)');
  await expect(details.getByRole('heading', { name: 'Sources' })).toBeVisible();
  const link = details.getByRole('link').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  expect(urlParam(page, 'event')).toBe('2022-09-14-ceasefire');
});

test('clicking a mark on the canvas selects it, and hovering shows a tooltip', async ({ page }) => {
  await page.goto('./?from=2022-09-14T12:00Z&to=2022-09-14T20:00Z');
  const canvas = page.locator('canvas.marks');
  const box = (await canvas.boundingBox())!;
  const lane = (await page.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!;
  const x = box.x + box.width * 0.5; // 16:00 UTC is the middle of the window
  const y = lane.y + 2 + 12; // first row of the lane
  await page.mouse.move(x, y);
  await expect(page.getByRole('tooltip')).toContainText('Negotiated ceasefire');
  await expect(page.getByRole('tooltip')).toContainText('14 Sept 2022, 20:00');
  await page.mouse.click(x, y);
  await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(/Negotiated ceasefire/);
  // The details panel narrows the plot, and the marks move: the tooltip must not stay behind.
  await expect(page.getByRole('tooltip')).toBeHidden();
});

test('the early-hours clash reads as "early hours", never as midnight', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16&event=2022-09-13-border-clash');
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details.locator('.time-local').first()).toHaveText('13 Sept 2022, early hours');
  await expect(details).toContainText('Disputed');
  await expect(details.getByText(/71|50/).first()).toBeVisible();
});

test('reloading the URL restores the view, and Back undoes a selection', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  await expect(status(page)).toHaveText(/Showing (\d+) of 16 events/);
  const shown = await status(page).textContent();
  await page.getByRole('table', { name: 'Events' }).getByRole('button', { name: /^Thousands of angry protesters/ }).click();
  await expect(page).toHaveURL(/event=2022-09-14-yerevan-protests/);
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(status(page)).toHaveText(shown!);
  await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(/Thousands of angry protesters/);
  await page.goBack();
  await expect(page).not.toHaveURL(/event=/);
  await expect(page.getByRole('complementary', { name: 'Event details' })).toHaveCount(0);
  expect(urlParam(page, 'from')).toBe('2022-09-12');
});

test('a cluster opens up when clicked', async ({ page }) => {
  await page.goto('./?from=1990-01-01&to=2026-01-01');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  const canvas = page.locator('canvas.marks');
  const box = (await canvas.boundingBox())!;
  const lane = (await page.locator('.lane-label', { hasText: 'Protest' }).boundingBox())!;
  const x = box.x + box.width * ((Date.UTC(2022, 8, 14, 12) - Date.UTC(1990, 0, 1)) / (Date.UTC(2026, 0, 1) - Date.UTC(1990, 0, 1)));
  await page.mouse.move(x, lane.y + 14);
  await expect(page.getByRole('tooltip')).toContainText('3 events');
  await page.mouse.click(x, lane.y + 14);
  await expect.poll(() => windowSpan(page)).toBeLessThan(3 * 86_400_000);
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('Protest against Pashinyan in Gyumri');
});

test('switching lanes to actors shows one lane per actor', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  await page.getByRole('radio', { name: 'Actor' }).check();
  await expect(page).toHaveURL(/lanes=actor/);
  await expect(page.locator('.lane-label').first()).toBeVisible();
  await expect(page.locator('.lane-labels')).toContainText('Government of Armenia');
});
