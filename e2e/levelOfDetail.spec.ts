// Zoomed out over many events, busy lanes show their density; zooming in brings back one mark per event.
import { test, expect, type Page } from '@playwright/test';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const shown = async (page: Page) => Number((await status(page).textContent())!.match(/^Showing ([\d,]+)/)![1]!.replace(/,/g, ''));

test('5,000 events: busy lanes draw densities with a count on hover, and a click zooms into them', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Open data file').setInputFiles({ name: 'acled-5000.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(generatedAcledRows(5000))) });
  await expect(status(page)).toHaveText('Showing 5,000 of 5,000 events');
  await page.getByRole('button', { name: 'Close report' }).click();

  const canvas = page.locator('canvas.marks');
  const box = (await canvas.boundingBox())!;
  const firstLane = page.locator('.lane-label').first();
  const laneName = (await firstLane.textContent())!.trim();
  const lane = (await firstLane.boundingBox())!;
  // Low in the lane, where the bars rise from the floor, in the middle of the data.
  let x = box.x + box.width * 0.5;
  const y = lane.y + lane.height - 6;
  let tooltip = '';
  for (let i = 0; i < 20 && !/events? ·/.test(tooltip); i++, x += 3) {
    await page.mouse.move(x, y);
    tooltip = (await page.getByRole('tooltip').textContent({ timeout: 200 }).catch(() => '')) ?? '';
  }
  expect(tooltip).toMatch(new RegExp(`^\\d+ events? · ${laneName}`));
  expect(tooltip).toContain('Click to zoom in here');

  const before = await shown(page);
  await page.mouse.click(x, y);
  await expect.poll(() => shown(page)).toBeLessThan(before / 10);

  // The exported image draws the same densities when zoomed out.
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(status(page)).toHaveText('Showing 5,000 of 5,000 events');
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svg = await (await downloading).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(svg).toMatch(/[\d,]+ events here · zoom in to see each/);
});
