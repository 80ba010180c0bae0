// Writing a story (issue #25): an analyst builds a story of views with captions in the Story
// panel, reorders it by keyboard and by drag, duplicates, deletes and undoes; the story survives a
// reload, saves as a file and opens again from the file input and from a drop; hostile captions
// stay text; the panel is axe clean in English and Arabic and leaves the timeline usable on a phone.
import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { XSS_PAYLOADS } from '../src/testing/hostileText.ts';

const status = (page: Page) => page.getByRole('status').filter({ hasText: /^Showing/ });
const panel = (page: Page) => page.getByRole('region', { name: 'Story' });
const steps = (page: Page) => panel(page).getByRole('list', { name: 'Steps' }).locator(':scope > li');
const step = (page: Page, n: number) => steps(page).nth(n - 1);
const stepViews = (page: Page) => steps(page).locator('.step-view').allTextContents();
const announcement = (page: Page) => panel(page).locator('[aria-live="polite"]');

const WINDOW = '13 Sept 2022, 00:00 to 15 Sept 2022, 00:00 UTC';
const CEASEFIRES = `${WINDOW} · Type: Ceasefire`;
const YEREVAN = `${WINDOW} · Type: Ceasefire · Text: “Yerevan”`;

async function addView(page: Page) {
  await panel(page).getByRole('button', { name: 'Add this view as a step' }).click();
}

async function editCaption(page: Page, n: number, caption: string, sources = '') {
  await panel(page).getByRole('button', { name: `Edit the caption of step ${n}` }).click();
  const editor = step(page, n);
  await editor.getByRole('textbox', { name: `Caption of step ${n}` }).fill(caption);
  if (sources) await editor.getByRole('textbox', { name: 'Sources, one per line' }).fill(sources);
  await editor.getByRole('button', { name: 'Done' }).click();
}

/** The captions of the steps kept in this browser's IndexedDB (what a reload brings back), in order; null when it cannot be read. */
async function keptCaptions(page: Page): Promise<string[] | null> {
  return page.evaluate(
    () =>
      new Promise<string[] | null>((resolve) => {
        const request = indexedDB.open('conflict-timeline-stories');
        request.onerror = () => resolve(null);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('stories')) return resolve([]);
          const get = db.transaction('stories').objectStore('stories').get('current');
          get.onsuccess = () => resolve(((get.result as { file?: { steps?: { caption: string }[] } } | undefined)?.file?.steps ?? []).map((step) => step.caption));
          get.onerror = () => resolve(null);
        };
      }),
  );
}

/** What a reader sees of the story: title, and each step's view, caption and sources as text. */
async function storyOnScreen(page: Page) {
  return {
    title: await panel(page).getByRole('textbox', { name: 'Story title' }).inputValue(),
    steps: await steps(page).evaluateAll((items) =>
      items.map((li) => ({
        view: li.querySelector('.step-view')?.textContent,
        caption: li.querySelector('.step-caption')?.innerHTML,
        sources: li.querySelector('.step-sources')?.textContent ?? '',
      })),
    ),
  };
}

async function dropFile(page: Page, name: string, content: string) {
  const transfer = await page.evaluateHandle(
    ([text, fileName]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text!], fileName!, { type: 'application/json' }));
      return dt;
    },
    [content, name],
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
}

/** Drags a step by its handle with the mouse, releasing over the lower part of another step. */
async function dragStep(page: Page, from: Locator, onto: Locator) {
  const handle = from.locator('.step-handle');
  await handle.scrollIntoViewIfNeeded();
  const start = (await handle.boundingBox())!;
  const target = (await onto.boundingBox())!;
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2, start.y + 20, { steps: 3 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height * 0.8, { steps: 6 });
  await expect(onto).toHaveClass(/drop-after/);
  await page.mouse.up();
}

