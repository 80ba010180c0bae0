// Takes screenshots of the built app for the README and for looking at what we built:
// `npm run screenshots` (after `vite build`; starts its own preview server).
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const port = 4179;
const out = process.argv[2] ?? 'screenshots';
mkdirSync(out, { recursive: true });

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const browser = await chromium.launch({ executablePath, args });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'en-GB', timezoneId: 'UTC' });
  const views: [string, string][] = [
    ['main', ''],
    ['september-2022', '?from=2022-09-12&to=2022-09-16'],
    ['ceasefire-detail', '?from=2022-09-14T06:00Z&to=2022-09-15T06:00Z&event=2022-09-14-ceasefire'],
    ['actor-lanes', '?from=2022-09-12&to=2022-09-16&lanes=actor'],
    ...(process.env.EXTRA_VIEWS ? (JSON.parse(process.env.EXTRA_VIEWS) as [string, string][]) : []),
  ];
  for (const [name, query] of views) {
    await page.goto(`http://127.0.0.1:${port}/${query}`);
    await page.waitForSelector('.lane-label');
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${name}.png`, fullPage: false });
    console.log(`${out}/${name}.png`);
  }
  await browser.close();
} finally {
  server.kill();
}
