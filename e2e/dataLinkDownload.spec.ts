// A data link's file downloads with its progress shown; Cancel stops it, and so does opening a
// file meanwhile, which then takes its place. The file comes from another origin, half at once
// and the rest when the test says, so that each step can be seen mid-way.
import { test, expect, type Page } from '@playwright/test';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { startOtherOrigin, type OtherOrigin } from './otherOrigin.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const LINKED = Buffer.from(acledCsv(generatedAcledRows(40, 7)));

let host: OtherOrigin;
/** Sends the rest of the file being downloaded. */
let sendRest = () => {};
/** Whether the download ended before it was whole (the page stopped it). */
let stoppedEarly: Promise<boolean> = Promise.resolve(false);

test.beforeAll(async () => {
  host = await startOtherOrigin((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(LINKED.length), 'access-control-allow-origin': '*' });
    res.write(LINKED.subarray(0, LINKED.length / 2));
    let whole = false;
    stoppedEarly = new Promise((resolve) => res.on('close', () => resolve(!whole)));
    sendRest = () => {
      if (res.destroyed) return;
      whole = true;
      res.end(LINKED.subarray(LINKED.length / 2));
    };
  });
});

test.afterAll(() => host.close());

const linkUrl = () => `${host.origin}/linked.csv`;

async function halfDownloaded(page: Page) {
  await page.goto(`/?data=${encodeURIComponent(linkUrl())}`);
  const bar = page.getByRole('progressbar', { name: `Downloading ${linkUrl()}` });
  await expect(bar).toHaveAttribute('value', '50');
  await expect(page.locator('.import-percent')).toHaveText('50%');
  // Nothing is loaded yet: the events table says they are coming, not that a filter hides them.
  await expect(page.getByRole('region', { name: 'Events' }).locator('.empty')).toHaveText('The events appear here once the data is read.');
}

test('a data link downloads with its progress shown, then opens', async ({ page }) => {
  await halfDownloaded(page);
  sendRest();
  await expect(status(page)).toHaveText('Showing 40 of 40 events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from linked.csv');
  expect(await stoppedEarly).toBe(false);
});

test('Cancel stops a data link’s download, and the bundled data is shown with one notice', async ({ page }) => {
  await halfDownloaded(page);
  await page.getByRole('region', { name: 'Import progress' }).getByRole('button', { name: 'Cancel' }).click();
  expect(await stoppedEarly).toBe(true);
  await expect(page.locator('.notice')).toHaveText(new RegExp(`^The download of ${linkUrl().replace(/[.]/g, '\\.')} was cancelled\\. The bundled dataset is shown instead\\.`));
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await expect(page.getByRole('region', { name: 'Import progress' })).toBeHidden();
});

test('a file opened while a data link downloads takes its place', async ({ page }) => {
  await halfDownloaded(page);
  await page.getByLabel('Open data file').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(acledCsv(generatedAcledRows(3, 2))) });
  // The link's download stopped, not merely left behind.
  expect(await stoppedEarly).toBe(true);
  await expect(status(page)).toHaveText('Showing 3 of 3 events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from mine.csv');
  await expect(page).not.toHaveURL(/data=/);
  await expect(page.locator('.notice')).toHaveCount(0);
});
