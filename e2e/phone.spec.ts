// Phones and narrow embeds (issue 21, item 5): a 390 × 844 touch screen.
import { expect, test, type CDPSession, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openWithFonts } from './fontsLoaded.ts';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

const status = (page: Page) => page.locator('.status-line');
const urlParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const windowOf = (page: Page) => ({ from: Date.parse(urlParam(page, 'from')!), to: Date.parse(urlParam(page, 'to')!) });
const span = (page: Page) => windowOf(page).to - windowOf(page).from;

/** The window in the URL once a gesture has ended (a zoom writes it 250 ms after it stops). */
async function settledSpan(page: Page): Promise<number> {
  let last = NaN;
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(350);
    const now = span(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** What would scroll sideways: the page wider than the screen. */
const horizontalOverflow = (page: Page) =>
  page.evaluate(() => {
    const html = document.documentElement;
    return Math.max(html.scrollWidth, document.body.scrollWidth) - html.clientWidth;
  });

/** The element's text fits in it: nothing cut off or ellipsised on its line. */
const textCutOff = (locator: Locator) => locator.evaluate((el) => el.scrollWidth - el.clientWidth);

async function expectInsideScreen(locator: Locator) {
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width + 0.5);
}

type Point = [number, number];
/** Fingers on the screen, through the Chrome DevTools Protocol (Playwright taps, but neither drags nor pinches). */
async function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[]) {
  await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })) });
}
async function gesture(page: Page, from: Point[], to: Point[], steps = 8) {
  const cdp = await page.context().newCDPSession(page);
  await touch(cdp, 'touchStart', from);
  for (let i = 1; i <= steps; i++) {
    await touch(
      cdp,
      'touchMove',
      from.map(([x, y], k) => [x + ((to[k]![0] - x) * i) / steps, y + ((to[k]![1] - y) * i) / steps]),
    );
  }
  await touch(cdp, 'touchEnd', []);
  await cdp.detach();
}

