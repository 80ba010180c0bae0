// Builds the story file's viewer (src/storyViewer.tsx) after the app, as part of `vite build`:
// one JS file and one CSS file in dist/story-viewer/, which the app's "Export story" fetches
// from its own origin and inlines into the HTML it writes. One file each, nothing loaded later:
// dynamic imports are inlined and assets become data: URLs. The map and the details' locator map
// (with the basemap) are left out: the file's viewer draws the timeline only.
import path from 'node:path';
import { build, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

export const STORY_VIEWER_DIR = 'story-viewer';

export function storyViewerBuild(): Plugin {
  let root = process.cwd();
  let outDir = 'dist';
  return {
    name: 'story-viewer-build',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        base: './',
        logLevel: 'warn',
        plugins: [react()],
        publicDir: false,
        resolve: {
          alias: [{ find: /^\.\/(PlaceLocator|MapShell)\.tsx$/, replacement: path.resolve(root, 'src/ui/story/NoMap.tsx') }],
        },
        build: {
          outDir: path.join(outDir, STORY_VIEWER_DIR),
          emptyOutDir: true,
          target: 'es2022',
          sourcemap: false,
          cssCodeSplit: false,
          modulePreload: false,
          assetsInlineLimit: () => true,
          rolldownOptions: {
            input: path.resolve(root, 'src/storyViewer.tsx'),
            output: { format: 'es', codeSplitting: false, entryFileNames: 'viewer.js', assetFileNames: 'viewer[extname]' },
          },
        },
      });
    },
  };
}
