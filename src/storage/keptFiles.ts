// The files a user opened, kept in this browser's IndexedDB so that their data comes back after a
// reload. The files themselves are kept: a File is stored by reference and copied by the browser
// off the page's thread, so even a large one never freezes the page. On reload they go through
// the import worker again, with the format and column mapping they were opened with.
import type { ColumnMapping } from '../io/columnMapping.ts';
import type { ImportFormat } from '../io/formats.ts';
import { done, finished } from './idbRequests.ts';

export type KeptMode = 'replace' | 'add';

/** What the list of kept files shows: everything but the file's bytes. */
export interface KeptFileInfo {
  /** Increases in the order the files were opened. */
  id: number;
  name: string;
  /** Bytes. */
  size: number;
  /** Epoch milliseconds. */
  keptAt: number;
  /** How the file was opened: replacing the data, or added to it. */
  mode: KeptMode;
  format?: ImportFormat;
  mapping?: ColumnMapping;
  /** The data link the file was added to: it is opened first when the files come back. */
  onLink?: string;
}

export interface KeptFile extends KeptFileInfo {
  file: Blob;
}

export type NewKeptFile = Omit<KeptFile, 'id' | 'keptAt'>;

export interface KeptFiles {
  /** The kept files in the order they were opened, without their bytes. */
  list(): Promise<KeptFileInfo[]>;
  /** The kept files with their bytes, in the order to open them again. */
  files(): Promise<KeptFile[]>;
  /**
   * Keeps a file just opened. It starts the list afresh when it replaced the data, or when it was
   * added to data that is not kept (the bundled dataset, or a link's); otherwise it joins the list.
   */
  keep(file: NewKeptFile, addedToKeptData: boolean): Promise<KeptFileInfo[]>;
  forget(id: number): Promise<KeptFileInfo[]>;
  forgetAll(): Promise<void>;
}

const DATABASE = 'conflict-timeline';
const VERSION = 1;
const STORE = 'kept-files';

const infoOf = ({ file: _file, ...info }: KeptFile): KeptFileInfo => info;

/** Opens the kept files, or null where this browser offers no IndexedDB (some private modes). */
export function openKeptFiles(factory: IDBFactory | undefined = globalThis.indexedDB): KeptFiles | null {
  if (!factory) return null;
  let database: Promise<IDBDatabase> | null = null;
  const open = () => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DATABASE, VERSION);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('another tab holds an older version of the storage'));
    });
    return database;
  };
  const all = async () => (await done((await open()).transaction(STORE).objectStore(STORE).getAll())) as KeptFile[];
  const write = async (change: (store: IDBObjectStore) => void) => {
    const transaction = (await open()).transaction(STORE, 'readwrite');
    change(transaction.objectStore(STORE));
    await finished(transaction);
  };
  const kept: KeptFiles = {
    list: async () => (await all()).map(infoOf),
    files: all,
    async keep(file, addedToKeptData) {
      await write((store) => {
        if (file.mode === 'replace' || !addedToKeptData) store.clear();
        store.add({ ...file, keptAt: Date.now() });
      });
      return kept.list();
    },
    async forget(id) {
      await write((store) => store.delete(id));
      return kept.list();
    },
    forgetAll: () => write((store) => store.clear()),
  };
  return kept;
}
