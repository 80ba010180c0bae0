// `?source=URL`: the app reads from a data server. Each test's server is started here, on
// 127.0.0.1 port 0, over the seed and 5,000 generated ACLED events, and allows the app's origin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createDataServer } from '../server/api.ts';
import { loadDuckDbSource } from '../server/duckdbSource.ts';
import type { Engine } from '../server/engine.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';

const TOKEN = 'correct horse battery staple';
const WINDOW = 'from=2018-01-01&to=2024-01-01';
// A month: few enough events for a mark each.
const MONTH = 'from=2020-03-01&to=2020-04-01';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const number = (n: number) => n.toLocaleString('en-GB');

let dir = '';
let engine: Engine;
let dispose: () => Promise<void> = async () => {};

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-source-'));
  const csv = join(dir, 'acled.csv');
  writeFileSync(csv, acledCsv(generatedAcledRows(5000)));
  const loaded = await loadDuckDbSource([join(import.meta.dirname, '../data/seed.json'), csv], dir);
  if (!loaded.ok) throw new Error(loaded.message);
  engine = loaded.engine;
  dispose = loaded.dispose;
});

test.afterAll(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** A data server on `port` (0: any) that lets the app's page call it. */
async function serve(appOrigin: string, port = 0, token: string | null = null, staticRoot: string | null = null): Promise<{ server: Server; base: string; port: number }> {
  const server = createDataServer({ engine: () => engine, staticRoot, allowOrigins: [appOrigin], token, log: () => {} });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  return { server, base: `http://127.0.0.1:${bound}/`, port: bound };
}

async function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

async function api(base: string, path: string, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(new URL(path, base), { headers });
  return response.json();
}

const originOf = (baseURL: string | undefined) => new URL(baseURL!).origin;

test('opens the data server: title, attribution, counts, lanes and densities; a filter changes the counts', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const info = await api(base, 'api/info');
    const counts = await api(base, `api/counts?${WINDOW}`);
    const bins = await api(base, `api/bins?${WINDOW}&bins=10`);
    await page.goto(`./?source=${base}&${WINDOW}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(info.dataset.title);
    await expect(page.getByText(`Source: ${info.dataset.attribution}`)).toBeVisible();
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of ${number(info.count)} events`);
    await expect(page.locator('.lane-label')).toHaveCount(bins.lanes.length);
    // The legend names the types the server counts (the page holds none of the 5,000 events here).
    const legend = page.getByRole('figure', { name: 'Legend' });
    for (const type of ['Clash', 'Protest', 'Ceasefire']) await expect(legend).toContainText(type);

    // Zoomed out over 5,000 events, a lane is drawn as its density, with a count on hover.
    const canvas = (await page.locator('canvas.marks').boundingBox())!;
    const lane = (await page.locator('.lane-label').first().boundingBox())!;
    let tooltip = '';
    for (let x = canvas.x + canvas.width * 0.3; x < canvas.x + canvas.width * 0.6 && !/events? ·/.test(tooltip); x += 3) {
      await page.mouse.move(x, lane.y + lane.height - 6);
      tooltip = (await page.getByRole('tooltip').textContent({ timeout: 200 }).catch(() => '')) ?? '';
    }
    expect(tooltip).toMatch(/^\d+ events? · /);

    // The overview strip draws all the data, from the server's bins: bars across the years.
    const barColumns = () =>
      page.locator('.overview canvas').evaluate((canvas: HTMLCanvasElement) => {
        const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let columns = 0;
        for (let x = 0; x < width; x++) {
          for (let y = 0; y < height; y++) if (data[(y * width + x) * 4 + 3]! > 0) {
            columns++;
            break;
          }
        }
        return columns;
      });
    await expect.poll(barColumns).toBeGreaterThan(100);

    // Text search is the server's, in English and in Arabic (without the hamza too).
    const search = page.getByRole('searchbox', { name: 'Search events' });
    for (const q of ['ceasefire', 'وقف اطلاق النار']) {
      const found = await api(base, `api/counts?${WINDOW}&q=${encodeURIComponent(q)}`);
      expect(found.visible).toBeGreaterThan(0);
      await search.fill(q);
      await expect(status(page)).toHaveText(`Showing ${number(found.visible)} of ${number(info.count)} events`);
    }
    await search.fill('');
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of ${number(info.count)} events`);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
    // Filter counts come from the server, and a filter's counts too.
    const clashes = counts.types.clash as number;
    await expect(page.getByRole('checkbox', { name: 'Clash' }).locator('xpath=..')).toContainText(number(clashes));
    await page.getByRole('checkbox', { name: 'Clash' }).check();
    await expect(status(page)).toHaveText(`Showing ${number(clashes)} of ${number(info.count)} events`);
    // The link keeps the source: a reload shows the same.
    expect(new URL(page.url()).searchParams.get('source')).toBe(base);
    await page.reload();
    await expect(status(page)).toHaveText(`Showing ${number(clashes)} of ${number(info.count)} events`);
  } finally {
    await stop(server);
  }
});

const titleOf = (event: { title: Record<string, string>; originalLanguage: string }) => event.title.en ?? event.title[event.originalLanguage]!;

test('the Events table pages from the server when the window holds many events, and a row shows its details', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const counts = await api(base, `api/counts?${WINDOW}`);
    const first = (await api(base, `api/events?${WINDOW}&limit=1`)).events[0];
    await page.goto(`./?source=${base}&${WINDOW}`);
    const table = page.getByRole('table', { name: 'Events' });
    await expect(table).toHaveAttribute('aria-rowcount', String(counts.visible + 1));
    await expect(table.getByRole('row').nth(1)).toContainText(titleOf(first));
    await table.getByRole('row').nth(1).click();
    await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(titleOf(first));
    expect(new URL(page.url()).searchParams.get('event')).toBe(first.id);
    // A link to an event the page does not hold shows it too.
    await page.reload();
    await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(titleOf(first));
  } finally {
    await stop(server);
  }
});

test('zooming in turns densities into marks: the Events table lists the window, and a mark shows its event', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const month = await api(base, `api/events?${MONTH}&limit=1000`);
    await page.goto(`./?source=${base}&${MONTH}`);
    await expect(status(page)).toHaveText(`Showing ${number(month.total)} of 5,016 events`);
    await expect(page.getByRole('table', { name: 'Events' })).toHaveAttribute('aria-rowcount', String(month.total + 1));

    // From years of events (densities) to the eight hours around the 14 Sep 2022 ceasefire at 16:00 UTC.
    const centre = Date.UTC(2022, 8, 14, 16);
    const half = 4 * 3_600_000 * 2 ** 12;
    const iso = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
    await page.goto(`./?source=${base}&from=${iso(centre - half)}&to=${iso(centre + half)}`);
    await expect(status(page)).toHaveText(/^Showing \d,\d{3} of 5,016 events$/);
    for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2022-09-14T12:00Z');
    const eight = await api(base, 'api/counts?from=2022-09-14T12:00Z&to=2022-09-14T20:00Z');
    await expect(status(page)).toHaveText(`Showing ${number(eight.visible)} of 5,016 events`);
    const box = (await page.locator('canvas.marks').boundingBox())!;
    const lane = (await page.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, lane.y + 2 + 12);
    await expect(page.getByRole('tooltip')).toContainText('Negotiated ceasefire');
  } finally {
    await stop(server);
  }
});

test('when the server stops, the page says so and keeps what it shows; it recovers when the server is back', async ({ page, baseURL }) => {
  const first = await serve(originOf(baseURL));
  let server = first.server;
  try {
    await page.goto(`./?source=${first.base}&${WINDOW}`);
    await expect(status(page)).toHaveText(/^Showing 5,0\d\d of 5,016 events$/);
    await stop(server);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(page.getByText(`The data server at ${first.base} is not answering; retrying.`)).toBeVisible();
    await expect(page.locator('.lane-label').first()).toBeVisible();
    server = (await serve(originOf(baseURL), first.port)).server;
    await expect(page.getByText(/is not answering/)).toBeHidden({ timeout: 15_000 });
    // The status line says the server's count for the window in the address; the address may
    // follow the zoom a moment after the answer, so both are read again until they agree.
    const shownAndServed = async () => {
      const url = new URL(page.url());
      const counts = await api(first.base, `api/counts?from=${url.searchParams.get('from')}&to=${url.searchParams.get('to')}`);
      return [await status(page).textContent(), `Showing ${number(counts.visible)} of 5,016 events`];
    };
    await expect.poll(async () => new Set(await shownAndServed()).size).toBe(1);
  } finally {
    await stop(server);
  }
});

test('a server that needs a token: the page asks for it once, and the token stays out of the links', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL), 0, TOKEN);
  try {
    const counts = await api(base, `api/counts?${WINDOW}`, { Authorization: `Bearer ${TOKEN}` });
    await page.goto(`./?source=${base}&${WINDOW}`);
    const dialog = page.getByRole('dialog', { name: 'This data server needs a token' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await expect(dialog).toBeHidden();
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of 5,016 events`);
    await page.getByRole('checkbox', { name: 'Clash' }).check();
    await expect(status(page)).toHaveText(`Showing ${number(counts.types.clash)} of 5,016 events`);
    await expect(dialog).toBeHidden();
    expect(page.url()).not.toContain('horse');
  } finally {
    await stop(server);
  }
});

