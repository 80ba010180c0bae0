import { expect, test } from '@playwright/test';
import { acledCsv, acledRow, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { fontsLoaded } from './fontsLoaded.ts';

// Keyboard only: no mouse event is sent in these tests.

test('keyboard-only journey: from the skip link to the 14 Sep 2022 ceasefire, opened without the mouse', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  // The first Tab reaches the skip link, which takes the keyboard to the timeline.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the timeline' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  const timeline = page.getByRole('region', { name: /^Timeline of events/ });
  await expect(timeline).toBeFocused();

  // The live region says which event the keyboard is on: date, type, title and lane.
  const live = page.locator('#timeline-focus');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(/^5 May 1994, Agreement: Bishkek Protocol signed\. Lane Agreement\.$/);

  // Up to the ceasefire lane, then Right along it in time until the 14 Sep 2022 ceasefire.
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText(/Ceasefire: .*Lane Ceasefire\.$/);
  const heard: string[] = [(await live.textContent())!];
  for (let i = 0; i < 10 && !/^14 Sept 2022, 20:00, Ceasefire/.test(heard.at(-1)!); i++) {
    await page.keyboard.press('ArrowRight');
    await expect(live).not.toHaveText(heard.at(-1)!);
    heard.push((await live.textContent())!);
  }
  expect(heard.map((h) => h.slice(0, 12))).toEqual(['12 May 1994,', '10 Nov 2020,', '13 Sept 2022', '14 Sept 2022']);
  await expect(live).toHaveText(/^14 Sept 2022, 20:00, Ceasefire: Negotiated ceasefire takes effect/);
  // The timeline moved to show it (the address follows a moment later, as it does while zooming).
  const windowHolds = (t: number) => {
    const p = new URL(page.url()).searchParams;
    return Date.parse(p.get('from') ?? '') < t && t < Date.parse(p.get('to') ?? '');
  };
  await expect.poll(() => windowHolds(Date.UTC(2022, 8, 14, 16))).toBe(true);

  // Enter opens the details: 20:00 local, 16:00 UTC.
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(/^Negotiated ceasefire takes effect/);
  await expect(details).toContainText('14 Sept 2022, 20:00');
  await expect(details).toContainText('14 Sept 2022, 16:00 UTC');
  expect(new URL(page.url()).searchParams.get('event')).toBe('2022-09-14-ceasefire');

  // Escape closes the details and gives the keyboard back to the timeline, on the same event.
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(timeline).toBeFocused();
  await expect(live).toHaveText(/^14 Sept 2022, 20:00, Ceasefire/);
});

test('keys on the timeline: lanes, Home and End, zoom, and a visible focus ring', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  const timeline = page.getByRole('region', { name: /^Timeline of events/ });
  const canvas = page.locator('canvas.marks');
  // Once the fonts are in and the timeline has drawn with them, the canvas stays the same until a key.
  await fontsLoaded(page);
  const before = await canvas.screenshot();
  // Tab from the toolbar's last button (Export, at the end of the row above the timeline) moves into the timeline.
  await page.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('Tab');
  await expect(timeline).toBeFocused();
  const live = page.locator('#timeline-focus');
  // Focus lands on the first event in the window, and a ring is drawn around it.
  await expect(live).toHaveText(/^13 Sept 2022, early hours – 14 Sept 2022, 20:00, Clash: Fighting breaks out.*Lane Clash\.$/);
  await expect.poll(async () => (await canvas.screenshot()).equals(before)).toBe(false);
  // The ring is all that changed: leaving the timeline takes it away, and coming back brings it back.
  await page.keyboard.press('Shift+Tab');
  await expect.poll(async () => (await canvas.screenshot()).equals(before)).toBe(true);
  await page.keyboard.press('Tab');
  await expect(timeline).toBeFocused();
  await expect.poll(async () => (await canvas.screenshot()).equals(before)).toBe(false);
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText(/Lane Protest\.$/);
  await page.keyboard.press('ArrowDown');
  await expect(live).toHaveText(/Lane Ceasefire\.$/);
  await page.keyboard.press('ArrowUp');
  await expect(live).toHaveText(/Lane Protest\.$/);

  await page.keyboard.press('End');
  await expect(live).toHaveText(/^1[5-9] Sept 2022/);
  await page.keyboard.press('Home');
  await expect(live).toHaveText(/^5 May 1994, Agreement/);
  await expect.poll(() => new URL(page.url()).searchParams.get('from')).toMatch(/^199[34]/);

  const span = () => {
    const p = new URL(page.url()).searchParams;
    return Date.parse(p.get('to')!) - Date.parse(p.get('from')!);
  };
  const wide = span();
  await page.keyboard.press('+');
  await expect.poll(span).toBeLessThan(wide * 0.6);
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect.poll(span).toBeGreaterThan(wide * 1.5);
});

