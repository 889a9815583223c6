import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The single-page app lives in src/web and is built into dist/web, which the server serves
 * in production. Each route is loaded with import() (see app/router.tsx); the libraries
 * every page needs are grouped into a few long-lived vendor chunks so they stay cached
 * between releases of the app code.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](core|hooks)[\\/]/, priority: 20 },
            // The rich text editor (tiptap, ProseMirror) loads with the checklist page only; below
            // Mantine, so the helpers both use stay in Mantine's chunk.
            { name: 'editor', test: /node_modules[\\/](@mantine[\\/]tiptap|@tiptap|prosemirror-[a-z-]+|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/, priority: 15 },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 20 },
            // The app's small shared modules (API hooks, UI helpers, formatting) in one chunk
            // rather than a dozen tiny ones; each page keeps its own chunk.
            {
              name: 'shared',
              test: /src[\\/]web[\\/](lib|components|i18n[\\/]labels|features[\\/][^\\/]+[\\/]api)[\\/]?/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
