// `?source=URL` on a data server that serves from a two-shard ClickHouse cluster (issue #23, item
// 7): the tests start two clickhouse-server processes on loopback ports (the cluster config the
// project ships in server/testing/clickhouseServers.ts), load the seed and 3,000 generated ACLED
// events with npm run load's loader, start `npm run serve -- --clickhouse URL --cluster NAME` as a
// process of its own, as a user would (server/serve.ts; `npm run serve` builds the app first, which
// the e2e run has done), and drive the app: open, filter by type and actor, search in English and
// Arabic, open details, reload the permalink, export CSV; hostile values in the link leave the data
// intact; and the engine stopped mid-session, then back.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadIntoClickHouse } from '../server/clickhouseLoad.ts';
import { readDataset } from '../server/readDataset.ts';
import { startClickHouseCluster, type TestClickHouseCluster } from '../server/testing/clickhouseServers.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';

const WINDOW = 'from=2018-01-01&to=2024-01-01';
const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const number = (n: number) => n.toLocaleString('en-GB');

let dir = '';
let cluster: TestClickHouseCluster | undefined;
let serving: ChildProcess | undefined;
let base = '';
/** What the server printed on starting: "Serving …", then "Open …". */
const printed: string[] = [];
let stderr = '';

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'ct-source-ch-'));
  const csv = join(dir, 'acled.csv');
  writeFileSync(csv, acledCsv(generatedAcledRows(3000)));
  const read = await readDataset([join(import.meta.dirname, '../data/seed.json'), csv]);
  if (!read.ok) throw new Error(read.message);
  cluster = await startClickHouseCluster(2);
  const [front, second] = cluster.servers;
  await loadIntoClickHouse({ url: front!.url, database: 'e2e', cluster: cluster.cluster, shards: [front!.url, second!.url] }, read.dataset, read.reports);
  // The data server's command line, on any free port, letting the e2e page's origin call it.
  const args = ['--import', 'tsx', join(import.meta.dirname, '../server/serve.ts'), '--clickhouse', front!.url, '--database', 'e2e', '--cluster', cluster.cluster, '--port', '0', '--allow-origin', new URL(baseURL!).origin];
  serving = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  serving.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const lines = createInterface({ input: serving.stdout! });
  await new Promise<void>((resolve, reject) => {
    serving!.once('exit', (code) => reject(new Error(`npm run serve exited (${code}): ${stderr}`)));
    lines.on('line', (line) => {
      printed.push(line);
      if (line.startsWith('Open ')) resolve();
    });
  });
  base = /on (http:\/\/\S+\/)$/.exec(printed.find((l) => l.startsWith('Serving '))!)![1]!;
});

