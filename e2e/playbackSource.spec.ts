// Playback through time over a data server (`?source=`): the window moves as with data in the page,
// and the server's answers keep coming while it moves, not only once it rests. The server is
// started here over 5,000 generated ACLED events, as e2e/source.spec.ts does.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createDataServer } from '../server/api.ts';
import { loadDuckDbSource } from '../server/duckdbSource.ts';
import type { Engine } from '../server/engine.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';

let dir = '';
let engine: Engine;
let dispose: () => Promise<void> = async () => {};

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ct-playback-source-'));
  const csv = join(dir, 'acled.csv');
  writeFileSync(csv, acledCsv(generatedAcledRows(5000)));
  const loaded = await loadDuckDbSource([csv], dir);
  if (!loaded.ok) throw new Error(loaded.message);
  engine = loaded.engine;
  dispose = loaded.dispose;
});

test.afterAll(async () => {
  await dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('Play moves the window over a data server, and its counts follow while it plays', async ({ page, baseURL }) => {
  const server: Server = createDataServer({ engine: () => engine, staticRoot: null, allowOrigins: [new URL(baseURL!).origin], token: null, log: () => {} });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await page.goto(`./?source=${base}&from=2019-01-01&to=2019-02-01`);
    const status = page.getByRole('status').filter({ hasText: /^Showing/ });
    await expect(status).toHaveText(/^Showing [\d,]+ of 5,000 events$/);
    const play = page.getByRole('group', { name: 'Playback' }).getByRole('button');
    await page.getByRole('combobox', { name: 'Playback speed' }).selectOption({ label: '1 week / s' });
    const seen = new Set([await status.textContent()]);
    await play.click();
    // While it plays (a month slides by in four seconds), the server's counts change more than once.
    for (let i = 0; i < 40 && seen.size < 3; i++) {
      await page.waitForTimeout(100);
      seen.add(await status.textContent());
    }
    await expect(play).toHaveText(/Pause/);
    expect(seen.size).toBeGreaterThanOrEqual(3);
    await play.click();
    expect(new URL(page.url()).searchParams.get('from')).toMatch(/^2019-01-\d\dT/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
