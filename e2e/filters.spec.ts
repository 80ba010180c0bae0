import { expect, test, type Page } from '@playwright/test';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import seed from '../data/seed.json' with { type: 'json' };

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const shownCount = async (page: Page) => Number((await status(page).textContent())!.match(/Showing ([\d,]+)/)![1]!.replace(/,/g, ''));
/** The note under the search box while its words wait for the search index. */
const preparingSearch = (page: Page) => page.getByRole('status').filter({ hasText: /^Preparing the search \(\d+%\)/ });
const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const actors = (page: Page) => page.getByRole('group', { name: 'Actors' });
const types = (page: Page) => page.getByRole('group', { name: 'Event types' });
const eventsTable = (page: Page) => page.getByRole('table', { name: 'Events' });

test('choosing an actor narrows N and updates the URL; reload restores it and Back undoes it', async ({ page }) => {
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  const russia = actors(page).getByRole('checkbox', { name: /^Russia \d+$/ });
  await expect(actors(page).getByText('Russia', { exact: true })).toBeVisible();
  await russia.check();
  await expect(page).toHaveURL(/actors=russia(&|$)/);
  const n = await shownCount(page);
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(16);
  await expect(eventsTable(page).getByRole('row')).toHaveCount(n + 1);
  await expect(eventsTable(page)).toContainText('Russian-brokered ceasefire');
  await expect(page.getByRole('button', { name: 'Remove filter Actor: Russia' })).toBeVisible();

  await page.reload();
  await expect(status(page)).toHaveText(`Showing ${n} of 16 events`);
  await expect(actors(page).getByRole('checkbox', { name: /^Russia \d+$/ })).toBeChecked();

  await page.goBack();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  expect(param(page, 'actors')).toBeNull();
  await expect(actors(page).getByRole('checkbox', { name: /^Russia \d+$/ })).not.toBeChecked();
  await page.goForward();
  await expect(status(page)).toHaveText(`Showing ${n} of 16 events`);
});

test('Back works at once after a reload, while the files kept in this browser are still being read', async ({ page }) => {
  await page.goto('./');
  await actors(page).getByRole('checkbox', { name: /^Russia \d+$/ }).check();
  const n = await shownCount(page);
  // The browser's storage answers slowly, as on a busy machine: opening it takes 3 s.
  await page.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      const request = open(...args);
      const listeners: [string, EventListenerOrEventListenerObject][] = [];
      request.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject) => listeners.push([type, listener])) as typeof request.addEventListener;
      for (const type of ['success', 'error', 'upgradeneeded', 'blocked']) {
        Object.defineProperty(request, `on${type}`, { set: (listener: EventListener) => listeners.push([type, listener]), configurable: true });
      }
      const pass = (event: Event) => setTimeout(() => listeners.filter(([type]) => type === event.type).forEach(([, l]) => (typeof l === 'function' ? l.call(request, event) : l.handleEvent(event))), 3000);
      for (const type of ['success', 'error', 'upgradeneeded', 'blocked']) EventTarget.prototype.addEventListener.call(request, type, pass);
      return request;
    };
  });
  await page.reload();
  await expect(status(page)).toHaveText(`Showing ${n} of 16 events`);
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  expect(param(page, 'actors')).toBeNull();
});

test('actor labels show counts under the other filters, and the list narrows with its search box', async ({ page }) => {
  await page.goto('./?types=protest');
  await expect(actors(page).getByRole('checkbox', { name: 'Protesters in Armenia 2' })).toBeVisible();
  await actors(page).getByRole('searchbox', { name: 'Find an actor' }).fill('Baku');
  await expect(actors(page).getByRole('checkbox')).toHaveCount(1);
  await expect(actors(page).getByRole('checkbox')).toHaveAccessibleName(/^Government of Azerbaijan \d+$/);
  await actors(page).getByRole('button', { name: 'All: select every listed actor' }).click();
  await expect(page).toHaveURL(/actors=az-government/);
  await actors(page).getByRole('searchbox', { name: 'Find an actor' }).fill('Atlantis');
  await expect(actors(page)).toContainText('No actor matches “Atlantis”.');
  // Al Jazeera claims a count but takes part in no event: ticking it would leave nothing, so it is not listed.
  await actors(page).getByRole('searchbox', { name: 'Find an actor' }).fill('Al Jazeera');
  await expect(actors(page)).toContainText('No actor matches “Al Jazeera”.');
  await expect(actors(page).getByRole('searchbox', { name: 'Find an actor' })).toHaveAttribute('placeholder', `Find among ${seed.actors.length - 1} actors`);
});

