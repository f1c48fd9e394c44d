import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));
const examEntry = `${webRoot}/exam/index.html`;

// The candidate exam page (src/web/exam) is a second, light entry; it is built when it exists.
const input: Record<string, string> = { main: `${webRoot}/index.html` };
if (existsSync(examEntry)) input.exam = examEntry;

// Where `vite` (dev) and `vite preview` send /api; the app server listens on 3000 by default.
// The Host header is kept (changeOrigin: false): the server rejects writes whose Origin differs from Host.
const apiProxy = {
  '/api/': { target: process.env.THUOCDO_API ?? 'http://localhost:3000', changeOrigin: false },
};

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      input,
      output: {
        codeSplitting: {
          groups: [
            // React on its own (the light exam page shares it); AntD and pages split along the lazy routes.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    proxy: apiProxy,
  },
  preview: {
    proxy: apiProxy,
  },
});