async function downloaded(page: Page, button: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await downloading).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('the data server’s own page reads from it; the image export draws what the screen shows, the data exports read every event from the server', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL), 0, null, resolve(import.meta.dirname, '../dist'));
  try {
    const counts = await api(base, `api/counts?${WINDOW}`);
    await page.goto(`${base}?source=${base}&${WINDOW}`);
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of 5,016 events`);
    await page.getByRole('button', { name: 'Export' }).click();
    const svg = await downloaded(page, 'Export SVG');
    expect(svg).toContain(`showing ${number(counts.visible)} of 5,016 events`);
    expect(svg).toMatch(/[\d,]+ events here · zoom in to see each/);

    // Data exports: every event passing the filters, paged from the server.
    await page.getByRole('checkbox', { name: 'Clash' }).check();
    await expect(status(page)).toHaveText(`Showing ${number(counts.types.clash)} of 5,016 events`);
    await page.getByRole('button', { name: 'Export' }).click();
    const all = await api(base, 'api/counts?types=clash');
    await expect(page.getByText(`All that pass the filters (${number(all.visible)})`)).toBeVisible();
    const json = JSON.parse(await downloaded(page, 'Export JSON'));
    expect(json.events).toHaveLength(all.visible);
    expect(new Set(json.events.map((e: { type: string }) => e.type))).toEqual(new Set(['clash']));
    await page.getByRole('radio', { name: /^Only those in the visible window/ }).check();
    const csv = await downloaded(page, 'Export CSV');
    const firstClash = (await api(base, `api/events?${WINDOW}&types=clash&limit=1`)).events[0];
    expect(csv).toContain(firstClash.id);
  } finally {
    await stop(server);
  }
});

/**
 * Hovers along the lane's first row of marks around the time `at` (a point is 12 px wide, and a
 * day's anchor may sit a little off its midnight) until the tooltip holds `text`; returns the tooltip.
 */
async function hoverMark(page: Page, laneName: string | RegExp, at: number, window: { from: number; to: number }, text: string): Promise<{ tooltip: string; x: number; y: number }> {
  // The bins come first, the sparse lanes' events after them: wait until both have.
  await expect(page.getByText('Loading from the data server…')).toBeHidden();
  const box = (await page.locator('canvas.marks').boundingBox())!;
  const lane = (await page.locator('.lane-label', { hasText: laneName }).first().boundingBox())!;
  const x0 = box.x + (box.width * (at - window.from)) / (window.to - window.from);
  const y = lane.y + 2 + 12;
  let tooltip = '';
  let x = x0;
  for (const dx of [0, 2, -2, 4, -4, 6, -6, 8, -8, 10, -10]) {
    x = x0 + dx;
    await page.mouse.move(x, y);
    tooltip = (await page.getByRole('tooltip').textContent({ timeout: 300 }).catch(() => '')) ?? '';
    if (tooltip.includes(text)) break;
  }
  return { tooltip, x, y };
}

const WINDOW_MS = { from: Date.UTC(2018, 0, 1), to: Date.UTC(2024, 0, 1) };
const startOf = (event: { start: { at: string } }) => Date.parse(event.start.at);

test('a sparse lane beside busy ones shows a mark per event, when the window holds more than 1,000', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const counts = await api(base, `api/counts?${WINDOW}`);
    expect(counts.visible).toBeGreaterThan(1000);
    // Three ceasefires beside 800 clashes: the ceasefires are marked, the clashes drawn as densities.
    const ceasefires = (await api(base, `api/events?${WINDOW}&types=ceasefire`)).events;
    expect(ceasefires).toHaveLength(3);
    await page.goto(`./?source=${base}&${WINDOW}`);
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of 5,016 events`);
    const mark = await hoverMark(page, 'Ceasefire', startOf(ceasefires[0]), WINDOW_MS, titleOf(ceasefires[0]));
    expect(mark.tooltip).toContain(titleOf(ceasefires[0]));
    expect(mark.tooltip).not.toContain('Click to zoom in here');
    // A click on the mark opens its details.
    await page.mouse.click(mark.x, mark.y);
    await expect(page.getByRole('complementary', { name: 'Event details' }).getByRole('heading', { level: 2 })).toHaveText(titleOf(ceasefires[0]));
    expect(new URL(page.url()).searchParams.get('event')).toBe(ceasefires[0].id);
    // The busy lanes stay densities: a count on hover.
    let density = '';
    const canvas = (await page.locator('canvas.marks').boundingBox())!;
    for (let x = canvas.x + canvas.width * 0.3; x < canvas.x + canvas.width * 0.6 && !/^\d+ events? · Clash/.test(density); x += 3) {
      // The lane's middle, read each time: the details panel, just opened, may still move the plot
      // (a hover that lands in the neighbouring lane while it moves is read again further on).
      const clashLane = (await page.locator('.lane-label', { hasText: 'Clash' }).boundingBox())!;
      await page.mouse.move(x, clashLane.y + clashLane.height / 2);
      density = (await page.getByRole('tooltip').textContent({ timeout: 200 }).catch(() => '')) ?? '';
    }
    expect(density).toMatch(/^\d+ events? · Clash/);
  } finally {
    await stop(server);
  }
});