for (const [lang, query, words] of [
  ['English', '?from=2022-09-12&to=2022-09-16', { status: 'Showing 12 of 16 events', switchTo: 'العربية', legend: ['Several events (tap to zoom)', '(when selected)'] }],
  ['Arabic', '?lang=ar&from=2022-09-12&to=2022-09-16', { status: /^الأحداث المعروضة: \S+ من \S+$/, switchTo: 'English', legend: ['عدة أحداث (المس للتكبير)', '(عند التحديد)'] }],
] as const) {
  test(`${lang}: nothing scrolls sideways, the header and the status line read in full, the timeline is on the first screen`, async ({ page }) => {
    await openWithFonts(page, `./${query}`);
    await expect(page.locator('.lane-label').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    // The status line: on its own line, the whole text shown.
    await expect(status(page)).toHaveText(words.status);
    await expectInsideScreen(status(page));
    expect(await textCutOff(status(page))).toBeLessThanOrEqual(0);
    const statusBox = (await status(page).boundingBox())!;
    expect(statusBox.height).toBeLessThan(30); // one line

    // The header: the product, the title in at most two lines, and the language switch, all on screen.
    const title = page.getByRole('heading', { level: 1 });
    await expect(title).toBeVisible();
    await expectInsideScreen(title);
    expect((await title.boundingBox())!.height).toBeLessThan(50);
    await expect(page.locator('.brand .product')).toBeVisible();
    await expectInsideScreen(page.getByRole('button', { name: words.switchTo }));
    const header = (await page.locator('.app-header').boundingBox())!;
    expect(header.height).toBeLessThan(220);

    // The timeline starts high on the first screen, and all of it fits there.
    const timeline = (await page.locator('#timeline').boundingBox())!;
    expect(timeline.y).toBeLessThan(PHONE.height / 2);
    expect(timeline.y + timeline.height).toBeLessThanOrEqual(PHONE.height);
    expect(timeline.x + timeline.width).toBeLessThanOrEqual(PHONE.width);

    // The overview sits under the plot (not under the lane names), in both directions.
    const plot = (await page.locator('canvas.marks').boundingBox())!;
    const overview = (await page.locator('.overview').boundingBox())!;
    expect(Math.abs(overview.x - plot.x)).toBeLessThanOrEqual(3);
    expect(Math.abs(overview.x + overview.width - (plot.x + plot.width))).toBeLessThanOrEqual(3);

    // The legend says what a finger does: nothing hovers or clicks on a touch screen.
    const legend = page.getByRole('figure', { name: lang === 'English' ? 'Legend' : 'مفتاح الرموز' });
    for (const line of words.legend) await expect(legend).toContainText(line);
    await expect(legend).not.toContainText(/click|hover|انقر|التمرير/);

    // The toolbar wraps inside the screen.
    for (const button of await page.locator('.toolbar button:visible').all()) await expectInsideScreen(button);

    // The Events table fits the screen, with the titles readable.
    const table = page.locator('.events-table');
    await table.scrollIntoViewIfNeeded();
    await expectInsideScreen(table);
    const firstTitle = table.locator('td.title').first();
    await expect(firstTitle).toBeVisible();
    expect((await firstTitle.boundingBox())!.width).toBeGreaterThan(180);
    // Long dates and titles take two lines inside the row, which keeps its height (the table is virtualised).
    const heights = await table.locator('tbody tr[aria-rowindex]').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(5);
    for (const h of heights) expect(h).toBeCloseTo(36, 0);
    expect(await textCutOff(table.locator('td.date').first())).toBeLessThanOrEqual(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

test('the filters fold into a Filters button: its drawer opens, applies a filter, counts it, and closes', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-12&to=2022-09-16');
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  // No filter panel beside the timeline on a phone: a button in the toolbar instead.
  await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
  const button = page.getByRole('button', { name: 'Filters', exact: true });
  await expectInsideScreen(button);

  await button.tap();
  const drawer = page.getByRole('dialog', { name: 'Filters' });
  await expect(drawer).toBeVisible();
  const box = (await drawer.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  await drawer.getByRole('group', { name: 'Event types' }).getByRole('checkbox').first().check(); // Clash
  await expect(status(page)).toHaveText('Showing 1 of 16 events');
  expect(urlParam(page, 'types')).toBe('clash');

  // The close button closes it; the keyboard goes back to the button, which now counts the filter.
  await drawer.getByRole('button', { name: 'Close filters' }).tap();
  await expect(drawer).toBeHidden();
  const counted = page.getByRole('button', { name: 'Filters, 1 active' });
  await expect(counted).toBeFocused();
  await expect(counted).toHaveText('Filters1');
  await expect(page.getByRole('group', { name: 'Active filters' })).toContainText('Type: Clash');

  // Escape closes it too.
  await counted.tap();
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('group', { name: 'Event types' }).getByRole('checkbox').first()).toBeChecked();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(counted).toBeFocused();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test('with many filters on, the chips keep to one row that scrolls by itself, and the timeline stays on the first screen', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-12&to=2022-09-16&types=clash,ceasefire,casualty-report,statement,diplomacy');
  await expect(page.getByRole('button', { name: 'Filters, 5 active' })).toHaveText('Filters5');
  const chips = page.getByRole('group', { name: 'Active filters' });
  const chipBoxes = await chips.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().top));
  expect(new Set(chipBoxes).size).toBe(1);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  const timeline = (await page.locator('#timeline').boundingBox())!;
  expect(timeline.y + timeline.height).toBeLessThanOrEqual(PHONE.height);
  // The last chip, off to the side, scrolls into view and still removes its filter.
  const clear = chips.getByRole('button', { name: 'Clear all' });
  await clear.scrollIntoViewIfNeeded();
  await expectInsideScreen(clear);
  await clear.tap();
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeVisible();
});

test('a tap on an event opens its details as a bottom sheet, and its close button closes it', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-14T12:00Z&to=2022-09-14T20:00Z');
  const canvas = page.locator('canvas.marks');
  await expect(page.locator('.lane-label', { hasText: 'Ceasefire' })).toBeVisible();
  const plot = (await canvas.boundingBox())!;
  const lane = (await page.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!;
  // 16:00 UTC, the negotiated ceasefire, is the middle of the window; its mark is on the lane's first row.
  await page.touchscreen.tap(plot.x + plot.width * 0.5, lane.y + 14);

  const sheet = page.getByRole('complementary', { name: 'Event details' });
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(/Negotiated ceasefire/);
  expect(urlParam(page, 'event')).toBe('2022-09-14-ceasefire');
  // A sheet along the bottom of the screen, the width of the screen, leaving the top of the page in view.
  const box = (await sheet.boundingBox())!;
  expect(Math.abs(box.y + box.height - PHONE.height)).toBeLessThanOrEqual(1);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.width).toBeGreaterThan(PHONE.width - 2);
  expect(box.y).toBeGreaterThan(PHONE.height * 0.45);
  // The page scrolled so that the event's mark shows above the sheet.
  const ceasefireLane = (await page.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!;
  expect(ceasefireLane.y).toBeGreaterThan(0);
  expect(ceasefireLane.y + 24).toBeLessThan(box.y);
  // A tap is not a hover: no tooltip left over the timeline.
  await expect(page.getByRole('tooltip')).toBeHidden();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

  const close = sheet.getByRole('button', { name: 'Close details' });
  await expectInsideScreen(close);
  const closeBox = (await close.boundingBox())!;
  expect(closeBox.y).toBeGreaterThanOrEqual(box.y);
  expect(closeBox.width).toBeGreaterThanOrEqual(40); // a finger's size
  await close.tap();
  await expect(sheet).toHaveCount(0);
  await expect(page).not.toHaveURL(/event=/);
});

test('an event opened from a link shows its mark above the details sheet', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire');
  const sheet = page.getByRole('complementary', { name: 'Event details' });
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(/Negotiated ceasefire/);
  await expect.poll(async () => (await page.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!.y + 24).toBeLessThan((await sheet.boundingBox())!.y);
  expect((await page.locator('.lane-label', { hasText: 'Ceasefire' }).boundingBox())!.y).toBeGreaterThan(0);
});

test('an event chosen in the Events table opens the sheet where the reader is, without scrolling back up', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-12&to=2022-09-16');
  const row = page.getByRole('table', { name: 'Events' }).getByRole('button', { name: /^Armenia asks Russia/ });
  await row.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -200));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(300);
  await row.tap();
  const sheet = page.getByRole('complementary', { name: 'Event details' });
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(/Armenia asks Russia/);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  await expect(row).toBeInViewport();
});

