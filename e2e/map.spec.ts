// The map panel (issue #24): where each event happened, linked to the timeline and the details,
// with the view in the URL, an area drawn with Shift+drag, and nothing fetched from other origins.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';

const APP = `http://127.0.0.1:${Number(process.env.E2E_PORT) || 4173}/`;
const SEPTEMBER = 'from=2022-09-12&to=2022-09-17';
const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const mapPanel = (page: Page) => page.getByRole('region', { name: /^Map of events/ });

// Web Mercator in world units, written out again here: the test must not trust the app's own code.
const worldX = (lon: number) => (lon + 180) / 360;
const worldY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** Where (lon, lat) should be on the page, for the map view in the URL. */
async function pagePoint(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const [cLon, cLat, zoom] = new URL(page.url()).searchParams.get('map')!.split(',').map(Number) as [number, number, number];
  const box = (await page.locator('.map-canvas').boundingBox())!;
  const px = 256 * 2 ** zoom;
  return { x: box.x + box.width / 2 + (worldX(lon) - worldX(cLon)) * px, y: box.y + box.height / 2 + (worldY(lat) - worldY(cLat)) * px };
}

async function mapReady(page: Page) {
  await expect(mapPanel(page)).toBeVisible();
  await expect(page.locator('#map-count')).toHaveText(/events? on the map in view/);
}

function urlBox(page: Page) {
  const bbox = new URL(page.url()).searchParams.get('bbox');
  if (!bbox) return null;
  const [west, south, east, north] = bbox.split(',').map(Number) as [number, number, number, number];
  return { west, south, east, north, has: (lon: number, lat: number) => lon >= west && lon <= east && lat >= south && lat <= north };
}

test('the map is hidden until the Map button shows it; Back hides it again', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}`);
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  await expect(page.locator('.map-panel')).toHaveCount(0);
  const toggle = page.getByRole('button', { name: 'Map', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await mapReady(page);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // It opens on the events in the window (the Caucasus, not Bishkek) and says so in the URL.
  const [lon, lat, zoom] = new URL(page.url()).searchParams.get('map')!.split(',').map(Number) as [number, number, number];
  expect(lon).toBeGreaterThan(43.8);
  expect(lon).toBeLessThan(49.9);
  expect(lat).toBeGreaterThan(39.8);
  expect(lat).toBeLessThan(40.8);
  expect(zoom).toBeGreaterThanOrEqual(5);
  await expect(page.locator('#map-count')).toHaveText('9 events on the map in view (3 in the window without coordinates)');
  await page.goBack();
  await expect(page.locator('.map-panel')).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.goForward();
  await mapReady(page);
});

test('the seed’s events sit where they happened: Yerevan, Gyumri, Jermuk, Stepanakert and Baku', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  const tooltip = page.locator('.map-panel .tooltip');
  const places: [string, number, number, RegExp][] = [
    ['Gyumri', 43.8475, 40.7894, /Protest against Pashinyan in Gyumri/],
    ['Jermuk', 45.6722, 39.8414, /Fighting breaks out along the Armenia–Azerbaijan border/],
    ['Stepanakert', 46.7528, 39.8177, /Protest in Stepanakert/],
    ['Baku', 49.8671, 40.4093, /Azerbaijan says 71 of its soldiers/],
    // Five events in Yerevan merge into one counted mark.
    ['Yerevan', 44.5136, 40.1811, /^5 events — click to zoom in/],
  ];
  for (const [name, lon, lat, title] of places) {
    const at = await pagePoint(page, lon, lat);
    await page.mouse.move(at.x, at.y);
    await expect(tooltip, name).toBeVisible();
    await expect(tooltip, name).toHaveText(title);
    // A few pixels off the mark, nothing is there: the point is where it happened, not merely near.
    await page.mouse.move(at.x + 25, at.y + 25);
    await expect(tooltip, `${name}, beside it`).toBeHidden();
  }
});

test('hovering links the map and the timeline; clicking a point opens the details', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  const gyumri = await pagePoint(page, 43.8475, 40.7894);
  await page.mouse.move(gyumri.x, gyumri.y);
  await expect(page.locator('.map-panel .tooltip')).toHaveText(/Gyumri/);
  await page.mouse.click(gyumri.x, gyumri.y);
  await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText('Protest against Pashinyan in Gyumri');
  expect(new URL(page.url()).searchParams.get('event')).toBe('2022-09-14-gyumri-protest');
  // With the map shown, the details need no locator of their own.
  await expect(page.locator('.place-locator')).toHaveCount(0);
});

test('a click on a counted mark zooms in until its events split', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  const yerevan = await pagePoint(page, 44.5136, 40.1811);
  await page.mouse.click(yerevan.x, yerevan.y);
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('map')!.split(',')[2])).toBe(8.5);
});

test('Shift+drag draws a box that sets the area (bbox) around what it covers, which narrows N', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  const nw = await pagePoint(page, 43.5, 41.0);
  const se = await pagePoint(page, 45.0, 39.6);
  await page.keyboard.down('Shift');
  await page.mouse.move(nw.x, nw.y);
  await page.mouse.down();
  await page.mouse.move((nw.x + se.x) / 2, (nw.y + se.y) / 2, { steps: 4 });
  await expect(page.locator('.map-drawn-box')).toBeVisible();
  await page.mouse.move(se.x, se.y, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect.poll(() => urlBox(page)).not.toBeNull();
  const box = urlBox(page)!;
  expect(box.west).toBeCloseTo(43.5, 1);
  expect(box.north).toBeCloseTo(41.0, 1);
  expect(box.east).toBeCloseTo(45.0, 1);
  expect(box.south).toBeCloseTo(39.6, 1);
  expect(box.has(44.5136, 40.1811)).toBe(true); // Yerevan
  expect(box.has(43.8475, 40.7894)).toBe(true); // Gyumri
  expect(box.has(49.8671, 40.4093)).toBe(false); // Baku
  // The map did not pan while the box was drawn, and the box stays drawn as the area.
  expect(new URL(page.url()).searchParams.get('map')).toBe('46.9,40.3,6.5');
  await expect(page.locator('.map-area-box')).toBeVisible();
  // The area filter keeps the events inside: Yerevan's five and Gyumri's.
  await expect(status(page)).toHaveText('Showing 6 of 16 events');
  await expect(page.locator('#map-count')).toHaveText(/^6 events on the map in view/);
  // Back removes the area, and every event in the window is back.
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  await expect(page.locator('.map-area-box')).toBeHidden();
});

test('"Select area" lets a plain drag (a finger, say) draw the box; "Filter to the map view" takes the visible extent', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  await page.getByRole('button', { name: 'Select area' }).click();
  const a = await pagePoint(page, 46.0, 40.2);
  const b = await pagePoint(page, 47.5, 39.5);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => urlBox(page)?.has(46.7528, 39.8177)).toBe(true); // Stepanakert
  expect(urlBox(page)!.has(44.5136, 40.1811)).toBe(false);
  await expect(status(page)).toHaveText('Showing 1 of 16 events');
  await expect(page.getByRole('button', { name: 'Select area' })).toHaveAttribute('aria-pressed', 'false');

  await page.getByRole('button', { name: 'Filter to the map view' }).click();
  await expect.poll(() => urlBox(page)?.has(49.8671, 40.4093)).toBe(true); // Baku is in view
  const view = urlBox(page)!;
  expect(view.west).toBeLessThan(44);
  expect(view.east).toBeGreaterThan(49.8);
  // Every event in the window with coordinates is in view; those without are out.
  await expect(status(page)).toHaveText('Showing 9 of 16 events');
});

test('the keyboard pans and zooms the map; wheel and drag replace the history entry', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=45,40,6`);
  await mapReady(page);
  await mapPanel(page).focus();
  await page.keyboard.press('+');
  await expect.poll(() => new URL(page.url()).searchParams.get('map')).toBe('45,40,7');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('map')!.split(',')[0])).toBeGreaterThan(45);
  await page.keyboard.press('-');
  await expect.poll(() => new URL(page.url()).searchParams.get('map')!.split(',')[2]).toBe('6');
  await page.getByRole('button', { name: 'Zoom the map in' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('map')!.split(',')[2]).toBe('7');
  const length = await page.evaluate(() => history.length);
  const box = (await page.locator('.map-canvas').boundingBox())!;
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.wheel(0, -300);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 150, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => Number(new URL(page.url()).searchParams.get('map')!.split(',')[2])).toBeGreaterThan(7);
  expect(await page.evaluate(() => history.length)).toBe(length);
});