test.afterAll(async () => {
  if (serving && serving.exitCode === null) {
    const exited = new Promise((resolve) => serving!.once('exit', resolve));
    serving.kill('SIGTERM');
    await exited;
  }
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function api(path: string): Promise<any> {
  return (await fetch(new URL(path, base))).json();
}

test('the app on a ClickHouse cluster: open, filter by type and actor, search in English and Arabic, details, a reloaded permalink, a CSV export', async ({ page }) => {
  const info = await api('api/info');
  expect(info).toMatchObject({ engine: 'clickhouse', count: 3016 });
  const all = await api(`api/counts?${WINDOW}`);
  await page.goto(`./?source=${base}&${WINDOW}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(info.dataset.title);
  await expect(status(page)).toHaveText(`Showing ${number(all.visible)} of 3,016 events`);

  // A type, then an actor: the counts are the server's.
  const clashes = all.types.clash as number;
  // The type list is drawn again when the server's counts come: wait for them, as a reader does, before ticking a box.
  await expect(page.getByRole('checkbox', { name: 'Clash' }).locator('xpath=..')).toContainText(number(clashes));
  await page.getByRole('checkbox', { name: 'Clash' }).check();
  await expect(status(page)).toHaveText(`Showing ${number(clashes)} of 3,016 events`);
  const actorId = Object.entries(all.actors as Record<string, number>).sort((a, b) => b[1] - a[1]).find(([id]) => id !== 'acled')![0];
  const actor = (info.dataset.actors as { id: string; names: Record<string, string> }[]).find((a) => a.id === actorId)!;
  const both = await api(`api/counts?${WINDOW}&types=clash&actors=${encodeURIComponent(actorId)}`);
  await page.getByLabel('Find an actor').fill(actor.names.en!);
  // A checkbox's name is the actor's and its count under the other filters (the server's).
  const underClash = await api(`api/counts?${WINDOW}&types=clash`);
  await page.getByRole('checkbox', { name: `${actor.names.en!} ${number(underClash.actors[actorId] ?? 0)}`, exact: true }).check();
  await expect(status(page)).toHaveText(`Showing ${number(both.visible)} of 3,016 events`);
  await page.getByRole('button', { name: 'Clear all' }).first().click();
  await expect(status(page)).toHaveText(`Showing ${number(all.visible)} of 3,016 events`);

  // Text search, English and Arabic (without the hamza), answered by ClickHouse.
  const search = page.getByRole('searchbox', { name: 'Search events' });
  for (const q of ['ceasefire', 'وقف اطلاق النار']) {
    const found = await api(`api/counts?${WINDOW}&q=${encodeURIComponent(q)}`);
    expect(found.visible).toBeGreaterThan(0);
    await search.fill(q);
    await expect(status(page)).toHaveText(`Showing ${number(found.visible)} of 3,016 events`);
  }
  await search.fill('');

  // Details of the ceasefire from a permalink, reloaded.
  await page.goto(`./?source=${base}&from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire`);
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details).toContainText('14 Sept 2022, 20:00');
  await page.reload();
  await expect(details).toContainText('Original (Arabic)');

  // Export CSV of the window: every event the server holds there.
  const window = await api('api/counts?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync((await (await waiting).path())!, 'utf8').trim().split(/\r?\n/);
  expect(lines.length - 1).toBeGreaterThanOrEqual(window.visible);
  expect(lines.join('\n')).toContain('2022-09-14-ceasefire');
});

test('hostile values in the link are data: nothing matches, nothing breaks, and the data is intact', async ({ page }) => {
  for (const hostile of ["'); DROP TABLE events; --", '1 OR 1=1']) {
    await page.goto(`./?source=${base}&${WINDOW}&q=${encodeURIComponent(hostile)}&actors=${encodeURIComponent(hostile)}`);
    await expect(status(page)).toHaveText('Showing 0 of 3,016 events');
  }
  expect((await api('api/info')).count).toBe(3016);
});

test('the place filter on ClickHouse: the cluster’s counts beside the countries, and a country narrows N', async ({ page }) => {
  const places = await api(`api/places?${WINDOW}`);
  expect(places.places.length).toBeGreaterThan(0);
  await page.goto(`./?source=${base}&${WINDOW}`);
  const country = page.getByRole('combobox', { name: 'Country' });
  await expect(country.locator('option', { hasText: 'AZE' })).toHaveText(`Azerbaijan (AZE) · ${number(places.countries.AZE)}`);
  await country.selectOption('AZE');
  await expect(status(page)).toHaveText(`Showing ${number(places.countries.AZE)} of 3,016 events`);
});

test('the area filter and the map on ClickHouse: bbox in the link narrows N, and /api/map answers cells and points from the cluster', async ({ page }) => {
  const box = '44.5,39.5,45.25,40.75';
  const inBox = await api(`api/counts?${WINDOW}&bbox=${box}`);
  const all = await api(`api/counts?${WINDOW}`);
  expect(inBox.visible).toBeGreaterThan(50);
  expect(inBox.visible).toBeLessThan(all.visible / 2);
  await page.goto(`./?source=${base}&${WINDOW}&bbox=${box}`);
  await expect(status(page)).toHaveText(`Showing ${number(inBox.visible)} of 3,016 events`);
  const cells = await api(`api/map?${WINDOW}&west=44&south=39&east=46&north=41&zoom=7&cell=16`);
  expect(cells).toMatchObject({ kind: 'cells', zoom: 7, cell: 16 });
  expect(cells.cells.reduce((sum: number, c: number[]) => sum + c[2]!, 0)).toBe(cells.total);
  const points = await api(`api/map?${WINDOW}&bbox=${box}&west=44.9&south=39.9&east=45.1&north=40.1&zoom=11&cell=16`);
  expect(points.kind).toBe('points');
  expect(points.points.length).toBe(points.total);
  expect(points.points.length).toBeGreaterThan(0);
});

test('npm run serve -- --clickhouse: it says what it serves, and the page it names reads from it', async ({ page }) => {
  expect(printed.find((l) => l.startsWith('Serving '))).toMatch(/^Serving 3,016 events from ClickHouse at http:\/\/127\.0\.0\.1:\d+\/ \(database e2e\) \(cluster ct_test_shards\) on http:\/\/127\.0\.0\.1:\d+\/$/);
  const open = /^Open (\S+)/.exec(printed.find((l) => l.startsWith('Open '))!)![1]!;
  expect(new URL(open).searchParams.get('source')).toBe(base);
  const all = await api('api/counts');
  await page.goto(open);
  await expect(status(page)).toHaveText(`Showing ${number(all.visible)} of 3,016 events`);
  expect(stderr).toBe('');
});

test('the engine stopped mid-session: the page says so and keeps what it shows; it recovers when ClickHouse is back', async ({ page }) => {
  test.setTimeout(150_000);
  const counts = await api(`api/counts?${WINDOW}`);
  await page.goto(`./?source=${base}&${WINDOW}`);
  await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of 3,016 events`);
  const lanes = await page.locator('.lane-label').allTextContents();
  await cluster!.pause();
  try {
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect(page.getByText(`The data server at ${base} is not answering; retrying.`)).toBeVisible({ timeout: 20_000 });
    // What was shown stays: the lanes and the last N.
    await expect(page.locator('.lane-label')).toHaveText(lanes);
    await expect(status(page)).toHaveText(`Showing ${number(counts.visible)} of 3,016 events`);
    // The data server says so without SQL or a stack trace, and keeps running.
    const down = await fetch(new URL(`api/counts?${WINDOW}`, base));
    expect(down.status).toBe(500);
    expect(await down.json()).toEqual({ error: 'the query failed' });
  } finally {
    await cluster!.resume();
  }
  await expect(page.getByText(/is not answering/)).toBeHidden({ timeout: 30_000 });
  const from = new URL(page.url()).searchParams.get('from');
  const to = new URL(page.url()).searchParams.get('to');
  const zoomed = await api(`api/counts?from=${from}&to=${to}`);
  await expect(status(page)).toHaveText(`Showing ${number(zoomed.visible)} of 3,016 events`);
  expect(serving!.exitCode).toBeNull();
  expect((await api('api/info')).count).toBe(3016);
});