test('the keyboard focus shows in a lane drawn as a density too', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  await page.getByLabel('Open data file').setInputFiles({ name: 'busy.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(generatedAcledRows(20_000, 4))) });
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText('Showing 20,000 of 20,000 events', { timeout: 60_000 });
  // Every lane is a density at this zoom (the canvas says "… events here"): no event has a mark of
  // its own, and none of these lanes' colours is the focus colour (#0550ae).
  const focusPixels = () =>
    page.locator('canvas.marks').evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 0x05 && data[i + 1] === 0x50 && data[i + 2] === 0xae) n++;
      return n;
    });
  expect(await focusPixels()).toBe(0);
  await page.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: /^Timeline of events/ })).toBeFocused();
  await expect(page.locator('#timeline-focus')).toHaveText(/^1 Jan 2018, .* Lane \w/);
  // A line in the focus colour marks where the focused event starts; leaving the timeline takes it away.
  await expect.poll(focusPixels).toBeGreaterThan(40);
  await page.keyboard.press('Shift+Tab');
  await expect.poll(focusPixels).toBe(0);
});

test('"?" opens the keyboard shortcuts, Escape closes them', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row')).toHaveCount(13);
  await expect(help).toContainText('Previous or next event in time');
  await expect(help).toContainText('Open the details of the focused event');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // Typing "?" in the search box is text, not a shortcut.
  await page.getByRole('searchbox', { name: 'Search events' }).fill('');
  await page.getByRole('searchbox', { name: 'Search events' }).press('?');
  await expect(help).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue('?');
});

test('Escape closes the import report, in Arabic too, and its words are Arabic', async ({ page }) => {
  await page.goto('./?lang=ar');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  const csv = acledCsv([acledRow({ event_id_cnty: 'ARM1' }), acledRow({ event_id_cnty: 'ARM2', event_date: '31 September 2022' })], { layout: 'pre2023' });
  await page.getByLabel('فتح ملف بيانات').setInputFiles({ name: 'acled.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const report = page.getByRole('region', { name: /^تقرير الاستيراد: acled\.csv/ });
  await expect(report).toBeVisible();
  await expect(report.getByRole('button', { name: 'تنزيل التقرير (CSV)' })).toBeVisible();
  await expect(report).toContainText('الصفوف المرفوضة');
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();
});

test('with the details open, the arrow keys go on along the timeline from the open event', async ({ page }) => {
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  await expect(page.locator('.lane-label').first()).toBeVisible();
  const timeline = page.getByRole('region', { name: /^Timeline of events/ });
  const live = page.locator('#timeline-focus');
  await timeline.focus();
  for (let i = 0; i < 12 && !/^14 Sept 2022, 20:00, Ceasefire/.test((await live.textContent()) ?? ''); i++) {
    await page.keyboard.press(/Ceasefire/.test((await live.textContent()) ?? '') ? 'ArrowRight' : 'ArrowDown');
  }
  await expect(live).toHaveText(/^14 Sept 2022, 20:00, Ceasefire/);
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details.getByRole('heading', { level: 2 })).toBeFocused();

  // No Escape needed: Left is the ceasefire before it, and the keyboard is back on the timeline.
  await page.keyboard.press('ArrowLeft');
  await expect(timeline).toBeFocused();
  await expect(live).toHaveText(/^13 Sept 2022, .*Ceasefire/);
  // The details still show the event opened, until Enter opens the one the keyboard is on.
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(/^Negotiated ceasefire takes effect/);
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 2 })).not.toHaveText(/^Negotiated ceasefire takes effect/);
  await expect(details).toContainText('13 Sept 2022');
});
