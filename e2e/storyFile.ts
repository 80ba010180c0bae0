// Writes a story's HTML file in Node, as "Export story" does in the page: the writer with the
// seed data and the viewer built by `vite build` (dist/story-viewer/). Until the Story panel can
// build a story through the UI, the e2e tests of the file open what this writes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import seed from '../data/seed.json' with { type: 'json' };
import { validateDataset } from '../src/model/validate.ts';
import type { Dataset } from '../src/model/schema.ts';
import type { Story } from '../src/story/story.ts';
import { createAppStore } from '../src/store/store.ts';
import { uiLocaleOf, type UiLang } from '../src/i18n/locale.ts';
import { writeStoryFile, type StoryFile } from '../src/export/storyFile.ts';
import { permalinkFor } from '../src/share/links.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The viewer's bundle as the build wrote it; a clear failure when the build has not run. */
export function builtViewer(): { js: string; css: string } {
  const dir = path.join(root, 'dist/story-viewer');
  if (!existsSync(path.join(dir, 'viewer.js'))) throw new Error(`${dir}/viewer.js is missing: run \`npx vite build\` first`);
  return { js: readFileSync(path.join(dir, 'viewer.js'), 'utf8'), css: readFileSync(path.join(dir, 'viewer.css'), 'utf8') };
}

export function seedDataset(): Dataset {
  const result = validateDataset(seed);
  if (!result.ok) throw new Error('data/seed.json is not valid');
  return result.dataset;
}

/** Text widths without a canvas: close enough for the pictures' layout. */
const measure = (text: string, size: number, weight: number) => text.length * size * (weight >= 600 ? 0.6 : 0.55);

/** Writes `story` on `dataset` (the seed by default) into `dir`; gives the file's path and what it holds. */
export async function writeStory(story: Story, dir: string, options: { lang?: UiLang; dataset?: Dataset; name?: string } = {}): Promise<StoryFile & { path: string }> {
  const store = createAppStore({ dataset: options.dataset ?? seedDataset(), lang: options.lang ?? 'en' });
  store.getState().openStory(story);
  const file = await writeStoryFile(store, {
    ui: uiLocaleOf(options.lang ?? 'en'),
    measure,
    now: new Date(Date.UTC(2026, 10, 25)),
    viewer: builtViewer(),
    permalinkOf: (view) => permalinkFor('https://conflict-timeline.example/', view, null),
  });
  mkdirSync(dir, { recursive: true });
  const filePath = path.join(dir, options.name ?? file.fileName);
  writeFileSync(filePath, file.html);
  return { ...file, path: filePath };
}
