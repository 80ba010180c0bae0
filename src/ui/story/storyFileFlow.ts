// A story as a file: "Save story" downloads it as JSON; "Open story…" and a dropped story file
// open it in place of the story being written (Undo brings that one back). A dropped file that is
// not a story goes to the data importer as before.
import type { AppStore } from '../../store/store.ts';
import { STORY_FORMAT, storyFromJson, storyToJson } from '../../story/storyCodec.ts';
import { STORY_FILE_SUFFIX, storyFileName } from '../../story/storyFileName.ts';
import { downloadBlob } from '../../export/browserExport.ts';
import { uiLocaleOf } from '../../i18n/locale.ts';
import { openFile } from '../import/importFlow.ts';
import type { ImportSession } from '../import/importSession.ts';

/** How much of a dropped file is read to tell a story from data. */
const SNIFF_BYTES = 4096;
/** A file larger than this is no story (a story's JSON is at most 2 MB); it is not read whole. */
const MAX_STORY_FILE_BYTES = 4_000_000;

const FORMAT_FIELD = new RegExp(`"format"\\s*:\\s*"${STORY_FORMAT}"`);

/** Whether a file is a story: named `….story.json`, or a `.json` whose start declares the story format. */
export function looksLikeStory(name: string, start: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith(STORY_FILE_SUFFIX)) return true;
  return lower.endsWith('.json') && FORMAT_FIELD.test(start);
}

export async function isStoryFile(file: File): Promise<boolean> {
  if (file.size > MAX_STORY_FILE_BYTES) return false;
  if (file.name.toLowerCase().endsWith(STORY_FILE_SUFFIX)) return true;
  if (!file.name.toLowerCase().endsWith('.json')) return false;
  return looksLikeStory(file.name, await file.slice(0, SNIFF_BYTES).text());
}

/** Downloads the story as `<title>.story.json`. */
export function saveStoryFile(store: AppStore): void {
  const { story } = store.getState();
  downloadBlob(new Blob([storyToJson(story)], { type: 'application/json' }), storyFileName(story.title));
}

/**
 * Opens a story file in place of the story being written, and opens the panel. Problems (a bad
 * step left out, a file that is no story) are notices naming the file. Resolves whether it opened.
 */
export async function openStoryFile(store: AppStore, file: File): Promise<boolean> {
  const t = uiLocaleOf(store.getState().lang).t;
  const notice = (text: string) => store.getState().addNotice(text);
  if (file.size > MAX_STORY_FILE_BYTES) {
    notice(t.storyFileProblem(`${file.name} is larger than a story can be (2 MB)`));
    return false;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    notice(t.storyCouldNotRead(file.name, (error as Error)?.message || String(error)));
    return false;
  }
  const decoded = storyFromJson(text, file.name);
  for (const problem of decoded.problems) notice(t.storyFileProblem(problem));
  if (!decoded.ok) return false;
  store.getState().openStory(decoded.story);
  store.getState().setStoryPanelOpen(true);
  notice(t.storyOpened(file.name, decoded.story.steps.length));
  return true;
}

/** A dropped file: a story opens as a story, anything else goes to the data importer. */
export async function openDroppedFile(session: ImportSession, file: File): Promise<void> {
  if (await isStoryFile(file)) await openStoryFile(session.store, file);
  else await openFile(session, file);
}