test('an invalid map parameter gives a notice and leaves the map hidden', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=200,40,6`);
  await expect(page.getByText('map "200,40,6" has a longitude outside −180 to 180')).toBeVisible();
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  await expect(page.locator('.map-panel')).toHaveCount(0);
});

test('while the map is hidden, the details show the place on a small locator', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&event=2022-09-14-gyumri-protest`);
  await expect(page.getByRole('img', { name: 'Where it happened: Gyumri' })).toBeVisible();
  await expect(page.locator('.place-locator path').first()).toHaveAttribute('d', /^M/);
});

test('no request leaves the app’s origin while the map is used, and the finer basemap comes from the app', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`./?${SEPTEMBER}`);
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await mapReady(page);
  // The coarse atlas comes first, from the app's own files.
  await expect.poll(() => requests.some((url) => /\/assets\/countries-110m-[\w-]+\.json$/.test(url))).toBe(true);
  await mapPanel(page).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('-');
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  const box = (await page.locator('.map-canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(500);
  expect(requests.filter((url) => !url.startsWith(APP) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  expect(requests.some((url) => /\/assets\/countries-50m-[\w-]+\.json$/.test(url))).toBe(true);
});

test('the Share link and the embed carry map=, and the embed shows the map', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this view' });
  await expect(dialog.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(`${APP}?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await expect(dialog.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/map=46.9,40.3,6.5/);
  const preview = dialog.frameLocator('iframe[title="Preview of the embed"]');
  await expect(preview.getByRole('region', { name: /^Map of events/ })).toBeVisible();
});

test('Export SVG holds the map with its attribution while the map is shown', async ({ page }) => {
  await page.goto(`./?${SEPTEMBER}&map=46.9,40.3,6.5`);
  await mapReady(page);
  await page.getByRole('button', { name: 'Export' }).click();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svg = readFileSync((await (await waiting).path())!, 'utf8');
  expect(svg).toContain('<g class="map"');
  expect(svg).toContain('>Borders: Natural Earth</text>');
  expect(svg).toMatch(/<text x="[\d.]+" y="[\d.]+">Armenia<\/text>/);
});

for (const [name, query] of [
  ['English', `./?${SEPTEMBER}&map=46.9,40.3,6.5`],
  ['Arabic', `./?lang=ar&${SEPTEMBER}&map=46.9,40.3,6.5&event=2022-09-14-gyumri-protest`],
] as const) {
  test(`axe finds no serious or critical violation with the map shown, in ${name}`, async ({ page }) => {
    await page.goto(query);
    await expect(page.locator('.map-panel')).toBeVisible();
    await expect(page.locator('#map-count')).not.toBeEmpty();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  });
}