test('lanes by actor from the server: the actors’ names, "Other actors" last, and marks in the actors’ sparse lanes', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const info = await api(base, 'api/info');
    // The ranking does not depend on how many lanes fit: ask for many.
    const ranked = (await api(base, `api/bins?${WINDOW}&bins=1&lanes=actor&maxLanes=200`)).lanes.map((l: { key: string }) => l.key);
    const nameOf = (id: string) => (info.dataset.actors as { id: string; names: Record<string, string> }[]).find((a) => a.id === id)!.names.en!;
    await page.goto(`./?source=${base}&${WINDOW}&lanes=actor`);
    const labels = page.locator('.lane-label');
    await expect(labels.last()).toHaveText('Other actors');
    const n = await labels.count();
    expect(n).toBeGreaterThan(3);
    await expect(labels).toHaveText([...ranked.slice(0, n - 1).map(nameOf), 'Other actors']);
    // The busiest actor has some 40 events in these six years: a mark each, with its title on hover.
    const first = (await api(base, `api/events?${WINDOW}&actors=${encodeURIComponent(ranked[0])}&limit=1`)).events[0];
    const { tooltip } = await hoverMark(page, nameOf(ranked[0]), startOf(first), WINDOW_MS, titleOf(first));
    expect(tooltip).toContain(titleOf(first));
    expect(tooltip).not.toContain('Click to zoom in here');
  } finally {
    await stop(server);
  }
});