test('an analyst writes a three-step story, edits and reorders it, and gets it back after a reload, from a file and from a drop', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page)).toContainText('No steps yet.');
  await panel(page).getByRole('textbox', { name: 'Story title' }).fill('September 2022');
  await panel(page).getByRole('textbox', { name: 'Story title' }).press('Enter');

  // Three views, set up as a user would: dates, then a type, then a search.
  await page.getByLabel('From', { exact: true }).fill('2022-09-13');
  await page.getByLabel('To', { exact: true }).fill('2022-09-14');
  await addView(page);
  await expect(announcement(page)).toHaveText('Step 1 of 1 added.');
  await page.getByRole('group', { name: 'Event types' }).getByRole('checkbox', { name: /^Ceasefire \d+$/ }).check();
  await addView(page);
  await page.getByRole('searchbox', { name: 'Search events' }).fill('Yerevan');
  await expect(page.getByRole('button', { name: 'Remove filter Text: “Yerevan”' })).toBeVisible();
  await addView(page);
  expect(await stepViews(page)).toEqual([WINDOW, CEASEFIRES, YEREVAN]);

  // Captions with bold and a link, and sources one per line.
  await editCaption(page, 1, 'Fighting breaks out at **Goris** and Jermuk.\n\nSee [the report](https://example.org/report).', 'https://example.org/a\nTASS, 13 Sep 2022');
  await expect(step(page, 1).locator('.step-caption strong')).toHaveText('Goris');
  await expect(step(page, 1).getByRole('link', { name: 'the report' })).toHaveAttribute('href', 'https://example.org/report');
  await expect(step(page, 1).locator('.step-caption p')).toHaveCount(2);
  await expect(step(page, 1).getByRole('link', { name: 'https://example.org/a' })).toBeVisible();
  await expect(step(page, 1).locator('.step-sources')).toContainText('TASS, 13 Sep 2022');
  await expect(panel(page).getByRole('button', { name: 'Edit the caption of step 1' })).toBeFocused();
  await editCaption(page, 2, 'The *Russian* ceasefire fails.');
  await expect(step(page, 2).locator('.step-caption em')).toHaveText('Russian');
  await editCaption(page, 3, 'Protests in Yerevan.');

  // Reorder by keyboard: Alt+ArrowUp on the third step; the focus stays on it, and the move is announced.
  await panel(page).getByRole('button', { name: 'Show step 3' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  expect(await stepViews(page)).toEqual([WINDOW, YEREVAN, CEASEFIRES]);
  await expect(panel(page).getByRole('button', { name: 'Show step 2' })).toBeFocused();
  await expect(announcement(page)).toHaveText('Moved to position 2 of 3.');
  // … and with its Move down button, which keeps the focus as the step moves.
  await panel(page).getByRole('button', { name: 'Move step 2 down' }).click();
  expect(await stepViews(page)).toEqual([WINDOW, CEASEFIRES, YEREVAN]);
  await expect(panel(page).getByRole('button', { name: 'Move step 3 down' })).toBeFocused();

  // Reorder by drag: the first step dropped below the second.
  await dragStep(page, step(page, 1), step(page, 2));
  expect(await stepViews(page)).toEqual([CEASEFIRES, WINDOW, YEREVAN]);
  await expect(announcement(page)).toHaveText('Moved to position 2 of 3.');
  await expect(step(page, 2).locator('.step-caption strong')).toHaveText('Goris');
  await page.screenshot({ path: info.outputPath('story-panel.png') });

  // Duplicate, delete, and undo both (the Undo button, then Ctrl+Z in the panel).
  await panel(page).getByRole('button', { name: 'Duplicate step 2' }).click();
  expect(await stepViews(page)).toEqual([CEASEFIRES, WINDOW, WINDOW, YEREVAN]);
  await panel(page).getByRole('button', { name: 'Delete step 1' }).click();
  expect(await stepViews(page)).toEqual([WINDOW, WINDOW, YEREVAN]);
  await expect(announcement(page)).toHaveText('Step 1 deleted. Undo brings it back.');
  await panel(page).getByRole('button', { name: 'Undo', exact: true }).click();
  expect(await stepViews(page)).toEqual([CEASEFIRES, WINDOW, WINDOW, YEREVAN]);
  await panel(page).getByRole('button', { name: 'Show step 1' }).focus();
  await page.keyboard.press('Control+z');
  expect(await stepViews(page)).toEqual([CEASEFIRES, WINDOW, YEREVAN]);
  // Ctrl+Z in a text field is the field's own.
  await panel(page).getByRole('textbox', { name: 'Story title' }).press('Control+z');
  expect(await stepViews(page)).toEqual([CEASEFIRES, WINDOW, YEREVAN]);

  // Showing a step puts the timeline in its view.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await panel(page).getByRole('button', { name: 'Show step 1' }).click();
  await expect(page.getByRole('button', { name: 'Remove filter Type: Ceasefire' })).toBeVisible();
  await expect(page).toHaveURL(/from=2022-09-13&to=2022-09-15&types=ceasefire/);
  await expect(step(page, 1)).toHaveAttribute('aria-current', 'step');

  const written = await storyOnScreen(page);
  expect(written.title).toBe('September 2022');
  expect(written.steps).toHaveLength(3);

  // A reload brings it back, once the last edits are kept (a count of three steps was kept before
  // them, and a reload then brought back the older story).
  await expect.poll(() => keptCaptions(page)).toEqual([
    'The *Russian* ceasefire fails.',
    'Fighting breaks out at **Goris** and Jermuk.\n\nSee [the report](https://example.org/report).',
    'Protests in Yerevan.',
  ]);
  await page.reload();
  await expect(status(page)).toHaveText(/^Showing/);
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await expect(steps(page)).toHaveCount(3);
  expect(await storyOnScreen(page)).toEqual(written);

  // Saved as a file named after the title…
  const waiting = page.waitForEvent('download');
  await panel(page).getByRole('button', { name: 'Save story' }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('september-2022.story.json');
  const saved = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(saved);
  expect(file).toMatchObject({ format: 'conflict-timeline-story', version: 1, title: 'September 2022' });
  expect(file.steps.map((s: { view: string }) => s.view)).toEqual(['from=2022-09-13&to=2022-09-15&types=ceasefire', 'from=2022-09-13&to=2022-09-15', 'from=2022-09-13&to=2022-09-15&types=ceasefire&q=Yerevan']);
  expect(file.steps[1].sources).toEqual(['https://example.org/a', 'TASS, 13 Sep 2022']);

  // … reopened through "Open story…" after the story was emptied: the same story.
  for (let i = 0; i < 3; i++) await panel(page).getByRole('button', { name: 'Delete step 1' }).click();
  await panel(page).getByRole('textbox', { name: 'Story title' }).fill('');
  await panel(page).getByRole('textbox', { name: 'Story title' }).press('Enter');
  await expect(panel(page)).toContainText('No steps yet.');
  await panel(page).getByLabel('Open a story file').setInputFiles({ name: 'september-2022.story.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect(steps(page)).toHaveCount(3);
  expect(await storyOnScreen(page)).toEqual(written);
  await expect(page.locator('.notice')).toContainText('Opened the story september-2022.story.json (3 steps). Undo brings back the story before it.');
  // Opening is undoable: Undo brings back the empty story.
  await panel(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel(page)).toContainText('No steps yet.');

  // … and by a drop on the page (a .json whose content says it is a story), with the panel closed.
  await page.getByRole('button', { name: 'Close the story panel' }).click();
  await expect(panel(page)).toHaveCount(0);
  await dropFile(page, 'mine.json', saved);
  await expect(panel(page)).toBeVisible();
  await expect(steps(page)).toHaveCount(3);
  expect(await storyOnScreen(page)).toEqual(written);
  // The data did not change: it was opened as a story, not imported.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Armenia–Azerbaijan border clashes, September 2022');
});

test('a story file with a bad step opens the good steps and names the file and the step left out', async ({ page }) => {
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  const story = { format: 'conflict-timeline-story', version: 1, title: 'Partly bad', steps: [{ view: 'types=clash', caption: 'Good' }, { caption: 'no view' }] };
  await dropFile(page, 'partly.story.json', JSON.stringify(story));
  await expect(steps(page)).toHaveCount(1);
  await expect(page.locator('.notice').first()).toContainText('partly.story.json: step 2 was left out (view:');
  await dropFile(page, 'not-a-story.story.json', '{"format":"something-else"}');
  await expect(page.locator('.notice')).toContainText(['not-a-story.story.json is not a Conflict Timeline story']);
  await expect(steps(page)).toHaveCount(1);
});

test('captions, sources and titles with script payloads run nothing and show as text', async ({ page }) => {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await panel(page).getByRole('textbox', { name: 'Story title' }).fill(XSS_PAYLOADS[1]);
  await addView(page);
  const caption = XSS_PAYLOADS.join('\n\n');
  await editCaption(page, 1, `${caption}\n\n[click](javascript:window.__xss=1)`, XSS_PAYLOADS.join('\n'));

  await expect(step(page, 1).locator('.step-caption')).toContainText('<script>window.__xss=1</script>');
  await expect(step(page, 1).locator('.step-caption')).toContainText('<img src=x onerror="window.__xss=1;alert(1)">');
  await expect(step(page, 1).locator('.step-sources')).toContainText('<details open ontoggle="window.__xss=1;alert(1)">');
  // A story file made of payloads, dropped, too: every step shows, and shows its view.
  const hostile = { format: 'conflict-timeline-story', version: 1, title: XSS_PAYLOADS[0], steps: XSS_PAYLOADS.map((p) => ({ view: `q=${encodeURIComponent(p)}`, caption: p, sources: [p, 'javascript:window.__xss=1'] })) };
  await dropFile(page, 'hostile.story.json', JSON.stringify(hostile));
  await expect(steps(page)).toHaveCount(XSS_PAYLOADS.length);
  for (let n = 1; n <= 3; n++) await panel(page).getByRole('button', { name: `Show step ${n}`, exact: true }).click();

  const injected = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
      const href = el.getAttribute('href') ?? el.getAttribute('src') ?? '';
      if (/^\s*(javascript|data|vbscript):/i.test(href)) found.push(`${el.tagName} ${href}`);
    }
    for (const el of document.querySelectorAll('img[src="x"], iframe[srcdoc], math, mglyph, details[ontoggle], svg[onload], body script:not([src])')) found.push(el.outerHTML.slice(0, 80));
    const w = window as unknown as { __xss?: unknown; __cspViolations: string[] };
    return { found, xss: w.__xss, csp: w.__cspViolations };
  });
  expect(injected).toEqual({ found: [], xss: undefined, csp: [] });
  expect(problems).toEqual([]);
  // The javascript: link stays text, and the payload source is not a link.
  await expect(panel(page).locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(step(page, 1).locator('.step-caption')).toContainText('<script>window.__xss=1</script>');
});

test('where the browser offers no IndexedDB, the panel says once, quietly, that the story is not kept, and it still works', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  await page.goto('./');
  await expect(status(page)).toHaveText('Showing 16 of 16 events');
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await addView(page);
  await addView(page);
  await editCaption(page, 2, 'Still **works**.');
  await expect(step(page, 2).locator('strong')).toHaveText('works');
  await expect(panel(page).getByText('This browser does not keep the story between visits: save it as a file to keep it.')).toHaveCount(1);
  await expect(page.locator('.notice')).toHaveCount(0);
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [lang, panelName, toggle, add, edit] of [
  ['en', 'Story', 'Story', 'Add this view as a step', 'Edit the caption of step 1'],
  ['ar', 'القصة', 'القصة', 'إضافة هذا العرض خطوةً', 'تحرير تعليق الخطوة 1'],
] as const) {
  test(`the Story panel with steps and an open editor is axe clean (${lang})`, async ({ page }, info) => {
    await page.goto(`./?lang=${lang}&from=2022-09-12&to=2022-09-16`);
    await page.locator('.lane-label').first().waitFor();
    await page.getByRole('button', { name: toggle, exact: true }).click();
    const story = page.getByRole('region', { name: panelName });
    await story.getByRole('button', { name: add }).click();
    await story.getByRole('button', { name: add }).click();
    await story.getByRole('button', { name: edit }).click();
    await story.getByRole('textbox').nth(1).fill(lang === 'en' ? '**Clashes** at Goris, [report](https://example.org)' : '**اشتباكات** في غوريس، [تقرير](https://example.org)');
    await expect(story.locator('.story-step')).toHaveCount(2);
    await page.screenshot({ path: info.outputPath(`story-${lang}.png`) });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('on a phone the panel sits below the timeline, which stays usable', async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?from=2022-09-12&to=2022-09-16');
  await page.locator('.lane-label').first().waitFor();
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await addView(page);
  await addView(page);
  await expect(steps(page)).toHaveCount(2);
  const timeline = (await page.locator('#timeline').boundingBox())!;
  const story = (await panel(page).boundingBox())!;
  expect(story.y).toBeGreaterThanOrEqual(timeline.y + timeline.height);
  expect(story.x + story.width).toBeLessThanOrEqual(390);
  // Nothing covers the timeline: the point in its middle is the timeline's own.
  await page.locator('#timeline').scrollIntoViewIfNeeded();
  const box = (await page.locator('#timeline').boundingBox())!;
  const owner = await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest('#timeline'), [box.x + box.width * 0.6, box.y + box.height / 2]);
  expect(owner).toBe(true);
  const before = page.url();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => page.url()).not.toBe(before);
  await panel(page).scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('story-phone.png') });
});

