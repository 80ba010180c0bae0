// A build of its own for the vis-timeline page, so the peer never enters the app's bundle:
// `vite build --config bench/vis/vite.config.ts`, written to BENCH_VIS_OUT (the runner sets it).
import { defineConfig } from 'vite';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: path.dirname(fileURLToPath(import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_VIS_OUT ?? path.join(os.tmpdir(), 'conflict-timeline-bench', 'vis-dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
});
