// `npx tsx bench/storyExport.ts` (after `vite build`): the story's HTML file (issue #25) for a
// five-step story on the seed and on generated ACLED-like events (20,000: all carried; 100,000:
// above the cap, only what the steps show). Reports each file's size (and gzipped, as a mail
// attachment might travel), what it is made of, the time to write it in Node, and the time
// headless Chromium takes to open it at file:// until the viewer shows the first step (median of
// 3). It reports; it asserts nothing.
import { chromium } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { importText } from '../src/io/importer.ts';
import { acledCsv, generatedAcledRows } from '../src/testing/acledFixture.ts';
import { septemberStory } from '../src/testing/storyFixture.ts';
import type { Dataset } from '../src/model/schema.ts';
import type { Story } from '../src/story/story.ts';
import { writeStory } from '../e2e/storyFile.ts';

const SIZES = (process.env.BENCH_SIZES ?? '20000,100000').split(',').map(Number);
const RUNS = 3;
const dir = path.join(os.tmpdir(), 'conflict-timeline-bench', 'story');
const log = (message: string) => console.error(`[bench story] ${message}`);
const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} kB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Five steps over the generated years (2018–2023), each with its own window and filters. */
function generatedStory(): Story {
  const views = [
    'from=2019-01-01&to=2020-01-01',
    'from=2020-01-01&to=2020-07-01&types=clash',
    'from=2021-03-01&to=2021-04-01&types=protest',
    'from=2022-06-01&to=2022-06-15',
    'from=2023-01-01&to=2023-12-31&types=clash&lanes=actor',
  ];
  return { title: 'Five steps through generated events', steps: views.map((view, i) => ({ id: `s${i + 1}`, view, caption: `Step ${i + 1}: **what happened** in this window.`, sources: ['https://example.org/source'] })) };
}

function generatedDataset(n: number): Dataset {
  const result = importText({ text: acledCsv(generatedAcledRows(n)), fileName: `bench-${n}.csv` });
  if (result.kind !== 'done') throw new Error(`importing ${n} generated rows gave ${result.kind}`);
  return result.dataset;
}

/** How much of the file is the viewer, the data, the pictures. */
function parts(html: string) {
  const block = (re: RegExp) => re.exec(html)?.[1]?.length ?? 0;
  return {
    viewer: block(/<script type="module">([\s\S]*?)<\/script>/) + [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].reduce((sum, m) => sum + m[1]!.length, 0),
    data: block(/id="story-dataset"[^>]*>([\s\S]*?)<\/script>/),
    pictures: [...html.matchAll(/<figure class="step-picture">([\s\S]*?)<\/figure>/g)].reduce((sum, m) => sum + m[1]!.length, 0),
  };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const rows: string[] = [];
try {
  const cases: { name: string; story: Story; dataset?: Dataset }[] = [{ name: 'seed (16 events)', story: septemberStory() }];
  for (const n of SIZES) {
    log(`generating ${n} events`);
    cases.push({ name: `${n.toLocaleString('en')} generated events`, story: generatedStory(), dataset: generatedDataset(n) });
  }
  for (const c of cases) {
    const started = performance.now();
    const file = await writeStory(c.story, dir, { dataset: c.dataset, name: `${c.name.replace(/\W+/g, '-')}.story.html` });
    const writeMs = performance.now() - started;
    const bytes = statSync(file.path).size;
    const html = readFileSync(file.path, 'utf8');
    const gzip = gzipSync(html, { level: 9 }).length;
    const p = parts(html);
    const opens: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const t0 = Date.now();
      await page.goto(pathToFileURL(file.path).href, { waitUntil: 'commit' });
      await page.locator('.story-viewer-count').waitFor();
      await page.locator('.lane-label').first().waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      opens.push(Date.now() - t0);
      await page.close();
    }
    rows.push(`| ${c.name} | ${file.events.toLocaleString('en')} (${file.scope === 'all' ? 'all' : 'the steps’'}) | ${kb(bytes)} | ${kb(gzip)} | ${kb(p.viewer)} / ${kb(p.data)} / ${kb(p.pictures)} | ${Math.round(writeMs)} ms | ${median(opens)} ms |`);
    log(rows.at(-1)!);
  }
} finally {
  await browser.close();
}
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores shared), Node ${process.version}, headless Chromium.\n`);
console.log('| Story (5 steps) on | Events in the file | File | Gzipped | Viewer / data / pictures | Written in Node | Opens at file:// (first step shown, median of 3) |');
console.log('|---|---|---|---|---|---|---|');
console.log(rows.join('\n'));