test('one finger drags the timeline to later times; two fingers pinch it closer', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-12&to=2022-09-16');
  await expect(status(page)).toHaveText('Showing 12 of 16 events');
  const plot = (await page.locator('canvas.marks').boundingBox())!;
  const y = plot.y + plot.height / 2;
  const before = windowOf(page);
  const width = before.to - before.from;
  const scrollY = await page.evaluate(() => window.scrollY);

  // Drag from right to left across half the plot: half a window later.
  await gesture(page, [[plot.x + plot.width * 0.75, y]], [[plot.x + plot.width * 0.25, y]]);
  await expect.poll(() => windowOf(page).from).toBeGreaterThan(before.from + width * 0.3);
  expect(span(page)).toBeCloseTo(width, -5);
  expect(windowOf(page).to - before.to).toBeCloseTo(windowOf(page).from - before.from, -5);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollY); // the drag moved the timeline, not the page
  await expect(status(page)).not.toHaveText('Showing 12 of 16 events');

  // Spread two fingers from 60 px apart to 240 px: the window narrows four times.
  const afterDrag = await settledSpan(page);
  const cx = plot.x + plot.width / 2;
  await gesture(page, [[cx - 30, y], [cx + 30, y]], [[cx - 120, y], [cx + 120, y]]);
  const zoomed = await settledSpan(page);
  expect(zoomed / afterDrag).toBeCloseTo(1 / 4, 1);
  // ...and back: bringing them from 240 px to 80 px widens it three times.
  await gesture(page, [[cx - 120, y], [cx + 120, y]], [[cx - 40, y], [cx + 40, y]]);
  expect((await settledSpan(page)) / zoomed).toBeCloseTo(3, 1);
});

