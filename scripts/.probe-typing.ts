// temporary: CPU profile of the page while typing key by key at 1M
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const [url, file, n] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
const page = await context.newPage();
await page.goto(url!);
await page.getByRole('status').filter({ hasText: /^Showing/ }).waitFor();
const total = Number(n).toLocaleString('en-GB');
await page.getByLabel('Open data file').setInputFiles(file!);
await page.getByRole('status').filter({ hasText: `Showing ${total} of ${total}` }).waitFor({ timeout: 180000 });
const search = page.getByLabel('Search events');
const t0 = Date.now();
await search.fill("armed");
await page.getByRole('status').filter({ hasText: /^Preparing the search/ }).waitFor({ state: 'detached', timeout: 300000 });
console.log("first search after", Date.now() - t0, "ms");
await search.fill("");
await page.waitForTimeout(1000);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const keys = 'village 12';
const times: number[] = [];
for (let k = 1; k <= keys.length; k++) {
  const t = await page.evaluate((text) => new Promise<number>((resolve) => {
    const input = document.querySelector('input[type=search]') as HTMLInputElement;
    const t0 = performance.now();
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
  }), keys.slice(0, k));
  times.push(Math.round(t));
  await page.waitForTimeout(150);
}
const { profile } = await cdp.send('Profiler.stop');
console.log('keys', times.join(', '));
writeFileSync('/tmp/perf/typing.cpuprofile', JSON.stringify(profile));
await browser.close();
