import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CSP_META, SECURITY_HEADERS } from './src/security/contentSecurityPolicy.ts';
import { storyViewerBuild } from './scripts/storyViewerBuild.ts';

// The built index.html carries the policy in a <meta> tag, so that it holds on any static host.
// Only the build: the dev server's hot reload needs an inline script.
const contentSecurityPolicyMeta: Plugin = {
  name: 'content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
};

// The Latin fonts every page draws in, asked for with the page rather than once the CSS is read:
// until they come the page is drawn in the system's font, which is wider, and on a slow network
// the toolbar wrapped one row more, then moved back. (Arabic and the other scripts load as needed.)
const preloadLatinFonts: Plugin = {
  name: 'preload-latin-fonts',
  apply: 'build',
  transformIndexHtml: (_html, context) =>
    Object.keys(context.bundle ?? {})
      .filter((file) => /\/noto-sans-latin-(400|600)-normal-[\w-]+\.woff2$/.test(file))
      .map((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'font', type: 'font/woff2', href: `./${file}`, crossorigin: '' }, injectTo: 'head' as const })),
};

export default defineConfig({
  // storyViewerBuild: the viewer a story's HTML file inlines, built after the app into dist/story-viewer/.
  plugins: [react(), contentSecurityPolicyMeta, preloadLatinFonts, storyViewerBuild()],
  base: './',
  build: { target: 'es2022', sourcemap: true },
  // The import worker is a module worker (see importClient.ts): as ES, it loads the Parquet and
  // Arrow readers in chunks of their own, only when a file needs them, instead of with every import.
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true, headers: { ...SECURITY_HEADERS } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
    environment: 'node',
    // Some tests read files of tens of MB; on two shared cores 5 s is too tight a limit.
    testTimeout: 20_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/unit.json' }]] : ['default'],
  },
});
