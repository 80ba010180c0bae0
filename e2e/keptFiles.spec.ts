// Nothing lost on reload: the files a user opened are kept in this browser (IndexedDB), come back
// after a reload in the way they were opened, and can be forgotten.
import { test, expect, type Page } from '@playwright/test';
import { acledCsv, acledRow } from '../src/testing/acledFixture.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const kept = (page: Page) => page.getByRole('region', { name: 'Kept in this browser' });

function acled(ids: string[]): Buffer {
  return Buffer.from(acledCsv(ids.map((id, i) => acledRow({ event_id_cnty: id, event_date: `2022-09-1${i}` }))));
}

async function openFile(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel('Open data file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

test('opened files come back after a reload, replaced or added as they were opened, until they are forgotten', async ({ page }, info) => {
  await page.goto('/');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await expect(kept(page)).toHaveCount(0);

  await openFile(page, 'first.csv', acled(['A1', 'A2', 'A3']));
  await expect(status(page)).toHaveText('Showing 3 of 3 events');
  await expect(kept(page).getByRole('listitem')).toHaveCount(1);
  await expect(kept(page).getByRole('listitem')).toContainText(/first\.csv\s*\d+(\.\d)? KB · opened \d{1,2} \w+ \d{4}/);

  await page.getByRole('radio', { name: 'Add to current data' }).check();
  await openFile(page, 'second.csv', acled(['B1', 'B2']));
  await expect(status(page)).toHaveText('Showing 5 of 5 events');
  await expect(kept(page).getByRole('listitem')).toHaveCount(2);
  await expect(kept(page).getByRole('listitem').nth(1)).toContainText('second.csv');
  await expect(kept(page)).toContainText('These files come back when you reload.');
  await page.screenshot({ path: info.outputPath('kept-files.png') });

  // Reload: the same data, without the import reports, and the view in the link applies to it.
  await page.goto('./?event=B2');
  await expect(status(page)).toHaveText('Showing 5 of 5 events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from first.csv + ACLED events from second.csv');
  await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
  await expect(page.getByRole('region', { name: /Import report/ })).toHaveCount(0);
  await expect(kept(page).getByRole('listitem')).toHaveCount(2);

  // Forget the second file: it stays on screen until the reload, then only the first comes back.
  await kept(page).getByRole('button', { name: 'Forget second.csv' }).click();
  await expect(page.locator('.notice')).toContainText('second.csv is no longer kept in this browser. Its data stays on screen until you reload.');
  await expect(kept(page).getByRole('listitem')).toHaveCount(1);
  await expect(status(page)).toHaveText(/of 5 events$/);
  await page.reload();
  await expect(status(page)).toHaveText('Showing 3 of 3 events');

  // Replacing starts the list afresh.
  await page.getByRole('radio', { name: 'Replace' }).check();
  await openFile(page, 'third.csv', acled(['C1']));
  await expect(status(page)).toHaveText('Showing 1 of 1 event');
  await expect(kept(page).getByRole('listitem')).toHaveCount(1);
  await expect(kept(page).getByRole('listitem')).toContainText('third.csv');

  await kept(page).getByRole('button', { name: 'Forget third.csv' }).click();
  await expect(kept(page)).toHaveCount(0);
  await page.goto('/');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await expect(kept(page)).toHaveCount(0);
});

test('a plain CSV comes back with the columns it was mapped with; a failing data link shows the kept files instead', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'notes.csv', Buffer.from('Day,What happened\n14/09/2022,Ceasefire holds\n15/09/2022,Rally in Yerevan\n'));
  const dialog = page.getByRole('dialog', { name: 'Map the columns of notes.csv' });
  await dialog.getByLabel('Date (required)').selectOption('Day');
  await dialog.getByLabel('Title (required)').selectOption('What happened');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  // Reload once the file is kept, as the panel says (keeping it is written after it shows).
  await expect(kept(page).getByRole('listitem')).toContainText('notes.csv');
  await page.reload();
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  await expect(dialog).toBeHidden();

  await page.route('https://data.example.org/**', (route) => route.fulfill({ status: 404, body: 'not found', headers: { 'access-control-allow-origin': '*' } }));
  await page.goto('./?data=https://data.example.org/gone.csv');
  await expect(page.locator('.notice')).toHaveCount(1);
  await expect(page.locator('.notice')).toContainText(
    'The data at https://data.example.org/gone.csv could not be loaded: the server answered 404 Not Found. The files kept in this browser are shown instead.',
  );
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
});

test('a data link shows its own data; the kept files are listed as not on screen and open again on request', async ({ page }) => {
  await page.route('https://data.example.org/**', (route) => route.fulfill({ status: 200, body: acled(['L1']), headers: { 'access-control-allow-origin': '*', 'content-type': 'text/csv' } }));
  await page.goto('/');
  await openFile(page, 'mine.csv', acled(['M1', 'M2']));
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  // Leave once the file is kept (keeping it is written after it shows).
  await expect(kept(page).getByRole('listitem')).toContainText('mine.csv');
  await page.goto('./?data=https://data.example.org/linked.csv');
  await expect(status(page)).toHaveText('Showing 1 of 1 event');
  await expect(kept(page)).toContainText('Not on screen now.');
  await kept(page).getByRole('button', { name: 'Open them again' }).click();
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  await expect(kept(page)).toContainText('These files come back when you reload.');
  // The link no longer names data that is not on screen, so a reload keeps the kept files.
  await expect(page).not.toHaveURL(/data=/);
  await page.reload();
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
});

test('an embed never shows what a reader keeps', async ({ page }) => {
  await page.goto('/');
  await openFile(page, 'mine.csv', acled(['M1']));
  await expect(status(page)).toHaveText('Showing 1 of 1 event');
  await expect(kept(page)).toContainText('mine.csv');
  await page.goto('./?embed=1');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
});

test("a file added to a data link's data comes back on that data after a reload", async ({ page }) => {
  let linkUp = true;
  await page.route('https://data.example.org/**', (route) =>
    linkUp
      ? route.fulfill({ status: 200, body: acled(['L1', 'L2']), headers: { 'access-control-allow-origin': '*', 'content-type': 'text/csv' } })
      : route.fulfill({ status: 404, body: 'gone', headers: { 'access-control-allow-origin': '*' } }),
  );
  await page.goto('./?data=https://data.example.org/linked.csv');
  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  await page.getByRole('radio', { name: 'Add to current data' }).check();
  await openFile(page, 'mine.csv', acled(['M1', 'M2', 'M3']));
  await expect(status(page)).toHaveText('Showing 5 of 5 events');
  await expect(kept(page).getByRole('listitem')).toContainText(/mine\.csv\s*[\d.]+ KB · added .+ to the data at https:\/\/data\.example\.org\/linked\.csv/);
  // The address no longer names the link; a reload opens the link, then adds the kept file to it.
  await expect(page).not.toHaveURL(/data=/);
  await page.reload();
  await expect(status(page)).toHaveText('Showing 5 of 5 events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ACLED events from linked.csv + ACLED events from mine.csv');
  await expect(page.locator('.notice')).toHaveCount(0);
  // Where the link fails, the file is added to the bundled data, and a notice says so.
  linkUp = false;
  await page.goto('/');
  await expect(status(page)).toHaveText('Showing 19 of 19 events');
  await expect(page.locator('.notice')).toHaveText(
    /^The data at https:\/\/data\.example\.org\/linked\.csv could not be loaded: the server answered 404 Not Found\. The kept files that were added to it are added to the bundled dataset instead\./,
  );
});
