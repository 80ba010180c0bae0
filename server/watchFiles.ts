// Calls back once a burst of changes to any of the files has settled. Each file's folder is
// watched, not the file: editors and exporters often replace a file (write, then rename), which a
// watch on the file itself stops seeing.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** Returns a function that stops watching. */
export function watchFiles(paths: readonly string[], settleMs: number, onChange: () => void): () => void {
  const byFolder = new Map<string, Set<string>>();
  for (const path of paths.map((p) => resolve(p))) {
    const names = byFolder.get(dirname(path)) ?? new Set<string>();
    names.add(basename(path));
    byFolder.set(dirname(path), names);
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, settleMs);
  };
  const watchers: FSWatcher[] = [...byFolder].map(([folder, names]) =>
    watch(folder, (_event, name) => {
      if (name === null || names.has(basename(name.toString()))) changed();
    }),
  );
  return () => {
    if (timer !== null) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