test('beside the timeline, the steps not shown read as summaries, so that the next step is in sight; the step shown reads whole', async ({ page }) => {
  await page.goto('./');
  await page.locator('.lane-label').first().waitFor();
  await page.getByRole('button', { name: 'Story', exact: true }).click();
  await panel(page).getByLabel('Open a story file').setInputFiles('public/stories/september-2022.story.json');
  await expect(steps(page)).toHaveCount(5);
  const list = (await panel(page).getByRole('list', { name: 'Steps' }).boundingBox())!;
  // Step 2's caption starts inside the list's visible part, under step 1, with nothing scrolled.
  const second = (await step(page, 2).locator('.step-caption').boundingBox())!;
  expect(second.y).toBeLessThan(list.y + list.height);
  // A summary is cut (its text runs on past its box); once shown, the step's caption is whole.
  const cut = (n: number) => step(page, n).locator('.step-caption').evaluate((caption) => caption.scrollHeight > caption.clientHeight + 1);
  expect(await cut(1)).toBe(true);
  await panel(page).getByRole('button', { name: 'Show step 1' }).click();
  await expect(step(page, 1)).toHaveAttribute('aria-current', 'step');
  expect(await cut(1)).toBe(false);
  // Its full view stays a hover away.
  expect(await step(page, 2).locator('.step-view').getAttribute('title')).toContain('Event: Russian-brokered ceasefire');
});