test('an embed with a source shows the server’s data: its title, N and M, and its lanes', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const info = await api(base, 'api/info');
    const counts = await api(base, `api/counts?${WINDOW}`);
    const bins = await api(base, `api/bins?${WINDOW}&bins=10`);
    await page.goto(`./?embed=1&source=${base}&${WINDOW}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(info.dataset.title);
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of ${number(info.count)} events`);
    await expect(page.locator('.lane-label')).toHaveCount(bins.lanes.length);
    // A sparse lane's marks in the embed too.
    const ceasefire = (await api(base, `api/events?${WINDOW}&types=ceasefire&limit=1`)).events[0];
    expect((await hoverMark(page, 'Ceasefire', startOf(ceasefire), WINDOW_MS, titleOf(ceasefire))).tooltip).toContain(titleOf(ceasefire));
  } finally {
    await stop(server);
  }
});

test('the place filter with a source: the server’s counts beside countries and places, and it narrows N', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const info = await api(base, 'api/info');
    const places = await api(base, `api/places?${WINDOW}`);
    expect(places.countries).toEqual({ ARM: expect.any(Number), AZE: expect.any(Number) });
    await page.goto(`./?source=${base}&${WINDOW}`);
    const country = page.getByRole('combobox', { name: 'Country' });
    await expect(country.locator('option', { hasText: 'AZE' })).toHaveText(`Azerbaijan (AZE) · ${number(places.countries.AZE)}`);
    await expect(country.locator('option', { hasText: 'ARM' })).toHaveText(`Armenia (ARM) · ${number(places.countries.ARM)}`);
    await country.selectOption('AZE');
    await expect(page).toHaveURL(/country=AZE/);
    await expect(status(page)).toHaveText(`Showing ${number(places.countries.AZE)} of ${number(info.count)} events`);
    await country.selectOption('');
    // A place name the server lists, typed: N is its count; the suggestions carry the counts.
    const busiest = places.places[0] as { country: string; name: string; count: number };
    await expect(page.locator('#place-names option').first()).toHaveAttribute('value', busiest.name);
    const location = page.getByRole('combobox', { name: 'Location' });
    await location.fill(busiest.name);
    await location.press('Enter');
    await expect(page).toHaveURL(new RegExp(`place=${encodeURIComponent(busiest.name).replace(/%20/g, '(\\+|%20)')}`));
    await expect(status(page)).toHaveText(`Showing ${number(busiest.count)} of ${number(info.count)} events`);
    // The other filters narrow the places' counts too.
    await location.fill('');
    await page.getByRole('checkbox', { name: 'Ceasefire' }).check();
    const underCeasefire = await api(base, `api/places?${WINDOW}&types=ceasefire`);
    await expect(country.locator('option', { hasText: 'AZE' })).toHaveText(`Azerbaijan (AZE) · ${number(underCeasefire.countries.AZE ?? 0)}`);
  } finally {
    await stop(server);
  }
});

