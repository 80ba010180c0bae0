import { expect, test, type Page } from '@playwright/test';
import { acledRow, europeanSpreadsheetCsv, toMonadic, ACLED_CURRENT_COLUMNS, ACLED_DYADIC_ONLY, type AcledRow } from '../src/testing/acledFixture.ts';
import { rStyleCsv, type RCell } from '../src/testing/rStyleCsv.ts';
import { spreadsheetSavedGed, UCDP_HEADER, ucdpRow } from '../src/testing/ucdpFixture.ts';

// ACLED exports as analysts have them: the monadic layout (one row per actor), written by R
// (missing cells as NA), with yyyymmdd dates. Opened in the app, they give whole events, no actor
// or place named "NA", and an honest, quiet report.

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });

/** An ACLED row as R writes it: empty cells become NA, fatalities and coordinates numbers. */
function rRow(row: AcledRow): Record<string, RCell> {
  const out: Record<string, RCell> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value === '' || value === undefined ? null : /^(fatalities|latitude|longitude|year)$/.test(key) ? Number(value) : value;
  return out;
}

test('an R-written monadic ACLED export opens as whole events, with NA read as missing and the merge reported', async ({ page }) => {
  const dyadic: AcledRow[] = [
    acledRow({ event_id_cnty: 'ARM100', event_date: '20220913', location: 'Jermuk', admin3: '' }),
    acledRow({ event_id_cnty: 'ARM101', event_date: '20220914', location: 'Goris', admin3: '' }),
    acledRow({ event_id_cnty: 'ARM102', event_date: '20220916', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Armenia)', inter1: 'Protesters', actor2: '', inter2: '', location: 'Yerevan', admin2: '', admin3: '', tags: '' }),
  ];
  const columns = ACLED_CURRENT_COLUMNS.filter((c) => !(ACLED_DYADIC_ONLY as readonly string[]).includes(c));
  const csv = rStyleCsv(columns, toMonadic(dyadic).map(rRow));
  expect(csv).toContain(',NA,');
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  await page.getByLabel('Open data file').setInputFiles({ name: 'armenia-monadic.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(status(page)).toHaveText('Showing 3 of 3 events');
  const report = page.getByRole('region', { name: 'Import report: armenia-monadic.csv' });
  await expect(report.locator('.report-gist')).toHaveText('ACLED CSV (current layout, monadic: one row per actor) · 3 events imported · 2 rows merged into their events');
  await expect(report.getByRole('region', { name: 'Rejected rows' })).toHaveCount(0);
  await report.getByRole('button', { name: 'Details' }).click();
  await expect(report).toContainText('5 rows read: 3 events imported (0 fixed), 2 rows merged into their events, 0 rejected.');
  await expect(report.getByRole('region', { name: 'Read as missing' })).toContainText(/^Read as missing\s*NA \(\d+ cells\)$/);

  // Both sides of a clash are its actors; nobody and nothing is called NA.
  const actors = page.getByRole('group', { name: 'Actors' });
  await expect(actors.getByRole('checkbox', { name: /Military Forces of Armenia/ })).toHaveAccessibleName(/\b2$/);
  await expect(actors.getByRole('checkbox', { name: /Military Forces of Azerbaijan/ })).toHaveAccessibleName(/\b2$/);
  await expect(actors.getByRole('checkbox', { name: /^NA\b/ })).toHaveCount(0);
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table).toContainText('Armed clash: Military Forces of Azerbaijan – Military Forces of Armenia, Jermuk');
  await expect(table).not.toContainText(/\bNA\b/);
  await table.getByRole('button', { name: /Goris/ }).click();
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details).toContainText('14 Sept 2022');
  await expect(details).not.toContainText(/\bNA\b/);
  await expect(page.getByLabel('Country')).not.toContainText(/\bNA\b/);
});

test('an ACLED export a US spreadsheet saved (dates month first) opens on the days it names, and the report says how its dates were read', async ({ page }) => {
  const csv = [ACLED_CURRENT_COLUMNS.join(','), ...[
    acledRow({ event_id_cnty: 'ARM100', event_date: '9/13/2022', location: 'Jermuk' }),
    acledRow({ event_id_cnty: 'ARM101', event_date: '9/10/2022', location: 'Goris' }),
  ].map((row) => ACLED_CURRENT_COLUMNS.map((c) => JSON.stringify(row[c] ?? '')).join(','))].join('\n');
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  await page.getByLabel('Open data file').setInputFiles({ name: 'armenia-us.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('row').nth(1)).toContainText('10 Sept 2022');
  await expect(table.getByRole('row').nth(2)).toContainText('13 Sept 2022');
  const report = page.getByRole('region', { name: 'Import report: armenia-us.csv' });
  await report.getByRole('button', { name: 'Details' }).click();
  await expect(report).toContainText('event_date has its dates month first (9/13/2022), as US spreadsheets save them');
});

test('an ACLED export a European spreadsheet saved (semicolons, decimal commas, 13.09.2022) opens as ACLED, without the column dialog', async ({ page }) => {
  const csv = europeanSpreadsheetCsv([
    acledRow({ event_id_cnty: 'ARM100', location: 'Jermuk', notes: 'Shelling, then a lull; "heavy" fire' }),
    acledRow({ event_id_cnty: 'ARM101', event_date: '2022-09-14', location: 'Goris' }),
  ]);
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  await page.getByLabel('Open data file').setInputFiles({ name: 'armenia-excel.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  await expect(status(page)).toHaveText('Showing 2 of 2 events');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const report = page.getByRole('region', { name: 'Import report: armenia-excel.csv' });
  await expect(report.locator('.report-gist')).toHaveText('ACLED CSV (current layout) · 2 events imported');
  const table = page.getByRole('table', { name: 'Events' });
  await expect(table.getByRole('row').nth(1)).toContainText('13 Sept 2022');
  await table.getByRole('button', { name: /Jermuk/ }).click();
  const details = page.getByRole('complementary', { name: 'Event details' });
  await expect(details).toContainText('Shelling, then a lull; "heavy" fire');
  await expect(details).toContainText('40.2');
});

test('a UCDP GED file a spreadsheet saved again opens as GED on the days it names: European (semicolons, decimal commas, 13.09.2022) and US (9/13/2022)', async ({ page }) => {
  const ged = UCDP_HEADER + ucdpRow(1, 'Government of Azerbaijan', '2022-09-13') + ucdpRow(2, 'Government of Azerbaijan', '2022-09-10');
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  for (const saved of ['european', 'us'] as const) {
    const name = `ged-${saved}.csv`;
    await page.getByLabel('Open data file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(spreadsheetSavedGed(ged, saved)) });
    const report = page.getByRole('region', { name: `Import report: ${name}` });
    await expect(report.locator('.report-gist')).toHaveText('UCDP GED CSV · 2 events imported');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(status(page)).toHaveText('Showing 2 of 2 events');
    const table = page.getByRole('table', { name: 'Events' });
    await expect(table.getByRole('row').nth(1)).toContainText('10 Sept 2022');
    await expect(table.getByRole('row').nth(2)).toContainText('13 Sept 2022');
    await report.getByRole('button', { name: 'Details' }).click();
    if (saved === 'us') await expect(report).toContainText('date_start has its dates month first (9/13/2022), as US spreadsheets save them');
    await table.getByRole('row').nth(2).getByRole('button').first().click();
    await expect(page.getByRole('complementary', { name: 'Event details' })).toContainText('39.84');
  }
});

test('what the ACLED API and the UCDP GED API answer, saved as JSON, and ACLED rows as JSON Lines, open as their CSV does', async ({ page }) => {
  const acled = { status: 200, success: true, count: 2, data: [acledRow({ event_id_cnty: 'ARM100', location: 'Jermuk' }), acledRow({ event_id_cnty: 'ARM101', event_date: '2022-09-14', location: 'Goris' })] };
  const numbers = new Set(['id', 'year', 'latitude', 'longitude', 'best', 'high', 'low']);
  const header = UCDP_HEADER.trimEnd().split(',');
  const ged = { TotalCount: 1, TotalPages: 1, Result: [Object.fromEntries(ucdpRow(7).trimEnd().split(',').map((cell, k) => [header[k]!, numbers.has(header[k]!) ? Number(cell) : cell]))] };
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  for (const [name, answer, gist, shown] of [
    ['acled-api.json', acled, 'ACLED JSON (current layout) · 2 events imported', 'Showing 2 of 2 events'],
    ['ged-api.json', ged, 'UCDP GED JSON · 1 event imported', 'Showing 1 of 1 event'],
    ['acled.jsonl', acled.data.map((row) => JSON.stringify(row)).join('\n'), 'ACLED JSON (current layout) · 2 events imported', 'Showing 2 of 2 events'],
  ] as const) {
    await page.getByLabel('Open data file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(typeof answer === 'string' ? answer : JSON.stringify(answer)) });
    await expect(page.getByRole('region', { name: `Import report: ${name}` }).locator('.report-gist')).toHaveText(gist);
    await expect(status(page)).toHaveText(shown);
  }
  await expect(page.getByRole('table', { name: 'Events' })).toContainText('13 Sept 2022');
});