test('data that name no actors say so where the actors are listed', async ({ page }) => {
  const events = seed.events.map((event) => ({ ...event, actors: [], counts: [], claims: [] }));
  await page.goto('./');
  await page.getByLabel('Open data file').setInputFiles({ name: 'no-actors.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...seed, actors: [], events })) });
  await expect(status(page)).toHaveText(`Showing ${events.length} of ${events.length} events`);
  await expect(actors(page)).toContainText('These data name no actors.');
});

test('the role option narrows actors to a role', async ({ page }) => {
  await page.goto('./?actors=pashinyan');
  const all = await shownCount(page);
  await page.getByRole('combobox', { name: 'Role' }).selectOption('target');
  await expect(page).toHaveURL(/role=target/);
  await expect.poll(() => shownCount(page)).toBeLessThan(all);
  await expect(eventsTable(page)).toContainText('Thousands of angry protesters');
  await expect(eventsTable(page)).not.toContainText('ready to recognise');
});

test('event types filter, with legend colours and counts; chips remove filters and "Clear all" clears', async ({ page }) => {
  await page.goto('./');
  const legend = page.getByRole('figure', { name: 'Legend' });
  await expect(legend).toContainText('Protest');
  await types(page).getByRole('checkbox', { name: /^Ceasefire \d+$/ }).check();
  await expect(status(page)).toHaveText('Showing 4 of 16 events');
  await expect(page).toHaveURL(/types=ceasefire/);
  // The key names only the types drawn.
  await expect(legend).toContainText('Ceasefire');
  await expect(legend).not.toContainText('Protest');
  await types(page).getByRole('checkbox', { name: /^Protest \d+$/ }).check();
  await expect(status(page)).toHaveText('Showing 7 of 16 events');
  await expect(page).toHaveURL(/types=protest,ceasefire/);
  await page.getByRole('button', { name: 'Remove filter Type: Protest' }).click();
  await expect(status(page)).toHaveText('Showing 4 of 16 events');
  await page.getByRole('searchbox', { name: 'Search events' }).fill('Russia');
  await expect(page.getByRole('button', { name: /Remove filter Text/ })).toBeVisible();
  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await expect(legend).toContainText('Protest');
  expect(param(page, 'types')).toBeNull();
  expect(param(page, 'q')).toBeNull();
});

test('searching in English finds the ceasefires, and so does searching in Arabic', async ({ page }) => {
  await page.goto('./');
  const search = page.getByRole('searchbox', { name: 'Search events' });
  await search.fill('ceasefire');
  await expect(eventsTable(page)).toContainText('Negotiated ceasefire takes effect');
  await expect(eventsTable(page)).toContainText('Ceasefire ends the previous war');
  await expect(page).toHaveURL(/q=ceasefire/);
  const english = await shownCount(page);

  await search.fill('وقف إطلاق النار');
  await expect(eventsTable(page)).toContainText('Negotiated ceasefire takes effect');
  await expect(eventsTable(page)).toContainText('Russian-brokered ceasefire');
  expect(await shownCount(page)).toBeGreaterThanOrEqual(3);
  // Without the hamza, and with other letter variants, it still matches.
  await search.fill('وقف اطلاق النار');
  await expect(eventsTable(page)).toContainText('Negotiated ceasefire takes effect');
  expect(english).toBeGreaterThanOrEqual(4);
  // Typing a search is one history step: Back returns to before the search.
  await page.goBack();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
});

test('the date inputs set the window, and the place filters narrow by country and location', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('textbox', { name: 'From', exact: true }).fill('2022-09-14');
  await page.getByRole('textbox', { name: 'To', exact: true }).fill('2022-09-14');
  await expect(page).toHaveURL(/from=2022-09-14&to=2022-09-15/);
  await expect.poll(() => shownCount(page)).toBeLessThan(16);
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Country' }).selectOption('KGZ');
  await expect(page).toHaveURL(/country=KGZ/);
  await expect(status(page)).toHaveText('Showing 1 of 16 events');
  await expect(eventsTable(page)).toContainText('Bishkek Protocol');
  await page.getByRole('button', { name: 'Clear all' }).click();
  const location = page.getByRole('combobox', { name: 'Location' });
  await location.fill('Gyumri');
  await location.press('Enter');
  await expect(page).toHaveURL(/place=Gyumri/);
  await expect(status(page)).toHaveText('Showing 1 of 16 events');
});

test('a URL with bad values shows a notice saying what was ignored, and the rest of the view loads', async ({ page }) => {
  await page.goto('./?from=yesterday&to=2022-09-16&actors=russia,martians&types=clash,battle&lanes=diagonal&event=nope');
  const notice = page.locator('.notice');
  await expect(notice).toContainText('Ignored from the link');
  await expect(notice).toContainText('from "yesterday" is not a date');
  await expect(notice).toContainText('actor "martians" is not in the data');
  await expect(notice).toContainText('type "battle" is not an event type');
  await expect(notice).toContainText('lanes "diagonal"');
  await expect(notice).toContainText('event "nope" is not in the data');
  // The good values apply; the page is not blank.
  await expect(page.getByRole('region', { name: /^Timeline/ })).toBeVisible();
  await expect(actors(page).getByRole('checkbox', { name: /^Russia \d+$/ })).toBeChecked();
  await expect(types(page).getByRole('checkbox', { name: /^Clash \d+$/ })).toBeChecked();
  await expect(status(page)).toHaveText(/Showing \d+ of 16 events/);
  await page.getByRole('button', { name: 'Dismiss notice' }).click();
  await expect(notice).toHaveCount(0);
});

test('a link’s filters hold from the first screen: the unfiltered data never shows on the way', async ({ page }) => {
  // Every text the status line ever shows, recorded from before the app's own scripts run.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { statusTexts: string[] }).statusTexts = []);
    new MutationObserver(() => {
      const line = document.querySelector('.status-line');
      if (line?.textContent && seen.at(-1) !== line.textContent) seen.push(line.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('./?types=clash,ceasefire,statement');
  await expect(status(page)).toHaveText('Showing 8 of 16 events');
  await page.waitForTimeout(500);
  const seen = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  expect(seen).toEqual(['Showing 8 of 16 events']);
});

/** Holds back the import worker's search index until the test lets it through (window.releaseSearchIndex()). */
function holdSearchIndex(page: Page) {
  return page.addInitScript(() => {
    const held: (() => void)[] = [];
    let released = false;
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      override set onmessage(handler: ((event: MessageEvent) => void) | null) {
        super.onmessage = (event: MessageEvent) => {
          if (event.data?.type === 'search-index' && !released) held.push(() => handler?.call(this, event));
          else handler?.call(this, event);
        };
      }
    };
    Object.assign(window, { releaseSearchIndex: () => ((released = true), held.splice(0).forEach((deliver) => deliver())) });
  });
}

async function openLargeFile(page: Page, size: number) {
  const text = acledCsv(generatedAcledRows(size, 3));
  await page.getByLabel('Open data file').setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
}

test('searching a large file before its search index is ready keeps the page free: the words wait for the index the import worker builds, then the results come', async ({ page }) => {
  // 100,000 events, on a machine that may be running other tests at the same time.
  test.setTimeout(240_000);
  await holdSearchIndex(page);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await openLargeFile(page, 100_000);
  await expect(status(page)).toHaveText('Showing 100,000 of 100,000 events', { timeout: 120_000 });
  const box = page.getByLabel('Search events');
  await box.fill('village 12');
  // Not ready yet: the box keeps the words and says so; the data shown stays as it was meanwhile.
  const preparing = preparingSearch(page);
  await expect(preparing).toBeVisible();
  await expect(box).toHaveValue('village 12');
  // The page does not build the index itself while the worker's is on its way.
  await page.waitForTimeout(3000);
  await expect(preparing).toBeVisible();
  await expect(status(page)).toHaveText('Showing 100,000 of 100,000 events');
  // The index arrives, and the search runs on its own.
  await page.evaluate(() => (window as unknown as { releaseSearchIndex(): void }).releaseSearchIndex());
  await expect(preparing).toHaveCount(0, { timeout: 60_000 });
  await expect(status(page)).toHaveText(/^Showing [\d,]+ of 100,000 events$/);
  const shown = await shownCount(page);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(100_000);
  expect(param(page, 'q')).toBe('village 12');
  // Ready now: the next words apply at once.
  await box.fill('village 12 armed');
  await expect(preparing).toHaveCount(0);
  await expect(status(page)).toHaveText(/^Showing [\d,]+ of 100,000 events$/);
});

test('a large file added to other data is indexed on the page, between frames: the words wait, then the results come', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.getByRole('radio', { name: 'Add to current data' }).check();
  await openLargeFile(page, 100_000);
  await expect(status(page)).toHaveText('Showing 100,016 of 100,016 events', { timeout: 120_000 });
  await page.getByLabel('Search events').fill('village 12');
  await expect(preparingSearch(page)).toBeVisible();
  await expect(preparingSearch(page)).toHaveCount(0, { timeout: 120_000 });
  await expect(status(page)).toHaveText(/^Showing [\d,]+ of 100,016 events$/);
  const shown = await shownCount(page);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(100_000);
});