test('the area filter with a source: bbox in the link narrows N, the server counting the events in the box', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const box = '44.5,39.5,45.25,40.75';
    const info = await api(base, 'api/info');
    const all = await api(base, `api/counts?${WINDOW}`);
    const inBox = await api(base, `api/counts?${WINDOW}&bbox=${box}`);
    // The box holds some of the window's events, not all.
    expect(inBox.visible).toBeGreaterThan(100);
    expect(inBox.visible).toBeLessThan(all.visible / 2);
    const asked: URL[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(url);
    });
    await page.goto(`./?source=${base}&${WINDOW}&bbox=${box}`);
    await expect(status(page)).toHaveText(`Showing ${number(inBox.visible)} of ${number(info.count)} events`);
    // Every view question carried the box: the engine filtered, not the page.
    const viewAsked = asked.filter((u) => ['/api/counts', '/api/bins', '/api/places'].includes(u.pathname));
    expect(viewAsked.length).toBeGreaterThan(2);
    for (const url of viewAsked) expect(url.searchParams.get('bbox')).toBe(box);
    // The same link without the box: all of the window's events.
    await page.goto(`./?source=${base}&${WINDOW}`);
    await expect(status(page)).toHaveText(`Showing ${number(all.visible)} of ${number(info.count)} events`);
  } finally {
    await stop(server);
  }
});

test('the map with a source draws the server’s answer: density cells when many, points when few; a point opens its details', async ({ page, baseURL }) => {
  const { server, base } = await serve(originOf(baseURL));
  try {
    const answers: { kind: string; total: number; points?: { id: string; lon: number; lat: number; title: string }[] }[] = [];
    // A body that can no longer be read (the request aborted by a newer view, or the test over
    // while the page still asks) is no answer the page drew: it is left out, not thrown.
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/map') response.json().then((answer) => answers.push(answer), () => {});
    });
    // All six years: thousands of events in view, so the engine counts them per cell.
    await page.goto(`./?source=${base}&${WINDOW}&map=45,40,6`);
    await expect.poll(() => answers.at(-1)?.kind).toBe('cells');
    const cells = answers.at(-1)!;
    expect(cells.total).toBeGreaterThan(1000);
    await expect(page.locator('#map-count')).toHaveText(`${number(cells.total)} events on the map in view`);
    // A month: few enough to draw each event.
    await page.goto(`./?source=${base}&${MONTH}&map=45,40,7`);
    await expect.poll(() => answers.at(-1)?.kind).toBe('points');
    const { points, total } = answers.at(-1)!;
    expect(total).toBe(points!.length);
    await expect(page.locator('#map-count')).toHaveText(`${number(total)} event${total === 1 ? '' : 's'} on the map in view`);
    // The point alone in its part of the map is clicked where the test projects it.
    const worldX = (lon: number) => (lon + 180) / 360;
    const worldY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
    const box = (await page.locator('.map-canvas').boundingBox())!;
    const px = 256 * 2 ** 7;
    const at = (p: { lon: number; lat: number }) => ({ x: box.x + box.width / 2 + (worldX(p.lon) - worldX(45)) * px, y: box.y + box.height / 2 + (worldY(p.lat) - worldY(40)) * px });
    const alone = points!.find((p) => points!.every((q) => q === p || Math.hypot(at(q).x - at(p).x, at(q).y - at(p).y) > 30));
    if (!alone) throw new Error('no point stands alone on the map');
    await page.mouse.move(at(alone).x, at(alone).y);
    await expect(page.locator('.map-plot .tooltip')).toContainText(alone.title);
    await page.mouse.click(at(alone).x, at(alone).y);
    await expect(page).toHaveURL(new RegExp(`event=${alone.id}`));
    await expect(page.locator('.detail-panel')).toContainText(alone.title);
  } finally {
    await stop(server);
  }
});

test('a source that is not http(s) is refused with a notice, and the bundled data is shown', async ({ page }) => {
  await page.goto('./?source=javascript:alert(1)');
  await expect(page.getByText('The source "javascript:alert(1)" is not an http(s) URL, so no data server was asked.', { exact: false })).toBeVisible();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
});
