// The story being written, kept in this browser's IndexedDB so that it survives a reload. It has
// a database of its own, so that the kept files' database (keptFiles.ts) keeps its version. The
// story is stored as its file form and read back through the same checks as a file.
import type { Story } from '../story/story.ts';
import { decodeStoryValue, storyFile, type DecodedStory } from '../story/storyCodec.ts';
import { done, finished } from './idbRequests.ts';

export interface KeptStory {
  /** The kept story, checked as a file is; null when none is kept. */
  load(): Promise<DecodedStory | null>;
  /** Keeps `story` in place of the one kept (a story with no steps and no title is forgotten). */
  save(story: Story): Promise<void>;
}

const DATABASE = 'conflict-timeline-stories';
const VERSION = 1;
const STORE = 'stories';
/** One story is written at a time: it is kept under one key. */
const CURRENT = 'current';
/** What the messages call it, when the kept story has a problem. */
export const KEPT_STORY_NAME = 'The story kept in this browser';

/** Opens the kept story, or null where this browser offers no IndexedDB (some private modes). */
export function openKeptStory(factory: IDBFactory | undefined = globalThis.indexedDB): KeptStory | null {
  if (!factory) return null;
  let database: Promise<IDBDatabase> | null = null;
  const open = () => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('another tab holds an older version of the storage'));
    });
    return database;
  };
  return {
    async load() {
      const kept = (await done((await open()).transaction(STORE).objectStore(STORE).get(CURRENT))) as { file?: unknown } | undefined;
      return kept ? decodeStoryValue(kept.file, KEPT_STORY_NAME) : null;
    },
    async save(story) {
      const transaction = (await open()).transaction(STORE, 'readwrite');
      const store = transaction.objectStore(STORE);
      if (story.steps.length === 0 && !story.title) store.delete(CURRENT);
      else store.put({ file: storyFile(story), keptAt: Date.now() }, CURRENT);
      // Committed now, not when the page's task ends: a reload right after an edit still keeps it.
      transaction.commit?.();
      await finished(transaction);
    },
  };
}