test('outside the timeline a finger scrolls the page', async ({ page }) => {
  await openWithFonts(page, './?from=2022-09-12&to=2022-09-16');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  const before = urlParam(page, 'from');
  // Swipe up on the legend, below the timeline.
  const legend = (await page.getByRole('figure', { name: 'Legend' }).boundingBox())!;
  const x = PHONE.width / 2;
  const y = Math.min(legend.y + 10, PHONE.height - 20);
  await gesture(page, [[x, y]], [[x, y - 300]], 10);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  expect(urlParam(page, 'from')).toBe(before);
});

for (const [lang, query] of [
  ['English', '?embed=1&from=2022-09-12&to=2022-09-16&title=Border+clashes,+13%E2%80%9314+September+2022'],
  ['Arabic', '?embed=1&lang=ar&from=2022-09-12&to=2022-09-16'],
] as const) {
  test(`the embed, 390 px wide (${lang}): no sideways scroll, the status line whole, the timeline on the first screen`, async ({ page }) => {
    await openWithFonts(page, `./${query}`);
    await expect(page.locator('.lane-label').first()).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectInsideScreen(status(page));
    expect(await textCutOff(status(page))).toBeLessThanOrEqual(0);
    await expectInsideScreen(page.locator('.full-view-link'));
    await expectInsideScreen(page.getByRole('heading', { level: 1 }));
    const timeline = (await page.locator('#timeline').boundingBox())!;
    expect(timeline.y).toBeLessThan(200);
    expect(timeline.x + timeline.width).toBeLessThanOrEqual(PHONE.width);
    // A tap opens the details in the embed too, with a close button that closes them.
    const plot = (await page.locator('canvas.marks').boundingBox())!;
    const first = (await page.locator('.lane-label').first().boundingBox())!;
    // The clash is a bar across 13 September: the second fifth of the window (right to left in Arabic too: time runs left to right).
    await page.touchscreen.tap(plot.x + plot.width * 0.35, first.y + 14);
    const details = page.locator('.detail-panel');
    await expect(details).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await details.locator('button.close').tap();
    await expect(details).toHaveCount(0);
  });
}

for (const [name, query] of [
  ['the filters drawer, dark theme, a filter on', '?theme=dark&from=2022-09-12&to=2022-09-16&types=clash'],
  ['the filters drawer, Arabic', '?lang=ar&from=2022-09-12&to=2022-09-16&types=clash'],
] as const) {
  test(`axe finds no serious or critical violation on a phone: ${name}, then the details sheet`, async ({ page }) => {
    const serious = async () =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    await openWithFonts(page, `./${query}`);
    await page.locator('.lane-label').first().waitFor();
    expect(await serious()).toEqual([]);
    await page.locator('.filters-button').tap();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('table').getByRole('button').first().tap();
    await expect(page.locator('.detail-panel h2')).toBeVisible();
    expect(await serious()).toEqual([]);
  });
}

test.describe('on a tablet', () => {
  test.use({ viewport: { width: 900, height: 1000 }, hasTouch: false, isMobile: false });
  test('the filters are behind the Filters button, so the timeline starts on the first screen; the details stay a side panel', async ({ page }) => {
    await openWithFonts(page, './?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire');
    await expect(page.getByRole('complementary', { name: 'Filters' })).toHaveCount(0);
    const timeline = (await page.locator('#timeline').boundingBox())!;
    expect(timeline.y).toBeLessThan(400);
    await page.getByRole('button', { name: 'Filters', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await drawer.getByRole('group', { name: 'Event types' }).getByRole('checkbox').first().check();
    await expect(page.getByRole('button', { name: 'Filters, 1 active' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    // The details are the desktop panel, not the phone's bottom sheet.
    await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1400, height: 1000 }, hasTouch: false, isMobile: false });
  test('the filter panel stays beside the timeline, with no Filters button', async ({ page }) => {
    await openWithFonts(page, './?from=2022-09-12&to=2022-09-16');
    await expect(page.getByRole('complementary', { name: 'Filters' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Filters/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Close filters' })).toHaveCount(0);
  });
});
