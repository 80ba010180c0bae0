// The area filter (bbox=) and lanes by place, on the seed: its Yerevan events sit at 40.1811°N,
// 44.5136°E; the rest are in Gyumri, Jermuk, Stepanakert, Baku, Bishkek or have no coordinates.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import seed from '../data/seed.json' with { type: 'json' };

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const laneMode = (page: Page, name: string) => page.getByRole('group', { name: 'Lanes by' }).getByRole('radio', { name, exact: true });
const YEREVAN_BBOX = '44.3,40.05,44.7,40.3';
const CHIP = 'Area: 40.05–40.30°N, 44.30–44.70°E';

type SeedPlace = { lat?: number; lon?: number };
const yerevanIds = seed.events.filter((e) => {
  const p = e.place as SeedPlace | undefined;
  return p?.lat !== undefined && p.lon !== undefined && p.lon >= 44.3 && p.lon <= 44.7 && p.lat >= 40.05 && p.lat <= 40.3;
}).map((e) => e.id);

test('bbox= narrows N to the events in the box; the chip removes it; reload restores it; Back removes it', async ({ page }) => {
  expect(yerevanIds).toHaveLength(5);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.goto(`./?bbox=${YEREVAN_BBOX}`);
  await expect(status(page)).toHaveText('Showing 5 of 16 events');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table).toContainText('Yerevan');
  await expect(table).not.toContainText('Gyumri');

  const chip = page.getByRole('button', { name: `Remove filter ${CHIP}` });
  await expect(chip).toBeVisible();
  // Said to screen readers too, in a polite live region (a box drawn on the map moves no focus).
  await expect(page.locator('p.visually-hidden[aria-live="polite"]').filter({ hasText: /^Area:/ })).toHaveText(CHIP);
  await page.reload();
  await expect(status(page)).toHaveText('Showing 5 of 16 events');
  await chip.click();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  expect(param(page, 'bbox')).toBeNull();
  await expect(chip).toHaveCount(0);

  // Back brings the area back (the chip's removal was a history entry), and Back again before it too.
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 5 of 16 events');
  expect(param(page, 'bbox')).toBe(YEREVAN_BBOX);
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  expect(param(page, 'bbox')).toBeNull();
});

test('the area combines with the other filters, and "Clear all" removes it with them', async ({ page }) => {
  await page.goto(`./?bbox=${YEREVAN_BBOX}&types=protest`);
  const expected = seed.events.filter((e) => yerevanIds.includes(e.id) && e.type === 'protest').length;
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(5);
  await expect(status(page)).toHaveText(`Showing ${expected} of 16 events`);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  expect(param(page, 'bbox')).toBeNull();
});

test('an invalid bbox gives a notice naming it and is ignored; the rest of the link applies', async ({ page }) => {
  await page.goto('./?bbox=45,40,44,41&types=protest');
  const notice = page.locator('.notice');
  await expect(notice).toContainText('Ignored from the link: bbox "45,40,44,41" must have west less than east');
  const protests = seed.events.filter((e) => e.type === 'protest').length;
  await expect(status(page)).toHaveText(`Showing ${protests} of 16 events`);
  await expect(page.getByRole('button', { name: /^Remove filter Area/ })).toHaveCount(0);

  await page.goto('./?bbox=44,abc,45,41');
  await expect(page.locator('.notice')).toContainText('bbox "44,abc,45,41" must be four numbers: west,south,east,north');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
});

test('lanes by place: one lane per admin area or country, in the lane toggle and the URL', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  await laneMode(page, 'Place').check();
  await expect(page).toHaveURL(/lanes=place/);
  const labels = page.locator('.lane-labels .lane-label');
  // The seed's places name no administrative area: a lane per country of the events in view.
  await expect(labels.first()).toBeVisible();
  const texts = await labels.allTextContents();
  expect(texts).toContain('Armenia');
  expect(texts).toContain('Azerbaijan');
  expect(texts).not.toContain('Event type');
  await page.reload();
  await expect(laneMode(page, 'Place')).toBeChecked();
  await expect(labels.filter({ hasText: 'Armenia' })).toHaveCount(1);
  await page.goBack();
  await expect(laneMode(page, 'Event type')).toBeChecked();
});

test('lanes by place in Arabic name the countries in Arabic', async ({ page }) => {
  await page.goto('./?lanes=place&lang=ar');
  const labels = page.locator('.lane-labels .lane-label');
  await expect(labels.first()).toBeVisible();
  expect(await labels.allTextContents()).toContain(new Intl.DisplayNames(['ar'], { type: 'region' }).of('AM'));
});

test('Export GeoJSON: the filtered events as a FeatureCollection, with their coordinates', async ({ page }) => {
  await page.goto(`./?bbox=${YEREVAN_BBOX}`);
  await expect(status(page)).toHaveText('Showing 5 of 16 events');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export GeoJSON' }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toMatch(/\.geojson$/);
  const geo = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(geo.type).toBe('FeatureCollection');
  expect(geo.features.map((f: { id: string }) => f.id).sort()).toEqual([...yerevanIds].sort());
  for (const f of geo.features) {
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [44.5136, 40.1811] });
    expect(f.properties.country).toBe('ARM');
  }

  // Without the area: every event, those without coordinates with a null geometry.
  await page.goto('./');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const all = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export GeoJSON' }).click();
  const whole = JSON.parse(readFileSync((await (await all).path())!, 'utf8'));
  expect(whole.features).toHaveLength(16);
  const unlocated = seed.events.filter((e) => (e.place as SeedPlace | undefined)?.lat === undefined).map((e) => e.id).sort();
  expect(whole.features.filter((f: { geometry: unknown }) => f.geometry === null).map((f: { id: string }) => f.id).sort()).toEqual(unlocated);
});

for (const lang of ['en', 'ar']) {
  test(`axe finds no serious or critical violation with the area chip and lanes by place (${lang})`, async ({ page }) => {
    await page.goto(`./?lang=${lang}&lanes=place&bbox=${YEREVAN_BBOX}&from=2022-09-12&to=2022-09-16`);
    await page.locator('.chip').first().waitFor();
    await page.locator('.lane-label').first().waitFor();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
}
